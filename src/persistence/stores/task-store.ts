import type { BusinessDate } from '../../domain/calendar/business-date';
import { isOneOf, withWindowTotal, type Db } from '../database';

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface NewTask {
  tenancyId: number;
  /** What kind of work: `dwp_request`, `arrangement_early_warning`, `dd_failed_collection`, `hearing_statement_due`, … */
  kind: string;
  title: string;
  dueOn: BusinessDate;
  details?: Record<string, unknown>;
  /** A retry with the same key creates nothing (e.g. `dwp:apa:<tenancy>:<assessment date>`). */
  idempotencyKey: string;
  createdBy: string;
}

export interface TaskRow {
  id: number;
  tenancy_id: number;
  ref: string;
  patch_id: number | null;
  names: string | null;
  kind: string;
  title: string;
  due_on: BusinessDate;
  details: Record<string, unknown>;
  status: TaskStatus;
  created_at: Date;
  created_by: string;
  closed_on: BusinessDate | null;
  closed_by: string | null;
  closing_note: string | null;
}

export interface TaskFilter {
  tenancyId?: number;
  /** null: every patch. */
  patchIds?: number[] | null;
  kinds?: readonly string[];
  status?: TaskStatus | null;
  /** Only tasks due on or before this day. */
  dueBy?: BusinessDate;
  /** At most this many rows (default 500). */
  limit?: number;
  /** Rows to skip first, for pages (default 0). */
  offset?: number;
}

/** Creates tasks; a task whose idempotency key exists already is skipped. Returns the ids created. */
export async function createTasks(db: Db, tasks: readonly NewTask[]): Promise<number[]> {
  if (tasks.length === 0) return [];
  const rows = await db.query<{ id: number }>(
    `INSERT INTO tasks (tenancy_id, kind, title, due_on, details, idempotency_key, created_by)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::jsonb[], $6::text[], $7::text[])
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      tasks.map((t) => t.tenancyId),
      tasks.map((t) => t.kind),
      tasks.map((t) => t.title),
      tasks.map((t) => t.dueOn),
      tasks.map((t) => JSON.stringify(t.details ?? {})),
      tasks.map((t) => t.idempotencyKey),
      tasks.map((t) => t.createdBy),
    ],
  );
  return rows.map((r) => r.id);
}

/**
 * The WHERE clause of a filter, shared by the list and the count: only the conditions the filter sets, as
 * $1, $2, … in order (so each combination is its own prepared statement, planned for its own conditions: a
 * statement with every condition optional (`$n IS NULL OR …`) got a generic plan that could not use the
 * patch's tenancies and read every open task of the landlord with each worklist, ~18 ms at 100,000 homes).
 */
function taskWhere(filter: TaskFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.tenancyId !== undefined && filter.tenancyId !== null) add((p) => `k.tenancy_id = ${p}`, filter.tenancyId);
  // A task carries its tenancy's patch, kept by the database (migration 0020): an officer's tasks come from the
  // patch's own open tasks (tasks_open_patch_due_idx), not from every open task of the landlord.
  if (filter.patchIds !== undefined && filter.patchIds !== null) {
    const patch = isOneOf('k.patch_id', filter.patchIds);
    add(patch.condition, patch.value);
  }
  if (filter.kinds) add((p) => `k.kind = ANY(${p}::text[])`, [...filter.kinds]);
  const status = filter.status === undefined ? 'open' : filter.status;
  // Open, the status of every list a page shows, is named in the text: the indexes of the open tasks are partial
  // (`WHERE status = 'open'`), and a prepared statement's generic plan can use one only if its text says so. With
  // `status = $n` every worklist planned its tasks again (0.27 ms of the statement's 0.48 ms; docs/performance-history.md, session 22).
  if (status === 'open') conditions.push(`k.status = 'open'`);
  else if (status !== null) add((p) => `k.status = ${p}`, status);
  if (filter.dueBy !== undefined && filter.dueBy !== null) add((p) => `k.due_on <= ${p}`, filter.dueBy);
  return { sql: conditions.length === 0 ? 'true' : conditions.join(' AND '), params };
}

/**
 * A task row with its tenancy's ref, patch and tenants' names: the columns of tasks k chosen (and limited) by
 * the filter alone, and of its tenancy t looked up for those rows only. Joining the tenancies first made a
 * manager's worklist hash every tenancy of the landlord for the ten tasks it shows (~6 ms at 20,000).
 */
const TASK_COLUMNS = `k.id, k.tenancy_id, t.ref, t.patch_id,
       (SELECT string_agg(tn.name, ' & ' ORDER BY tn.position) FROM tenants tn WHERE tn.tenancy_id = t.id) AS names,
       k.kind, k.title, k.due_on, k.details, k.status, k.created_at, k.created_by, k.closed_on, k.closed_by, k.closing_note`;

/** The task's own columns that TASK_COLUMNS reads, chosen before the tenancy is looked up. */
const TASK_OWN_COLUMNS = `k.id, k.tenancy_id, k.kind, k.title, k.due_on, k.details, k.status, k.created_at, k.created_by, k.closed_on, k.closed_by, k.closing_note`;

/** The tenancy of each of the tasks k chosen (a task's tenancy always exists: a foreign key). */
const TENANCY_OF_TASK = `CROSS JOIN LATERAL (SELECT t.id, t.ref, t.patch_id FROM tenancies t WHERE t.id = k.tenancy_id OFFSET 0) t`;

/** Tasks by tenancy, patch, kind, status and due date; oldest due first, `limit` rows from `offset`. */
export async function listTasks(db: Db, filter: TaskFilter = {}): Promise<TaskRow[]> {
  const w = taskWhere(filter);
  return db.query<TaskRow>(
    `SELECT ${TASK_COLUMNS}
     FROM (SELECT ${TASK_OWN_COLUMNS} FROM tasks k WHERE ${w.sql} ORDER BY k.due_on, k.id LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}) k
     ${TENANCY_OF_TASK}
     ORDER BY k.due_on, k.id`,
    [...w.params, filter.limit ?? 500, filter.offset ?? 0],
  );
}

/**
 * The first `limit` tasks of the filter (as listTasks) and how many match in all. In one query for a tenancy or
 * some patches (the count is a window over their tasks); for the whole landlord (a manager's worklist) the page
 * and the count are two statements side by side, so that the page is read from the top of the open tasks' index
 * and only the count reads them all (from the index): the window read every open task whole (7,213 at 100,000
 * homes, 10 ms).
 */
export async function listTasksWithTotal(db: Db, filter: TaskFilter & { limit: number }): Promise<{ rows: TaskRow[]; total: number }> {
  if ((filter.patchIds === undefined || filter.patchIds === null) && (filter.tenancyId === undefined || filter.tenancyId === null)) {
    const [rows, total] = await Promise.all([listTasks(db, { ...filter, offset: 0 }), countTasks(db, filter)]);
    return { rows, total };
  }
  const w = taskWhere(filter);
  const counted = await db.query<TaskRow & { total: number }>(
    `SELECT k.total, ${TASK_COLUMNS}
     FROM (SELECT (count(*) OVER ())::int AS total, ${TASK_OWN_COLUMNS} FROM tasks k WHERE ${w.sql} ORDER BY k.due_on, k.id LIMIT $${w.params.length + 1}) k
     ${TENANCY_OF_TASK}
     ORDER BY k.due_on, k.id`,
    [...w.params, filter.limit],
  );
  return withWindowTotal(counted);
}

/** How many tasks match the filter (its limit and offset aside). */
export async function countTasks(db: Db, filter: TaskFilter = {}): Promise<number> {
  const w = taskWhere(filter);
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks k WHERE ${w.sql}`, w.params);
  return row?.n ?? 0;
}

