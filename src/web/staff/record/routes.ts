import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { recordController } from './controller';

/** Recording forms and closing open events: officers on their own patch, seniors and managers anywhere. */
export function recordRoutes(ctx: WebContext): Router {
  const c = recordController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.get('/tenancies/:ref/record/:kind', cases, c.show);
  router.post('/tenancies/:ref/record/:kind', cases, c.submit);
  router.get('/tenancies/:ref/events/:id/close', cases, c.showClose);
  router.post('/tenancies/:ref/events/:id/close', cases, c.submitClose);
  return router;
}
