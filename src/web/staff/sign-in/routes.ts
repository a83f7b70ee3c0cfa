import { Router } from 'express';
import type { WebContext } from '../../context';
import { signInController } from './controller';

/** GET/POST /sign-in (contract), POST /sign-out, and single sign-on when OIDC_ISSUER is set. */
export function signInRoutes(ctx: WebContext): Router {
  const c = signInController(ctx);
  const router = Router();
  router.get('/sign-in', c.show);
  router.post('/sign-in', c.submit);
  router.post('/sign-out', c.signOut);
  router.get('/sign-in/oidc', c.oidcStart);
  router.get('/sign-in/oidc/callback', c.oidcCallback);
  return router;
}
