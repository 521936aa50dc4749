import pino, { LoggerOptions } from 'pino';
import type { AppConfig } from './config';

/**
 * Structured JSON logs for every process. Authorisation headers and cookies are redacted here, once,
 * so no app can forget it.
 */
export function loggerOptions(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): LoggerOptions {
  return {
    name,
    level: config.LOG_LEVEL,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): pino.Logger {
  return pino(loggerOptions(config, name));
}
