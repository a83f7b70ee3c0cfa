import { Router } from 'express';
import { canAdminister } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { adminPatchesController } from './controller';

export function adminPatchRoutes(ctx: WebContext): Router {
  const c = adminPatchesController(ctx);
  const router = Router();
  const admins = requireCapability(canAdminister);
  router.get('/admin/patches', admins, c.list);
  router.post('/admin/patches', admins, c.create);
  router.post('/admin/patches/:id', admins, c.rename);
  return router;
}
