import type { Request, Response } from 'express';
import { audit, auditEntries } from '../../../application/audit/audit';
import { loadDueList, loadWorklist, WORKLIST_DUE_PREVIEW, type DueListKind } from '../../../application/caseload/worklist';
import { bulkConfirmLetterOne } from '../../../application/decisions/decisions';
import { readTogether } from '../../../persistence/read-together';
import { listWorklistFilterChoices } from '../../../persistence/stores/user-store';
import { actorOf, auditContext, caseContext, todayOf, type WebContext } from '../../context';
import { bodyStrings } from '../../forms';
import { addFlash } from '../../middleware/session';
import { servePage } from '../../page-cache';
import { parseWorklistQuery, worklistParams } from './form';
import { buildDueListPage, buildWorklistPage } from './view-model';

export function worklistController(ctx: WebContext) {
  return {
    /**
     * GET /worklist: served again from the kept pages (this process's, or another serving process's) while no data
     * it may show has changed since it was rendered (`servePage`: a change on another patch, or to tables it does not
     * read such as the ledger, leaves it kept); audited each time with the cases, follow-ups and tasks it shows.
     */
    async show(req: Request, res: Response) {
      const actor = actorOf(req);
      const query = parseWorklistQuery(req.query);
      const today = await todayOf(ctx, req);
      await servePage(ctx, req, res, {
        key: `worklist\u0000${actor.id}\u0000${today}\u0000${worklistParams(query)}`,
        load: async (db) => {
          const reads = readTogether(db); // its reads started together go in one round trip
          const [worklist, { patches, officers }] = await Promise.all([loadWorklist(reads, actor, query, today, { dueLimit: WORKLIST_DUE_PREVIEW }), listWorklistFilterChoices(reads)]);
          return {
            view: 'staff/worklist/worklist.njk',
            model: buildWorklistPage({ actor, worklist, query, today, patches, officers }),
            shown: { page: worklist.page, tenancyRefs: worklist.items.map((i) => i.ref), followUpRefs: worklist.followUps.map((f) => f.ref), taskRefs: worklist.tasks.map((t) => t.ref) },
            // Its cases, follow-ups and tasks are its patches' (null: every patch's).
            patchIds: worklist.scopePatchIds,
            // It reads a tenancy's other rows (its assessment, tenants, flags) only for its cases (current
            // assessments with an action), follow-ups and tasks: a payment on an account with no action, re-assessed
            // to no action again, leaves it kept (controller.test.ts: such an account's changes, and the kept page
            // compared with one read afresh).
            casesOnly: true,
          };
        },
        audit: (shown) => auditEntries(auditContext(ctx, req), [{ action: 'read', entity: 'worklist', details: shown }]),
      });
    },

    /** GET /worklist/tasks and /worklist/follow-ups: every task (follow-up) due in the worklist's scope, 50 a page. */
    dueList(which: DueListKind) {
      return async (req: Request, res: Response) => {
        const actor = actorOf(req);
        const query = parseWorklistQuery(req.query);
        const today = await todayOf(ctx, req);
        const reads = readTogether(ctx.db);
        const [list, { patches, officers }] = await Promise.all([loadDueList(reads, actor, query, today, which), listWorklistFilterChoices(reads)]);
        await audit(ctx.db, auditContext(ctx, req), [
          { action: 'read', entity: which === 'tasks' ? 'tasks_due' : 'follow_ups_due', details: { page: list.page, refs: list.items.map((i) => i.ref) } },
        ]);
        res.render('staff/worklist/due-list.njk', buildDueListPage({ actor, list, query, today, patches, officers }));
      };
    },

    /** "Send letter 1 to selected": confirms each selected send_letter_1 recommendation. */
    async sendLetterOne(req: Request, res: Response) {
      const ids = bodyStrings(req.body, 'tenancyIds')
        .filter((v) => /^\d{1,9}$/.test(v))
        .map(Number);
      if (ids.length === 0) {
        addFlash(req, { type: 'important', title: 'Select at least one case to send letter 1 to' });
        res.redirect(303, '/worklist');
        return;
      }
      const result = await bulkConfirmLetterOne(await caseContext(ctx, req), ids);
      addFlash(req, {
        type: result.sent.length > 0 ? 'success' : 'important',
        title: `Letter 1 sent to ${result.sent.length} ${result.sent.length === 1 ? 'case' : 'cases'}`,
        text: result.skipped.length > 0 ? `Not sent: ${result.skipped.map((s) => `${s.ref} (${s.why})`).join(', ')}` : undefined,
      });
      res.redirect(303, '/worklist');
    },
  };
}
