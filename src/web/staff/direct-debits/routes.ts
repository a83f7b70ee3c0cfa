import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { directDebitController } from './controller';

/** Direct debits on an account (docs/money-workflows.md): everyone who sees cases reads; officers on the patch, seniors and managers set up and cancel. */
export function directDebitRoutes(ctx: WebContext): Router {
  const c = directDebitController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.get('/tenancies/:ref/direct-debits', cases, c.show);
  router.get('/tenancies/:ref/direct-debits/new', cases, c.showNew);
  router.post('/tenancies/:ref/direct-debits/new', cases, c.submitNew);
  router.post('/tenancies/:ref/direct-debits/:id/cancel', cases, c.cancel);
  return router;
}
