import { Router } from 'express';
import { canAdminister } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { adminUsersController } from './controller';

export function adminUserRoutes(ctx: WebContext): Router {
  const c = adminUsersController(ctx);
  const router = Router();
  const admins = requireCapability(canAdminister);
  router.get('/admin', admins, (_req, res) => res.redirect('/admin/users'));
  router.get('/admin/users', admins, c.list);
  router.get('/admin/users/new', admins, c.showNew);
  router.post('/admin/users/new', admins, c.create);
  router.get('/admin/users/:id', admins, c.show);
  router.post('/admin/users/:id', admins, c.update);
  router.post('/admin/users/:id/password', admins, c.password);
  return router;
}
