import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { legalController } from './controller';

/** The legal case page and its forms: everyone who sees cases reads it; officers act on their own patch. */
export function legalRoutes(ctx: WebContext): Router {
  const c = legalController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.get('/tenancies/:ref/legal', cases, c.show);
  router.post('/tenancies/:ref/legal/pre-action', cases, c.preAction);
  router.post('/tenancies/:ref/legal/warning', cases, c.warning);
  router.post('/tenancies/:ref/legal/claim', cases, c.claim);
  router.get('/tenancies/:ref/legal/notice', cases, c.showNotice);
  router.post('/tenancies/:ref/legal/notice', cases, c.submitNotice);
  router.get('/tenancies/:ref/legal/psed', cases, c.showPsed);
  router.post('/tenancies/:ref/legal/psed', cases, c.submitPsed);
  return router;
}
