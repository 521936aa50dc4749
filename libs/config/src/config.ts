import { z } from 'zod';
import { POLICIES } from '@sagsflow/domain';
import { DEFAULT_TASK_QUEUE } from '@sagsflow/temporal/shared';

const port = z.coerce.number().int().min(1).max(65535);

/** `id:base64key,id:base64key` — AES-256 keys for payload encryption, oldest first. */
const payloadKeys = z
  .string({ required_error: 'is required: id:base64-32-byte-key[,id:key…] (generate one with `openssl rand -base64 32`)' })
  .transform((spec, ctx) => {
    const keys = spec.split(',').map((entry) => {
      const [id, material = ''] = entry.trim().split(':');
      return { id, key: Buffer.from(material, 'base64') };
    });
    for (const { id, key } of keys) {
      if (!/^[a-z0-9-]{1,32}$/.test(id)) ctx.addIssue({ code: 'custom', message: `key id "${id}" must be 1–32 lowercase letters, digits or dashes` });
      else if (key.length !== 32) ctx.addIssue({ code: 'custom', message: `key ${id} must be 32 bytes, base64-encoded` });
    }
    if (new Set(keys.map((k) => k.id)).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'key ids must be unique' });
    return keys;
  });
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const postgresUrl = (params?: z.RawCreateParams) =>
  z
    .string(params)
    .url('must be a URL such as postgres://user:password@host:5432/sagsflow')
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

/**
 * Every environment variable the apps read, validated once at start-up. A missing or malformed
 * variable stops start-up with a message that names it.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The application's connection, as a role that owns nothing (README "Configuration"). */
  DATABASE_URL: postgresUrl({ required_error: 'is required (postgres://user:password@host:port/database)' }),
  /**
   * The role that owns the schema and runs the migrations (tools/prepare.ts); only prepare needs
   * it. DATABASE_URL when unset: one role for both, which can then alter the audit log.
   */
  MIGRATION_DATABASE_URL: postgresUrl().optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, for example localhost:7233')
    .default('localhost:7233'),
  /**
   * Mutual TLS to the Temporal frontend (deploy/README.md): files in PEM, the client's certificate
   * and key (together) and the CA that signed the server's certificate (the system's when unset).
   */
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  /** Path of a prebuilt workflow bundle (production); without it the worker bundles from source. */
  TEMPORAL_WORKFLOW_BUNDLE: z.string().min(1).optional(),
  TEMPORAL_PAYLOAD_KEYS: payloadKeys,
  /** The key new payloads are encrypted with; the last one listed when omitted. */
  TEMPORAL_PAYLOAD_KEY_ID: z.string().optional(),
  /** Origins of Temporal Web that may call the codec endpoint (CORS), comma-separated. */
  TEMPORAL_UI_ORIGINS: z
    .string()
    .default('http://localhost:8233')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  /**
   * Development only: a secret path segment under which the codec endpoint answers Temporal Web
   * without a token (the dev server's Web UI has no sign-in to pass one).
   */
  CODEC_DEV_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Municipality code this installation serves (used in search attributes and case numbers). */
  MUNICIPALITY: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lowercase letters, digits or dashes')
    .default('demo'),
  /** The municipality's policy profile (DOMAIN.md "Municipal policy profiles"). */
  POLICY: z
    .enum(Object.keys(POLICIES) as [keyof typeof POLICIES, ...(keyof typeof POLICIES)[]])
    .default('legal'),
  /** Where users open the product; links in e-mails point here. */
  PUBLIC_URL: z.string().url('must be a URL such as https://sagsflow.kommune.dk').default('http://localhost:3000'),
  /** OIDC issuer whose bearer tokens the API accepts (the `iss` claim). */
  AUTH_ISSUER: z.string().min(1).default('sagsflow-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('sagsflow'),
  /** The issuer's JWKS; without it, only the development issuer's tokens are accepted. */
  AUTH_JWKS_URL: z.string().url('must be the https URL of the issuer\'s JWKS').optional(),
  /** The web app's public OIDC client (authorization code + PKCE against AUTH_ISSUER). */
  AUTH_CLIENT_ID: z.string().min(1).default('sagsflow-web'),
  AUTH_SCOPE: z.string().min(1).default('openid profile'),
  /** Where administrators open Temporal Web (links from the audit log); the first TEMPORAL_UI_ORIGINS when unset. */
  TEMPORAL_WEB_URL: z.string().url('must be a URL such as https://temporal.kommune.dk').optional(),
  /** `POST /api/auth/dev-login` and the development issuer; never in production. */
  AUTH_DEV_LOGIN: flag.optional(),
  /** SMTP server for e-mail to coordinators, e.g. smtp://user:pass@mail.kommune.dk:587. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Sagsflow <no-reply@sagsflow.local>'),
  /** Sign-in attempts per minute from one address (POST /api/auth/dev-login). */
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Notifications one user may register per minute (POST /api/notifications). */
  RATE_LIMIT_INTAKE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Requests the API serves at once; more are answered 503 with Retry-After (load shedding). */
  API_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(64),
  /** PostgreSQL connections per app (each API and worker process has its own pool). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Workflows the worker keeps in memory (sticky cache). An open case costs memory only while it
   * is cached; one that is evicted is rebuilt from its history on its next event. This bound, not
   * the number of open cases, sets the worker's memory (README "Capacity").
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).default(1000),
  /** Workflow tasks the worker runs at once (at most WORKER_MAX_CACHED_WORKFLOWS). */
  WORKER_WORKFLOW_TASK_SLOTS: z.coerce.number().int().min(2).default(20),
  /** Activities (remote and local, each) the worker runs at once; keep near DATABASE_POOL_SIZE. */
  WORKER_ACTIVITY_TASK_SLOTS: z.coerce.number().int().min(1).default(40),
  /** Where the worker serves the Temporal SDK's Prometheus metrics (`host:port`); off when unset. */
  WORKER_METRICS_ADDRESS: z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, for example 0.0.0.0:9464').optional(),
  /**
   * How often the worker looks for open tasks whose process no longer runs (terminated by an
   * operator) and closes them; 0 turns it off.
   */
  ENDED_PROCESS_SWEEP_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Seed the demo municipality's teams and users (README "Demo users"); never in production. */
  DEMO_DATA: flag.optional(),
});

