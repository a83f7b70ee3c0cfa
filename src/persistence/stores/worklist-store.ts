import type { BusinessDate } from '../../domain/calendar/business-date';
import { WATCH_ONLY_ACTIONS } from '../../domain/worklist/caseload';
import { isOneOf, sqlLiteralList, withWindowTotal, type Db } from '../database';

export interface WorklistFilter {
  /** null = every patch; [] = none. */
  patchIds: number[] | null;
  action: string | null;
  minRealArrearsPence: number | null;
  /** Exclusive upper bound. */
  maxRealArrearsPence: number | null;
  vulnerable: boolean | null;
  tenure: string | null;
}

export interface WorklistRow {
  tenancy_id: number;
  ref: string;
  patch_id: number | null;
  patch_name: string | null;
  tenure: string;
  action: string;
  priority: number;
  real_arrears_pence: number;
  needs_approval: boolean;
  as_of: BusinessDate;
  names: string | null;
  result: Record<string, unknown>;
}

/**
 * The WHERE clause over current_assessments c (and, for the tenure, the tenancy t). `readsTenancy`: the
 * clause names t, so the query must bring the tenancy in.
 */
function whereOf(filter: WorklistFilter, options: { withAction: boolean }): { sql: string; params: unknown[]; readsTenancy: boolean } {
  const conditions = [`c.action <> 'none'`];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (filter.patchIds !== null) {
    // One patch (an officer's) is `= $n`, so that the patch's index gives the cases in the worklist's order (isOneOf).
    const patch = isOneOf('c.patch_id', filter.patchIds);
    add(patch.condition('?'), patch.value);
  }
  if (options.withAction && filter.action) add('c.action = ?', filter.action);
  // With no action chosen, the worklist is the caseload: the accounts that need a person today. The
  // monitoring actions are counted, and shown when their action is chosen.
  if (options.withAction && !filter.action) add('NOT (c.action = ANY(?::text[]))', WATCH_ONLY_ACTIONS);
  if (filter.minRealArrearsPence !== null) add('c.real_arrears_pence >= ?', filter.minRealArrearsPence);
  if (filter.maxRealArrearsPence !== null) add('c.real_arrears_pence < ?', filter.maxRealArrearsPence);
  if (filter.tenure) add('t.tenure = ?', filter.tenure);
  if (filter.vulnerable !== null) {
    conditions.push(`${filter.vulnerable ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_events v WHERE v.tenancy_id = c.tenancy_id AND v.type = 'vulnerability')`);
  }
  return { sql: conditions.join(' AND '), params, readsTenancy: Boolean(filter.tenure) };
}

/**
 * The tenancy of each case, looked up by its key (an index probe per case): as a plain join the planner
 * hashed every tenancy of the landlord for each worklist (a scan of 10,000 rows for a patch's few
 * hundred cases at 10,000 tenancies), so the page's cost grew with the landlord, not the patch.
 * `OFFSET 0` keeps the subquery from being flattened back into that join.
 */
const TENANCY_OF_CASE = `CROSS JOIN LATERAL (SELECT t.ref, t.tenure FROM tenancies t WHERE t.id = c.tenancy_id OFFSET 0) t`;

/**
 * One page of the worklist, ordered by priority then real arrears (highest first), then the tenancy's ref; the
 * counts by action under the same filter (but the action), side by side; and from them how many cases match
 * in all (worklistTotal).
 */
export async function queryWorklist(
  db: Db,
  filter: WorklistFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: WorklistRow[]; total: number; countsByAction: { action: string; count: number }[] }> {
  const [rows, countsByAction] = await Promise.all([queryWorklistPage(db, filter, page), countWorklistByAction(db, filter)]);
  return { rows, total: worklistTotal(countsByAction, filter.action), countsByAction };
}

/**
 * How many cases the worklist under a filter holds, from its counts by action (countWorklistByAction, the
 * same filter but the action): the chosen action's count, or with none chosen the caseload's (every action
 * but the watch-only ones, which are counted but shown only when chosen).
 */
export function worklistTotal(counts: readonly { action: string; count: number }[], action: string | null): number {
  return counts.reduce((n, c) => n + ((action ? c.action === action : !WATCH_ONLY_ACTIONS.includes(c.action)) ? c.count : 0), 0);
}

/**
 * One page of the worklist, ordered by priority then real arrears (highest first), then the tenancy's ref.
 *
 * The page is chosen from candidates read in the order of an index, not from every matching case sorted: the
 * first `offset + limit` cases by priority and real arrears (the caseload's index, migration 0024, or a patch's),
 * and every case tied with the last of them on both. A case at place k ≤ offset + limit of the whole order
 * ranks above that last case or ties with it, so it is a candidate, and ordering the candidates by ref as well
 * picks the same page as ordering them all. Only the candidates' tenancies are looked up (for the ref), and only
 * the page's rows then read the stored result and the tenants' names. Before, every matching case was read,
 * sorted and ranked, with a window counting them: at 100,000 tenancies a manager's page (the whole landlord's
 * 13,483 cases) took 23 ms of the database, the first page of a patch its few hundred cases.
 */
