import { Router, type NextFunction, type Request, type Response } from 'express';
import { canApprove, rolesOf } from '../application/users/permissions';
import { listApprovals } from '../persistence/stores/approval-store';
import type { WebContext } from '../web/context';
import { cookieName } from '../web/middleware/session';
import { openApiDocument } from './openapi';
import { sendProblem } from './problem';
import { tenanciesApi } from './tenancies/routes';
import { worklistApi } from './worklist/routes';

/**
 * The JSON API under /api/v1 (contract: described at /api/v1/openapi.json). Session-cookie auth; every
 * path, known or not, answers 401 problem JSON when signed out, 404 problem JSON when unknown.
 */
export function apiRouter(ctx: WebContext): Router {
  const router = Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!req.actor) {
      sendProblem(res, 401, 'Unauthorized', 'Sign in at /sign-in; the session cookie authenticates API calls');
      return;
    }
    next();
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(cookieName(ctx.config.isProduction)));
  });
  router.get('/me', (req, res) => {
    const actor = req.actor!;
    res.json({ username: actor.username, name: actor.displayName, roles: [...rolesOf(actor)], patch: actor.patchName });
  });
  router.use(worklistApi(ctx));
  router.use(tenanciesApi(ctx));
  router.get('/approvals', async (req, res) => {
    if (!canApprove(req.actor!)) {
      sendProblem(res, 403, 'Forbidden', 'Managers only');
      return;
    }
    const pending = await listApprovals(ctx.db, 'pending');
    res.json({ items: pending.map((a) => ({ id: a.id, tenancyRef: a.tenancy_ref, action: a.action, requestedBy: a.requested_by_name, requestedAt: a.requested_at.toISOString() })) });
  });
  router.use((_req, res) => sendProblem(res, 404, 'Not Found'));
  return router;
}