const refined = schema
  .transform((config) => ({
    ...config,
    AUTH_DEV_LOGIN: config.AUTH_DEV_LOGIN ?? config.NODE_ENV !== 'production',
    DEMO_DATA: config.DEMO_DATA ?? config.NODE_ENV !== 'production',
    MIGRATION_DATABASE_URL: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL,
    TEMPORAL_PAYLOAD_KEY_ID: config.TEMPORAL_PAYLOAD_KEY_ID ?? config.TEMPORAL_PAYLOAD_KEYS.at(-1)?.id ?? '',
    TEMPORAL_WEB_URL: config.TEMPORAL_WEB_URL ?? config.TEMPORAL_UI_ORIGINS[0] ?? null,
  }))
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && config.AUTH_DEV_LOGIN) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_DEV_LOGIN'], message: 'must be false in production' });
    }
    if (config.CODEC_DEV_SECRET && !config.AUTH_DEV_LOGIN) {
      ctx.addIssue({ code: 'custom', path: ['CODEC_DEV_SECRET'], message: 'is for development only (with AUTH_DEV_LOGIN)' });
    }
    const keyIds = config.TEMPORAL_PAYLOAD_KEYS.map((k) => k.id);
    if (config.TEMPORAL_PAYLOAD_KEY_ID && !keyIds.includes(config.TEMPORAL_PAYLOAD_KEY_ID)) {
      ctx.addIssue({ code: 'custom', path: ['TEMPORAL_PAYLOAD_KEY_ID'], message: `must be one of ${keyIds.join(', ')}` });
    }
    if (Boolean(config.TEMPORAL_TLS_CERT) !== Boolean(config.TEMPORAL_TLS_KEY)) {
      const [missing, given] = config.TEMPORAL_TLS_CERT ? ['TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_CERT'] : ['TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY'];
      ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${given} (a client certificate goes with its key)` });
    }
    if (config.WORKER_WORKFLOW_TASK_SLOTS > config.WORKER_MAX_CACHED_WORKFLOWS) {
      ctx.addIssue({ code: 'custom', path: ['WORKER_WORKFLOW_TASK_SLOTS'], message: 'must not exceed WORKER_MAX_CACHED_WORKFLOWS' });
    }
    if (!config.AUTH_DEV_LOGIN && !config.AUTH_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_JWKS_URL'], message: 'is required when the development login is off' });
    }
  });

export type AppConfig = z.infer<typeof refined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = refined.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}
