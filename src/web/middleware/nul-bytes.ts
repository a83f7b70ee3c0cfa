import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from '../http-error';

/**
 * A NUL byte (%00) is never part of a ref, a search or a form's field, and PostgreSQL cannot store or
 * compare text holding one: refused here, before anything reads the database, instead of failing there
 * (500). A form's field → 400; for a signed-in user, an address → 404 (no page has it), a query → 400.
 * Signed-out requests otherwise go on to sign-in (pages) or 401 (the API), as any other.
 */
export function refuseNulBytes(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (holdsNul(req.body)) {
      next(new HttpError(400, 'A field holds a character that is not allowed'));
      return;
    }
    if (!req.actor) {
      next();
      return;
    }
    const queryAt = req.originalUrl.indexOf('?');
    const path = queryAt === -1 ? req.originalUrl : req.originalUrl.slice(0, queryAt);
    if (/%00/i.test(path)) {
      next(new HttpError(404));
      return;
    }
    if (queryAt !== -1 && /%00/i.test(req.originalUrl.slice(queryAt))) {
      next(new HttpError(400, 'The address holds a character that is not allowed'));
      return;
    }
    next();
  };
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\0') || holdsNul(v));
  return false;
}