export async function queryWorklistPage(db: Db, filter: WorklistFilter, page: { limit: number; offset: number }): Promise<WorklistRow[]> {
  const w = whereOf(filter, { withAction: true });
  const n = w.params.length;
  const tenancyForFilter = w.readsTenancy ? TENANCY_OF_CASE : '';
  const columns = `c.tenancy_id, c.patch_id, c.action, c.priority, c.real_arrears_pence, c.needs_approval, c.as_of, c.assessment_id`;
  return db.query<WorklistRow>(
    `WITH top AS (
       SELECT ${columns} FROM current_assessments c ${tenancyForFilter}
       WHERE ${w.sql}
       ORDER BY c.priority DESC, c.real_arrears_pence DESC
       LIMIT $${n + 1}::bigint + $${n + 2}::bigint
     ), edge AS (
       SELECT priority, real_arrears_pence FROM top ORDER BY priority, real_arrears_pence LIMIT 1
     ), candidates AS (
       SELECT * FROM top
       UNION
       SELECT ${columns} FROM edge CROSS JOIN current_assessments c ${tenancyForFilter}
       WHERE ${w.sql} AND c.priority = edge.priority AND c.real_arrears_pence = edge.real_arrears_pence
     )
     SELECT p.tenancy_id, p.ref, p.patch_id, pa.name AS patch_name, p.tenure, p.action, p.priority, p.real_arrears_pence, p.needs_approval,
            p.as_of, a.result,
            (SELECT string_agg(tn.name, ' & ' ORDER BY tn.position) FROM tenants tn WHERE tn.tenancy_id = p.tenancy_id) AS names
     FROM (
       SELECT k.*, t.ref, t.tenure FROM candidates k
       CROSS JOIN LATERAL (SELECT t.ref, t.tenure FROM tenancies t WHERE t.id = k.tenancy_id OFFSET 0) t
       ORDER BY k.priority DESC, k.real_arrears_pence DESC, t.ref
       LIMIT $${n + 1} OFFSET $${n + 2}
     ) p
     JOIN assessments a ON a.id = p.assessment_id
     LEFT JOIN patches pa ON pa.id = p.patch_id
     ORDER BY p.priority DESC, p.real_arrears_pence DESC, p.ref`,
    [...w.params, page.limit, page.offset],
  );
}

/** How many cases per recommended action, under every filter but the action. */
export async function countWorklistByAction(db: Db, filter: WorklistFilter): Promise<{ action: string; count: number }[]> {
  const w = whereOf(filter, { withAction: false });
  return db.query<{ action: string; count: number }>(
    `SELECT c.action, count(*)::int AS count FROM current_assessments c ${w.readsTenancy ? TENANCY_OF_CASE : ''}
     WHERE ${w.sql} GROUP BY c.action ORDER BY count(*) DESC, c.action`,
    w.params,
  );
}

export interface FollowUpRow {
  id: number;
  tenancy_id: number;
  ref: string;
  patch_id: number | null;
  due_date: BusinessDate;
  reason: string | null;
  note: string | null;
  recorded_by: string | null;
  names: string | null;
}

/**
 * The open follow-ups (open_follow_ups, kept by the database: migration 0021) due on or before `today` ($1),
 * in the patches when given ($2): each combination its own statement, so that a patch's is planned on the
 * patch's index (isOneOf). Before 0021 every follow-up ever recorded with a due date up to the day was read, done or not,
 * landlord-wide.
 */
function openFollowUpsDue(patchIds: number[] | null): { sql: string; params: unknown[] } {
  if (patchIds === null) return { sql: `o.due_date <= $1`, params: [] };
  const patch = isOneOf('o.patch_id', patchIds);
  return { sql: `o.due_date <= $1 AND ${patch.condition('$2')}`, params: [patch.value] };
}

/** A follow-up row: the chosen open follow-up o, its event e and its tenancy t, each looked up by key for the chosen rows only. */
const FOLLOW_UP_COLUMNS = `e.id, e.tenancy_id, t.ref, t.patch_id, (e.details ->> 'dueDate') AS due_date, (e.details ->> 'reason') AS reason, e.note, e.recorded_by,
       (SELECT string_agg(tn.name, ' & ' ORDER BY tn.position) FROM tenants tn WHERE tn.tenancy_id = t.id) AS names`;
