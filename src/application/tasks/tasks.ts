import type { BusinessDate } from '../../domain/calendar/business-date';
import { appendAudit } from '../../persistence/stores/audit-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { closeTask, countTasks, createTasks, findTask, listTasks, listTasksWithTotal, type NewTask, type TaskRow } from '../../persistence/stores/task-store';
import { caseToActOn, type CaseContext } from '../case-events/case-access';
import type { Db } from '../../persistence/database';

export type { NewTask, TaskRow } from '../../persistence/stores/task-store';

/** Human names of the task kinds, for pages and exports. A kind not listed shows as its code. */
export const TASK_KIND_LABELS: Readonly<Record<string, string>> = {
  arrangement_early_warning: 'Instalment late (early warning)',
  arrangement_breached: 'Arrangement broken',
  dwp_managed_payment: 'Request a managed payment (APA) from the DWP',
  dwp_third_party_deduction: 'Request a third-party deduction from the DWP',
  hb_direct_payment: 'Ask for Housing Benefit to be paid direct',
  dhp_referral: 'Refer for a Discretionary Housing Payment',
  benefit_claim_chase: 'Chase the benefit claim',
  dd_failed_collection: 'Direct debit collection failed',
  dd_re_presentation: 'Direct debit re-presentation due',
  dd_mandate_cancelled: 'Direct debit cancelled by the payer',
  rent_change_notice: 'Notice of variation to send',
  pre_issue_warning_expiry: 'Pre-issue warning time limit ends',
  hearing_statement_due: 'Send the statement and benefit position (10 days before the hearing)',
  eviction_safeguards: 'Complete the eviction safeguards checklist',
  court_order_breach: 'Court order terms broken',
};

export function taskKindLabel(kind: string): string {
  return TASK_KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');
}

/** Creates tasks (idempotent by key) and records each new one on its case timeline as `task_created`. */
export async function raiseTasks(db: Db, tasks: readonly NewTask[]): Promise<number[]> {
  if (tasks.length === 0) return [];
  return db.transaction(async (tx) => {
    const ids = await createTasks(tx, tasks);
    if (ids.length > 0) {
      const created = await tx.query<{ id: number; tenancy_id: number; kind: string; title: string; due_on: BusinessDate; created_by: string }>(
        `SELECT id, tenancy_id, kind, title, due_on, created_by FROM tasks WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      await appendCaseEvents(
        tx,
        created.map((t) => ({
          tenancyId: t.tenancy_id,
          eventDate: t.due_on,
          type: 'task_created',
          details: { taskId: t.id, kind: t.kind, title: t.title },
          idempotencyKey: `task_created:${t.id}`,
          recordedBy: t.created_by,
        })),
      );
    }
    return ids;
  });
}

export type CompleteTaskOutcome = { kind: 'closed'; task: TaskRow } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'not_open' };

/**
 * An officer completes (or cancels) a task on a case they may act on: the task is closed with who, when
 * and the note, the closing is a `task_done` / `task_cancelled` event on the timeline, and audited.
 */
export async function completeTask(
  ctx: CaseContext,
  ref: string,
  taskId: number,
  close: { status: 'done' | 'cancelled'; note: string | null },
): Promise<CompleteTaskOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const task = await findTask(ctx.db, taskId);
  if (!task || task.tenancy_id !== access.tenancy.id) return { kind: 'not_found' };
  if (task.status !== 'open') return { kind: 'not_open' };
  const closed = await ctx.db.transaction(async (tx) => {
    const ok = await closeTask(tx, taskId, { status: close.status, on: ctx.today, by: ctx.actor.username, note: close.note });
    if (!ok) return false;
    await appendCaseEvents(tx, [
      {
        tenancyId: task.tenancy_id,
        eventDate: ctx.today,
        type: close.status === 'done' ? 'task_done' : 'task_cancelled',
        details: { taskId, kind: task.kind, title: task.title },
        note: close.note,
        idempotencyKey: `task_closed:${taskId}`,
        recordedBy: ctx.actor.username,
      },
    ]);
    await appendAudit(tx, [
      { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'update', entity: 'task', entityId: String(taskId), tenancyId: task.tenancy_id, details: { status: close.status, kind: task.kind } },
    ]);
    return true;
  });
  if (!closed) return { kind: 'not_open' };
  const after = await findTask(ctx.db, taskId);
  return { kind: 'closed', task: after ?? task };
}

/** Open tasks of one tenancy (the account page). */
export function openTasksOf(db: Db, tenancyId: number): Promise<TaskRow[]> {
  return listTasks(db, { tenancyId, status: 'open' });
}

/**
 * Open tasks due by `today` in the given patches (the worklist and its tasks page), oldest due first,
 * optionally of some kinds; `page` gives the rows (default the first 500).
 */
export function tasksDue(db: Db, patchIds: number[] | null, today: BusinessDate, kinds?: readonly string[], page: { limit?: number; offset?: number } = {}): Promise<TaskRow[]> {
  return listTasks(db, { patchIds, dueBy: today, status: 'open', ...(kinds ? { kinds } : {}), limit: page.limit ?? 500, offset: page.offset ?? 0 });
}

/** The `limit` open tasks due by `today` in the given patches that are most overdue, and how many are due in all (one query). */
export function tasksDueWithTotal(db: Db, patchIds: number[] | null, today: BusinessDate, limit: number): Promise<{ rows: TaskRow[]; total: number }> {
  return listTasksWithTotal(db, { patchIds, dueBy: today, status: 'open', limit });
}

/** How many open tasks are due by `today` in the given patches (a COUNT, not the rows). */
export function countTasksDue(db: Db, patchIds: number[] | null, today: BusinessDate, kinds?: readonly string[]): Promise<number> {
  return countTasks(db, { patchIds, dueBy: today, status: 'open', ...(kinds ? { kinds } : {}) });
}
