import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/** One log line per request: id, method, path without the query, status, duration, user id. Never bodies. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.on('finish', () => {
      const durationMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
      const path = req.originalUrl.split('?')[0] ?? '';
      logger.info(
        { requestId, method: req.method, path: path.startsWith('/tenancies/') ? '/tenancies/:ref' + path.replace(/^\/tenancies\/[^/]+/, '') : path, status: res.statusCode, durationMs, userId: req.actor?.id ?? null },
        'request',
      );
    });
    next();
  };
}