const EVENT_AND_TENANCY_OF_FOLLOW_UP = `CROSS JOIN LATERAL (SELECT e.id, e.tenancy_id, e.details, e.note, e.recorded_by FROM case_events e WHERE e.id = o.event_id OFFSET 0) e
     CROSS JOIN LATERAL (SELECT t.id, t.ref, t.patch_id FROM tenancies t WHERE t.id = e.tenancy_id OFFSET 0) t`;

/** Follow-ups due on or before `today` and not yet marked done, in the given patches; oldest due first, `limit` rows from `offset`. */
export async function followUpsDue(db: Db, patchIds: number[] | null, today: BusinessDate, limit = 200, offset = 0): Promise<FollowUpRow[]> {
  const w = openFollowUpsDue(patchIds);
  const n = w.params.length + 1;
  return db.query<FollowUpRow>(
    `SELECT ${FOLLOW_UP_COLUMNS}
     FROM (SELECT o.event_id, o.due_date FROM open_follow_ups o WHERE ${w.sql} ORDER BY o.due_date, o.event_id LIMIT $${n + 1} OFFSET $${n + 2}) o
     ${EVENT_AND_TENANCY_OF_FOLLOW_UP}
     ORDER BY o.due_date, o.event_id`,
    [today, ...w.params, limit, offset],
  );
}

/** The first `limit` follow-ups due (as followUpsDue) and how many are due in all, in one query (the count is a window). */
export async function followUpsDueWithTotal(db: Db, patchIds: number[] | null, today: BusinessDate, limit: number): Promise<{ rows: FollowUpRow[]; total: number }> {
  const w = openFollowUpsDue(patchIds);
  const n = w.params.length + 1;
  const counted = await db.query<FollowUpRow & { total: number }>(
    `SELECT o.total, ${FOLLOW_UP_COLUMNS}
     FROM (SELECT (count(*) OVER ())::int AS total, o.event_id, o.due_date FROM open_follow_ups o WHERE ${w.sql} ORDER BY o.due_date, o.event_id LIMIT $${n + 1}) o
     ${EVENT_AND_TENANCY_OF_FOLLOW_UP}
     ORDER BY o.due_date, o.event_id`,
    [today, ...w.params, limit],
  );
  return withWindowTotal(counted);
}

/** How many follow-ups are due on or before `today` and not yet marked done, in the given patches. */
export async function countFollowUpsDue(db: Db, patchIds: number[] | null, today: BusinessDate): Promise<number> {
  const w = openFollowUpsDue(patchIds);
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM open_follow_ups o WHERE ${w.sql}`, [today, ...w.params]);
  return row?.n ?? 0;
}

/** The events flags and legal stages are read from, for a page of tenancies (one query). */
export async function flagEventsOf(db: Db, tenancyIds: readonly number[], types: readonly string[]): Promise<Map<number, { id: number; event_date: BusinessDate; type: string; details: Record<string, unknown> }[]>> {
  const map = new Map<number, { id: number; event_date: BusinessDate; type: string; details: Record<string, unknown> }[]>();
  if (tenancyIds.length === 0 || types.length === 0) return map;
  const rows = await db.query<{ tenancy_id: number; id: number; event_date: BusinessDate; type: string; details: Record<string, unknown> }>(
    // Each tenancy's events of these types looked up by key: as one condition on both arrays the planner combined
    // the types' whole index (every flag event of the landlord: 10,762 at 100,000 tenancies) with the tenancies'.
    // The types are written in, so that the planner sees they are among the flags' types and reads each tenancy's
    // flags alone by their index (migration 0030), not every event of its history.
    `SELECT e.tenancy_id, e.id, e.event_date, e.type, e.details
     FROM (SELECT DISTINCT unnest($1::int[]) AS tenancy_id) x
     CROSS JOIN LATERAL (
       SELECT e.tenancy_id, e.id, e.event_date, e.type, e.details FROM case_events e
       WHERE e.tenancy_id = x.tenancy_id AND e.type IN (${sqlLiteralList(types)}) OFFSET 0
     ) e
     ORDER BY e.tenancy_id, e.event_date, e.id`,
    [[...tenancyIds]],
  );
  for (const r of rows) {
    const list = map.get(r.tenancy_id) ?? [];
    list.push({ id: r.id, event_date: r.event_date, type: r.type, details: r.details });
    map.set(r.tenancy_id, list);
  }
  return map;
}

/** The latest day any assessment is current for: the business "today" of the pages. */
export async function latestAssessmentDate(db: Db): Promise<BusinessDate | null> {
  const [r] = await db.query<{ as_of: BusinessDate | null }>(`SELECT max(as_of) AS as_of FROM current_assessments`);
  return r?.as_of ?? null;
}
