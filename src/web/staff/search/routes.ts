import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { searchController } from './controller';

export function searchRoutes(ctx: WebContext): Router {
  const router = Router();
  router.get('/search', requireCapability(canSeeCases), searchController(ctx).search);
  return router;
}
