import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { HttpError } from '../http-error';

function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  const e = error as { status?: unknown; statusCode?: unknown; type?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  return status >= 400 && status < 600 ? status : 500;
}

const TITLES: Record<number, string> = {
  400: 'Sorry, there is a problem with your request',
  403: 'You do not have permission to see or do this',
  404: 'Page not found',
  413: 'What you sent is too large',
  500: 'Sorry, there is a problem with the service',
};

export function isApiRequest(req: Request): boolean {
  return req.originalUrl === '/api/v1' || req.originalUrl.startsWith('/api/');
}

/** Unknown pages: signed-out visitors go to sign-in (nothing about the site's pages leaks), others see 404. */
export function notFoundHandler(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.actor && !isApiRequest(req) && (req.method === 'GET' || req.method === 'HEAD')) {
      res.redirect('/sign-in');
      return;
    }
    next(new HttpError(404));
  };
}

/** The one error handler: GOV.UK error pages for pages, RFC 9457 problem JSON for the API. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = statusOf(error);
    if (status >= 500) logger.error({ err: error, requestId: res.locals.requestId as string | undefined }, 'request failed');
    const csrf = (error as { code?: unknown })?.code === 'EBADCSRFTOKEN';
    if (isApiRequest(req)) {
      res
        .status(status)
        .type('application/problem+json')
        .send(JSON.stringify({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...(csrf ? { detail: 'invalid CSRF token' } : {}) }));
      return;
    }
    res.status(status).render('layout/error.njk', {
      status,
      title: TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]),
      csrf,
      message: error instanceof HttpError && status < 500 ? error.message : null,
    });
  };
}
