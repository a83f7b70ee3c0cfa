import { Router, type Request, type Response } from 'express';
import { caseToActOn } from '../../../application/case-events/case-access';
import { completeTask } from '../../../application/tasks/tasks';
import { canSeeCases } from '../../../application/users/permissions';
import { caseContext, type WebContext } from '../../context';
import { bodyString } from '../../forms';
import { HttpError } from '../../http-error';
import { requireCapability } from '../../middleware/authorise';
import { addFlash } from '../../middleware/session';

export const TASK_NOTE_MAX = 1000;

/** POST /tenancies/:ref/tasks/:id — mark a task done or cancel it (officers: their own patch). */
export function taskRoutes(ctx: WebContext): Router {
  const router = Router();
  router.post('/tenancies/:ref/tasks/:id', requireCapability(canSeeCases), async (req: Request, res: Response) => {
    const ref = String(req.params.ref ?? '');
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new HttpError(404);
    const cc = await caseContext(ctx, req);
    const access = await caseToActOn(ctx.db, cc.actor, ref);
    if (!access.ok) throw new HttpError(access.reason === 'not_found' ? 404 : 403, access.reason === 'forbidden' ? 'You can only act on accounts on your own patch.' : undefined);
    const status = bodyString(req.body, 'status');
    if (status !== 'done' && status !== 'cancelled') throw new HttpError(400, 'Choose whether the task is done or cancelled');
    const note = bodyString(req.body, 'note').trim().slice(0, TASK_NOTE_MAX);
    const outcome = await completeTask(cc, ref, id, { status, note: note === '' ? null : note });
    if (outcome.kind === 'not_found') throw new HttpError(404);
    if (outcome.kind === 'forbidden') throw new HttpError(403, 'You can only act on accounts on your own patch.');
    addFlash(req, outcome.kind === 'closed' ? { type: 'success', title: status === 'done' ? 'Task marked as done' : 'Task cancelled' } : { type: 'important', title: 'This task was already closed' });
    res.redirect(303, `/tenancies/${encodeURIComponent(ref)}#tasks`);
  });
  return router;
}
