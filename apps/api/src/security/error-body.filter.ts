import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { RETRY_AFTER_SECONDS, unavailableServer } from './unavailable';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: unknown[];
}

const reason = (status: number) =>
  (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');

/**
 * Every error leaves as `{ statusCode, error, message, fields? }`. A request that found PostgreSQL
 * or Temporal unreachable is a 503 with Retry-After; other unexpected errors become a bare 500 —
 * their details (and stack) go to the log, never to the caller.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.bodyFor(exception);
    const response = host.switchToHttp().getResponse<Response>();
    // A 503 changed nothing: it says when the same request may be sent again.
    if (body.statusCode === 503 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(body.statusCode as number).json(body);
  }

  private bodyFor(exception: unknown): Partial<ErrorBody> & Record<string, unknown> {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'string') return { statusCode: status, error: reason(status), message: raw };
      const body = raw as Record<string, unknown>;
      // A deliberate body of another shape (the health check's report) goes out as it is.
      if (!('statusCode' in body) && !('message' in body)) return { statusCode: status, ...body };
      const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? reason(status));
      // `matches`: the known children a 409 asks reception to choose among (intake without a CPR number).
      const extra = { ...(body.fields ? { fields: body.fields as unknown[] } : {}), ...(body.matches ? { matches: body.matches } : {}) };
      return { statusCode: status, error: reason(status), message, ...extra };
    }
    const status = statusOfBodyParser(exception);
    if (status) return { statusCode: status, error: reason(status), message: (exception as Error).message };
    const down = unavailableServer(exception);
    if (down) {
      this.logger.warn({ err: exception }, `${down} is unavailable`);
      return { statusCode: 503, error: reason(503), message: `${down} is unavailable; try again shortly` };
    }
    this.logger.error({ err: exception }, 'Unhandled error');
    return { statusCode: 500, error: reason(500), message: 'Internal server error' };
  }
}

/** body-parser's errors (too large, malformed JSON) carry their status. */
function statusOfBodyParser(exception: unknown): number | undefined {
  const status = (exception as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