export async function findTask(db: Db, id: number): Promise<TaskRow | null> {
  const rows = await db.query<TaskRow>(
    `SELECT k.id, k.tenancy_id, t.ref, t.patch_id, NULL::text AS names, k.kind, k.title, k.due_on, k.details, k.status,
            k.created_at, k.created_by, k.closed_on, k.closed_by, k.closing_note
     FROM tasks k JOIN tenancies t ON t.id = k.tenancy_id WHERE k.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Closes an open task (done or cancelled); false when it was not open. */
export async function closeTask(db: Db, id: number, close: { status: 'done' | 'cancelled'; on: BusinessDate; by: string; note: string | null }): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `UPDATE tasks SET status = $2, closed_on = $3, closed_by = $4, closing_note = $5 WHERE id = $1 AND status = 'open' RETURNING id`,
    [id, close.status, close.on, close.by, close.note],
  );
  return rows.length === 1;
}

/** Cancels the open tasks of a kind on a tenancy (a plan that ended, a claim that was settled). */
export async function cancelOpenTasks(db: Db, tenancyId: number, kinds: readonly string[], close: { on: BusinessDate; by: string; note: string }): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `UPDATE tasks SET status = 'cancelled', closed_on = $3, closed_by = $4, closing_note = $5
     WHERE tenancy_id = $1 AND kind = ANY($2::text[]) AND status = 'open' RETURNING id`,
    [tenancyId, [...kinds], close.on, close.by, close.note],
  );
  return rows.length;
}
