import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { decisionsController } from './controller';

/** Confirm, override or reject the recommendation (officers: their own patch). */
export function decisionRoutes(ctx: WebContext): Router {
  const c = decisionsController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.post('/tenancies/:ref/decision/confirm', cases, c.confirm);
  router.get('/tenancies/:ref/decision/override', cases, c.showOverride);
  router.post('/tenancies/:ref/decision/override', cases, c.override);
  router.get('/tenancies/:ref/decision/reject', cases, c.showReject);
  router.post('/tenancies/:ref/decision/reject', cases, c.reject);
  return router;
}
