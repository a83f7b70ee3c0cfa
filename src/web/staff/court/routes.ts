import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { courtController } from './controller';

/** Court and eviction (docs/court-and-eviction.md): everyone who sees cases reads; officers on the patch, seniors and managers record. */
export function courtRoutes(ctx: WebContext): Router {
  const c = courtController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.get('/tenancies/:ref/court', cases, c.show);
  router.get('/tenancies/:ref/court/documents/:doc', cases, c.document);
  router.get('/tenancies/:ref/court/warrant', cases, c.showWarrant);
  router.post('/tenancies/:ref/court/warrant', cases, c.submitWarrant);
  router.get('/tenancies/:ref/court/:kind', cases, c.showForm);
  router.post('/tenancies/:ref/court/:kind', cases, c.submitForm);
  return router;
}
