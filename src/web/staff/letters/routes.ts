import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { letterController } from './controller';

export function letterRoutes(ctx: WebContext): Router {
  const router = Router();
  router.get('/tenancies/:ref/letters/:id', requireCapability(canSeeCases), letterController(ctx).download);
  return router;
}
