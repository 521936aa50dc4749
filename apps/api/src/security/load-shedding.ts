import type { NextFunction, Request, Response } from 'express';

/** Long-lived or operational routes that never count against the bound. */
const EXEMPT = [/^\/health/, /^\/api\/events/];

/**
 * Sheds load instead of queueing it without bound: at most `maxInFlight` requests are served at
 * once; the next one is answered 503 at once, with `Retry-After`, before anything is read, stored
 * or started, so a client may simply retry it (with the same Idempotency-Key). Written by hand:
 * the libraries we found measure event-loop lag, but this API waits on PostgreSQL and Temporal,
 * not on its CPU, so the number of requests in flight is the measure that bounds the queue.
 */
export function sheddingLoadAbove(maxInFlight: number, retryAfterSeconds = 1) {
  let inFlight = 0;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (EXEMPT.some((path) => path.test(req.path))) return next();
    if (inFlight >= maxInFlight) {
      res.setHeader('Retry-After', String(retryAfterSeconds));
      res.status(503).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `The service is busy; retry after ${retryAfterSeconds} s`,
      });
      return;
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
