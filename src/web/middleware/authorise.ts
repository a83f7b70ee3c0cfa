import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { activeActor, loadActor } from '../../application/users/users';
import type { Actor } from '../../application/users/permissions';
import type { Db } from '../../persistence/database';
import { HttpError } from '../http-error';
import { isApiRequest } from './errors';

/** Loads the signed-in user for the session (a deactivated user's session ends at once). */
export function currentUser(db: Db): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const userId = req.webSession.data.userId;
    if (userId !== undefined) {
      // The session came with its user (one query); a user signed in during this request is read now.
      const preloaded = req.webSession.user;
      const actor = preloaded !== null && preloaded.id === userId ? activeActor(preloaded) : await loadActor(db, userId);
      if (actor) {
        req.actor = actor;
        res.locals.actor = actor;
      } else {
        req.webSession.destroy();
      }
    }
    next();
  };
}

/** Pages: signed-out visitors are sent to sign-in (and back afterwards); the API answers 401. */
export function requireSignIn(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.actor) {
      next();
      return;
    }
    if (isApiRequest(req)) {
      next(new HttpError(401, 'Sign in'));
      return;
    }
    if (req.method === 'GET' && !req.originalUrl.startsWith('/sign-')) req.webSession.data.returnTo = req.originalUrl;
    if (req.webSession.expired) req.webSession.data.notice = 'timeout';
    res.redirect(303, '/sign-in');
  };
}

/** Only for actors with the capability (else 403). */
export function requireCapability(check: (actor: Actor) => boolean): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.actor || !check(req.actor)) {
      next(new HttpError(403));
      return;
    }
    next();
  };
}
