import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { accountController } from './controller';

/** GET /tenancies/{ref} (contract), its timeline and household pages: anyone who works cases (read-only off their patch). */
export function accountRoutes(ctx: WebContext): Router {
  const c = accountController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.get('/tenancies/:ref', cases, c.show);
  router.get('/tenancies/:ref/timeline', cases, c.timeline);
  router.get('/tenancies/:ref/household', cases, c.household);
  return router;
}
