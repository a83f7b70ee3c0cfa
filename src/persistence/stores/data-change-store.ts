import type { BatchStatement, Db } from '../database';
import { auditInsert, type AuditEntry } from './audit-store';

/**
 * A snapshot of the database as PostgreSQL writes it (`pg_snapshot`'s text, `xmin:xmax:xip,…`): which
 * transactions had committed when it was taken.
 */
export type DataSnapshot = string;

/**
 * The tables whose rows name a tenancy, and whose changes are noted by tenancy and table (migrations 0031 and 0032;
 * the audit log is not noted). A change to any other table is a change to anything. A test keeps this list equal
 * to the tables the database gives those triggers.
 */
export const TABLES_NOTED_BY_TENANCY = [
  'account_state',
  'approvals',
  'arrangements',
  'assessments',
  'benefit_claim_versions',
  'benefit_claims',
  'case_events',
  'charge_positions',
  'charge_schedules',
  'current_assessments',
  'dd_collection_failures',
  'dd_mandates',
  'income_expenditure_snapshots',
  'ledger_transactions',
  'letters',
  'open_follow_ups',
  'rent_change_items',
  'rent_free_weeks',
  'tasks',
  'tenants',
] as const;

const NAMED_TABLE = new RegExp(`\\b(${TABLES_NOTED_BY_TENANCY.join('|')})\\b`, 'g');
const tablesNamedBySql = new Map<string, readonly string[]>();

/**
 * Which of TABLES_NOTED_BY_TENANCY a statement names, as a word anywhere in its text: every table it can read,
 * since the schema has no views (a test keeps it so), and perhaps more (a comment, a column named alike), which
 * only makes a kept page stale more often.
 */
export function tablesNamedIn(sql: string): readonly string[] {
  let named = tablesNamedBySql.get(sql);
  if (named === undefined) {
    named = [...new Set(Array.from(sql.matchAll(NAMED_TABLE), (m) => m[1]!))].sort();
    if (tablesNamedBySql.size < 10_000) tablesNamedBySql.set(sql, named); // a page's statements are few texts
  }
  return named;
}

/**
 * `db` as it is, but noting the tables with tenancies that each statement run through it names (`tablesNamedIn`):
 * `tablesRead()` gives them, so that a page kept from what it read knows which changes may show on it.
 */
export function recordingTablesRead(db: Db): { db: Db; tablesRead: () => string[] } {
  const read = new Set<string>();
  const noted = (sql: string) => {
    for (const table of tablesNamedIn(sql)) read.add(table);
    return sql;
  };
  const wrap = (inner: Db): Db => ({
    kind: inner.kind,
    ...(inner.connectionString === undefined ? {} : { connectionString: inner.connectionString }),
    query: <T>(sql: string, params?: readonly unknown[]) => inner.query<T>(noted(sql), params),
    ...(inner.queryBatch ? { queryBatch: (statements: readonly BatchStatement[]) => inner.queryBatch!(statements.map((s) => ({ sql: noted(s.sql), params: s.params }))) } : {}),
    exec: (sql: string) => inner.exec(noted(sql)),
    transaction: <T>(fn: (tx: Db) => Promise<T>) => inner.transaction((tx) => fn(wrap(tx))),
    copyCsv: (table, columns, chunks) => inner.copyCsv(noted(table), columns, chunks),
    copyText: (table, columns, chunks) => inner.copyText(noted(table), columns, chunks),
    copyOutText: (select: string) => inner.copyOutText(noted(select)),
    close: () => inner.close(),
  });
  return { db: wrap(db), tablesRead: () => [...read].sort() };
}

/** What a page shows, as a change is compared with it (`dataChangedSince`'s `scope`). */
export type ChangeScope = { patchIds?: readonly number[] | null; tables?: readonly string[] | null; casesOnly?: boolean };

/**
 * The database's snapshot now, and whether any data a page may show has changed since `since` was taken: whether a
 * transaction that `since` did not see has committed a change to the landlord's data (migration 0028 notes every
 * such transaction in `data_changes`, whatever writes; the audit log and the web sessions are not noted). Both
 * answers come from one statement, so one snapshot: a change committed after it is seen by the next call.
 *
 * `scope` says what the page shows, and a note counts for it only when it may show there:
 * - `patchIds`: the patches the page shows, or null (or left out) for a page of the whole landlord. A note counts
 *   when it is a change to anything (its tenancies not named), a change to a row that was or is on one of them (a
 *   current assessment, task or follow-up carries its patch), or a change to a tenancy that is now on one of them,
 *   by its patch or its current assessment's (migration 0031). A row moved off the patches since `since` was moved
 *   by a change noted after it: a tenancy's move is a change to anything.
 * - `tables`: the tables with tenancies the page reads (`recordingTablesRead`), or null (or left out) for any. A
 *   note of changes to tenancies' rows counts only when it names one of them (migration 0032): a payment alone
 *   (the ledger, the account's kept state) does not show on a page that reads neither. A change to anything counts
 *   whatever the page reads.
 * - `casesOnly`: the page shows cases (current assessments with an action), open follow-ups and open tasks, and
 *   reads a tenancy's other rows only for those (a worklist). A note of changes to tenancies' rows then counts only
 *   when it changed a case (a current assessment whose action, before or after, is not 'none': migration 0033), a
 *   follow-up or a task, or names a tenancy that is a case now or has an open follow-up or task. A tenancy that was
 *   a case when `since` was taken and is not now stopped being one in a note since, which counts. So a payment on
 *   an account with no action, re-assessed to no action again, leaves such a page kept.
 *
 * With `since` null, `changed` is false: there is nothing to compare.
 */
