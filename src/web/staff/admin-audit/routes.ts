import { Router } from 'express';
import { canAdminister } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { adminAuditController } from './controller';

export function adminAuditRoutes(ctx: WebContext): Router {
  const router = Router();
  router.get('/admin/audit', requireCapability(canAdminister), adminAuditController(ctx).search);
  return router;
}
