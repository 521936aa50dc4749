import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@sagsflow/temporal/shared';

const port = z.coerce.number().int().min(1).max(65535);

/**
 * Every environment variable the apps read, validated once at start-up. A missing or malformed
 * variable stops start-up with a message that names it.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string({ required_error: 'is required (postgres://user:password@host:port/database)' })
    .url('must be a URL such as postgres://user:password@host:5432/sagsflow')
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, for example localhost:7233')
    .default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  /** Path of a prebuilt workflow bundle (production); without it the worker bundles from source. */
  TEMPORAL_WORKFLOW_BUNDLE: z.string().min(1).optional(),
  /** Municipality code this installation serves (used in search attributes and case numbers). */
  MUNICIPALITY: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lowercase letters, digits or dashes')
    .default('demo'),
});

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}
