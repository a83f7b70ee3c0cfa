import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { worklistController } from './controller';

export function worklistRoutes(ctx: WebContext): Router {
  const c = worklistController(ctx);
  const router = Router();
  // An administrator has no caseload: their home is the users page (sign-in sends everyone to /worklist).
  router.get('/worklist', (req, res, next) => (req.actor && !canSeeCases(req.actor) ? res.redirect(303, '/admin/users') : next()), requireCapability(canSeeCases), c.show);
  router.get('/worklist/tasks', requireCapability(canSeeCases), c.dueList('tasks'));
  router.get('/worklist/follow-ups', requireCapability(canSeeCases), c.dueList('follow_ups'));
  router.post('/worklist/send-letter-1', requireCapability(canSeeCases), c.sendLetterOne);
  return router;
}
