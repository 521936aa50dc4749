import pino, { LoggerOptions } from 'pino';
import type { AppConfig } from './config';

/** Fields that hold personal data wherever they appear in a log object. */
const PERSONAL_KEYS = new Set(['cpr', 'name', 'displayName', 'concern', 'notifier', 'child', 'email', 'phone', 'note', 'outcome', 'body']);
/** A CPR number, with or without the dash, anywhere in a string. */
const CPR = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}(?!\d)/g;
const REDACTED = '[redacted]';

/**
 * Removes personal data from anything about to be logged: personal fields by name, CPR numbers by
 * pattern (also inside messages and stack traces). Names inside free text cannot be recognised,
 * which is why request bodies and outcomes are never logged at all.
 */
export function scrubPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(CPR, '[cpr]');
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: scrubPersonalData(value.message), stack: scrubPersonalData(value.stack) };
  }
  if (Array.isArray(value)) return value.map((v) => scrubPersonalData(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, PERSONAL_KEYS.has(key) ? REDACTED : scrubPersonalData(v, depth + 1)]),
  );
}

/**
 * Structured JSON logs for every process. Authorisation headers, cookies and request bodies are
 * redacted and personal data scrubbed here, once, so no app can forget it.
 */
export function loggerOptions(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): LoggerOptions {
  return {
    name,
    level: config.LOG_LEVEL,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.headers["set-cookie"]'],
      censor: REDACTED,
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => scrubPersonalData(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => scrubPersonalData(arg)) as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): pino.Logger {
  return pino(loggerOptions(config, name));
}
