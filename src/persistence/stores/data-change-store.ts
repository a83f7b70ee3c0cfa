import type { Db } from '../database';

/**
 * A snapshot of the database as PostgreSQL writes it (`pg_snapshot`'s text, `xmin:xmax:xip,…`): which
 * transactions had committed when it was taken.
 */
export type DataSnapshot = string;

/**
 * The database's snapshot now, and whether any data a page may show has changed since `since` was taken: whether a
 * transaction that `since` did not see has committed a change to the landlord's data (migration 0028 notes every
 * such transaction in `data_changes`, whatever writes; the audit log and the web sessions are not noted). Both
 * answers come from one statement, so one snapshot: a change committed after it is seen by the next call.
 *
 * `patchIds`: the patches the page shows, or null for a page of the whole landlord. A note counts for a page of
 * some patches when it may show there (migration 0031): a change to anything (its tenancies not named), a change
 * to a row that was or is on one of them (a current assessment, task or follow-up carries its patch), or a change
 * to a tenancy that is now on one of them, by its patch or its current assessment's. A row moved off the patches
 * since `since` was moved by a change noted after it: a tenancy's move is a change to anything.
 *
 * With `since` null, `changed` is false: there is nothing to compare.
 */
export async function dataChangedSince(db: Db, since: DataSnapshot | null, patchIds: readonly number[] | null = null): Promise<{ snapshot: DataSnapshot; changed: boolean }> {
  // Transactions before the snapshot's xmin had all ended when it was taken, so it saw every change they
  // committed: only the notes from its xmin on (the primary key's range) are compared with it.
  const [row] = await db.query<{ snapshot: string; changed: boolean }>(
    `SELECT pg_current_snapshot()::text AS snapshot,
            $1::pg_snapshot IS NOT NULL AND EXISTS (
              SELECT 1 FROM data_changes d
               WHERE d.xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(d.xid, $1::pg_snapshot)
                 AND ($2::int[] IS NULL OR d.tenancy_ids IS NULL OR d.patch_ids && $2::int[]
                      OR EXISTS (SELECT 1 FROM tenancies t WHERE t.id = ANY (d.tenancy_ids) AND t.patch_id = ANY ($2::int[]))
                      OR EXISTS (SELECT 1 FROM current_assessments c WHERE c.tenancy_id = ANY (d.tenancy_ids) AND c.patch_id = ANY ($2::int[])))
            ) AS changed`,
    [since, patchIds === null ? null : [...patchIds]],
  );
  return { snapshot: row!.snapshot, changed: row!.changed };
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
