import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { benefitsController } from './controller';

/** Benefits (docs/money-workflows.md "Benefits"): everyone who sees cases reads; officers on the patch, seniors and managers record. */
export function benefitRoutes(ctx: WebContext): Router {
  const c = benefitsController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.get('/benefits/dwp-requests', cases, c.dwpRequests);
  // A POST (with the form's CSRF token): each export is recorded, so it is not a link another site could trigger.
  router.post('/benefits/dwp-requests.csv', cases, c.dwpCsv);
  router.post('/benefits/dwp-requests/exports/:id/done', cases, c.markDone);
  router.get('/tenancies/:ref/benefits', cases, c.show);
  router.get('/tenancies/:ref/benefits/new', cases, c.showNew);
  router.post('/tenancies/:ref/benefits', cases, c.submitNew);
  router.get('/tenancies/:ref/benefits/:id/edit', cases, c.showEdit);
  router.post('/tenancies/:ref/benefits/:id', cases, c.submitEdit);
  router.post('/tenancies/:ref/benefits/:id/end', cases, c.end);
  return router;
}