export async function dataChangedSince(
  db: Db,
  since: DataSnapshot | null,
  scope: ChangeScope = {},
): Promise<{ snapshot: DataSnapshot; changed: boolean }> {
  // Transactions before the snapshot's xmin had all ended when it was taken, so it saw every change they
  // committed: only the notes from its xmin on (the primary key's range) are compared with it. The statement is
  // prepared on each connection and planned once (a generic plan): keep it so (the cases' check is a function,
  // migration 0033), since a custom plan made at every check cost more than the check itself.
  // `src/persistence/stores/data-change-store.db.test.ts` counts the plans.
  const [row] = await db.query<{ snapshot: string; changed: boolean }>(CHANGED_SINCE, changedSinceParams(since, scope));
  return { snapshot: row!.snapshot, changed: row!.changed };
}

/**
 * `dataChangedSince`, and when nothing the page may show has changed since `since`, `audit`'s entries appended to
 * the audit log, in one statement: a page kept since `since` is then served, and its read audited, in one round
 * trip. One statement sees one snapshot, so the entries are written exactly when `changed` is false: a page found
 * stale is read afresh and audited with what it then shows, not with what it showed before.
 */
export async function dataChangedSinceElseAudit(
  db: Db,
  since: DataSnapshot,
  scope: ChangeScope,
  audit: readonly AuditEntry[],
): Promise<{ snapshot: DataSnapshot; changed: boolean }> {
  const params = changedSinceParams(since, scope);
  const insert = auditInsert(audit, params.length + 1);
  const [row] = await db.query<{ snapshot: string; changed: boolean }>(
    `WITH checked AS (${CHANGED_SINCE}),
          audited AS (${insert.sql} WHERE NOT (SELECT changed FROM checked))
     SELECT snapshot, changed FROM checked`,
    [...params, ...insert.params],
  );
  return { snapshot: row!.snapshot, changed: row!.changed };
}

/** `dataChangedSince`'s statement: the snapshot now, and whether a note since `$1` counts for the scope of `$2`–`$4`. */
const CHANGED_SINCE = `SELECT pg_current_snapshot()::text AS snapshot,
            $1::pg_snapshot IS NOT NULL AND EXISTS (
              SELECT 1 FROM data_changes d
               WHERE d.xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(d.xid, $1::pg_snapshot)
                 AND (d.tenancy_ids IS NULL
                      OR (($3::text[] IS NULL OR d.tables IS NULL OR d.tables && $3::text[])
                          AND ($2::int[] IS NULL OR d.patch_ids && $2::int[]
                               OR EXISTS (SELECT 1 FROM tenancies t WHERE t.id = ANY (d.tenancy_ids) AND t.patch_id = ANY ($2::int[]))
                               OR EXISTS (SELECT 1 FROM current_assessments c WHERE c.tenancy_id = ANY (d.tenancy_ids) AND c.patch_id = ANY ($2::int[])))
                          AND (NOT $4::boolean OR data_change_may_show_in_cases(d.tenancy_ids, d.tables, d.case_tenancy_ids))))
            ) AS changed`;

function changedSinceParams(
  since: DataSnapshot | null,
  scope: ChangeScope,
): unknown[] {
  return [since, scope.patchIds ? [...scope.patchIds] : null, scope.tables ? [...scope.tables] : null, scope.casesOnly === true];
}

/**
 * Removes the notes of transactions that began more than `olderThanDays` days ago and have ended. A page is kept
 * for minutes (`PAGE_CACHE_MAX_AGE_MS`), so a note matters only to a page rendered before its transaction
 * committed; no transaction of Rentwise's runs for days, so these have long been committed before any page kept.
 */
export async function pruneDataChanges(db: Db, olderThanDays = 7): Promise<number> {
  // Counted in the database: a week's notes are one a writing transaction, not worth sending back one by one.
  const [row] = await db.query<{ n: number }>(
    `WITH pruned AS (
       DELETE FROM data_changes
        WHERE noted_at < now() - make_interval(days => $1::int) AND xid < pg_snapshot_xmin(pg_current_snapshot())
        RETURNING 1
     )
     SELECT count(*)::int AS n FROM pruned`,
    [olderThanDays],
  );
  return row?.n ?? 0;
}
