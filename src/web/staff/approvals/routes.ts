import { Router } from 'express';
import { canApprove } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { approvalsController } from './controller';

/** GET /approvals (contract): the managers' queue. */
export function approvalRoutes(ctx: WebContext): Router {
  const c = approvalsController(ctx);
  const router = Router();
  const managers = requireCapability(canApprove);
  router.get('/approvals', managers, c.list);
  router.get('/approvals/:id', managers, c.show);
  router.post('/approvals/:id', managers, c.decide);
  return router;
}
