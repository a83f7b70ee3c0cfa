import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { statementController } from './controller';

export function statementRoutes(ctx: WebContext): Router {
  const router = Router();
  router.get('/tenancies/:ref/statement', requireCapability(canSeeCases), statementController(ctx).download);
  return router;
}
