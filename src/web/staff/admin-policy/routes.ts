import { Router } from 'express';
import { canAdminister } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { adminPolicyController } from './controller';

export function adminPolicyRoutes(ctx: WebContext): Router {
  const c = adminPolicyController(ctx);
  const router = Router();
  const admins = requireCapability(canAdminister);
  router.get('/admin/policy', admins, c.show);
  router.post('/admin/policy', admins, c.apply);
  return router;
}
