import { Router, type Request, type Response } from 'express';
import { audit } from '../../application/audit/audit';
import { loadWorklist, WORKLIST_PAGE_SIZE } from '../../application/caseload/worklist';
import { canSeeCases } from '../../application/users/permissions';
import { actorOf, auditContext, type WebContext } from '../../web/context';
import { parseWorklistQuery } from '../../web/staff/worklist/form';
import { sendProblem } from '../problem';

/** GET /api/v1/worklist: the same caseload as the page, as JSON. */
export function worklistApi(ctx: WebContext): Router {
  const router = Router();
  router.get('/worklist', async (req: Request, res: Response) => {
    const actor = actorOf(req);
    if (!canSeeCases(actor)) {
      sendProblem(res, 403, 'Forbidden', 'Your role does not include casework');
      return;
    }
    const query = parseWorklistQuery(req.query);
    const today = await ctx.today();
    const w = await loadWorklist(ctx.db, actor, query, today);
    await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'worklist', details: { api: true, page: w.page, tenancyRefs: w.items.map((i) => i.ref) } }]);
    res.json({
      asOf: today,
      page: w.page,
      pageSize: WORKLIST_PAGE_SIZE,
      total: w.total,
      countsByAction: Object.fromEntries(w.countsByAction.map((c) => [c.action, c.count])),
      items: w.items.map((i) => ({
        tenancyRef: i.ref,
        names: i.names === '' ? [] : i.names.split(' & '),
        patch: i.patchName,
        action: i.action,
        needsApproval: i.needsApproval,
        priority: i.priority,
        realArrearsPence: i.realArrearsPence,
        weeksInArrears: i.weeksInArrears,
        firstReason: i.firstReason,
        legalStage: i.legalStage.label,
        flags: { vulnerable: i.vulnerable, breathingSpace: i.breathingSpace, dispute: i.dispute },
        canAct: i.canAct,
      })),
      followUps: w.followUps.map((f) => ({ tenancyRef: f.ref, dueDate: f.due_date, reason: f.reason })),
    });
  });
  return router;
}
