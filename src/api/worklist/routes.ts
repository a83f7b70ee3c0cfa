import { Router, type Request, type Response } from 'express';
import { audit } from '../../application/audit/audit';
import { DUE_LIST_PAGE_SIZE, loadDueList, loadWorklist, WORKLIST_PAGE_SIZE, type DueListKind } from '../../application/caseload/worklist';
import { canSeeCases } from '../../application/users/permissions';
import { actorOf, auditContext, type WebContext } from '../../web/context';
import { parseWorklistQuery } from '../../web/staff/worklist/form';
import { sendProblem } from '../problem';
import type { TaskRow } from '../../application/tasks/tasks';
import type { FollowUpRow } from '../../persistence/stores/worklist-store';

/** GET /api/v1/worklist: the same caseload as the page, as JSON. */
export function worklistApi(ctx: WebContext): Router {
  const router = Router();
  /** The caseworker asking, their query and today; null (403 sent) for a role without casework. */
  const caseworkRequest = async (req: Request, res: Response) => {
    const actor = actorOf(req);
    if (!canSeeCases(actor)) {
      sendProblem(res, 403, 'Forbidden', 'Your role does not include casework');
      return null;
    }
    return { actor, query: parseWorklistQuery(req.query), today: await ctx.today() };
  };

  router.get('/worklist', async (req: Request, res: Response) => {
    const asked = await caseworkRequest(req, res);
    if (!asked) return;
    const { actor, query, today } = asked;
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
      // The most overdue follow-ups and tasks, as on the page; all of them are on the paged lists below.
      followUps: w.followUps.map(followUpJson),
      followUpsTotal: w.followUpsTotal,
      tasks: w.tasks.map(taskJson),
      tasksTotal: w.tasksTotal,
      links: { followUps: '/api/v1/worklist/follow-ups', tasks: '/api/v1/worklist/tasks' },
    });
  });

  // GET /api/v1/worklist/follow-ups and /tasks: every one due in the worklist's scope, oldest due first, 50 a page.
  const dueList = (which: DueListKind) => async (req: Request, res: Response) => {
    const asked = await caseworkRequest(req, res);
    if (!asked) return;
    const { actor, query, today } = asked;
    const list = await loadDueList(ctx.db, actor, query, today, which);
    await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: which === 'tasks' ? 'tasks_due' : 'follow_ups_due', details: { api: true, page: list.page, refs: list.items.map((i) => i.ref) } }]);
    res.json({
      asOf: today,
      page: list.page,
      pageSize: DUE_LIST_PAGE_SIZE,
      pageCount: list.pageCount,
      total: list.total,
      items: list.which === 'tasks' ? list.items.map(taskJson) : list.items.map(followUpJson),
    });
  };
  router.get('/worklist/follow-ups', dueList('follow_ups'));
  router.get('/worklist/tasks', dueList('tasks'));
  return router;
}

function followUpJson(f: FollowUpRow & { canAct: boolean }) {
  return { tenancyRef: f.ref, dueDate: f.due_date, reason: f.reason, canAct: f.canAct };
}

function taskJson(t: TaskRow & { canAct: boolean }) {
  return { tenancyRef: t.ref, kind: t.kind, title: t.title, dueOn: t.due_on, canAct: t.canAct };
}
