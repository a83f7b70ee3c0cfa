import { Router } from 'express';
import { worksEveryPatch } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { rentChangeController } from './controller';

/** The annual rent and service-charge change (docs/money-workflows.md): senior officers and managers only. */
export function rentChangeRoutes(ctx: WebContext): Router {
  const c = rentChangeController(ctx);
  const router = Router();
  const seniors = requireCapability(worksEveryPatch);
  router.get('/rent-change', seniors, c.show);
  router.post('/rent-change', seniors, c.preview);
  router.post('/rent-change/apply', seniors, c.apply);
  return router;
}
