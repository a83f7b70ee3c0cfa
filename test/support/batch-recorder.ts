import type { BatchStatement, Db } from '../../src/persistence/database';

/**
 * `db` with a `queryBatch` that records each batch's statements (and runs them one by one, so on either
 * database): to check which reads a page sends together (`readTogether`).
 */
export function recordingBatches(db: Db, batches: string[][] = []): { db: Db; batches: string[][] } {
  return {
    batches,
    db: {
      ...db,
      async queryBatch(statements: readonly BatchStatement[]) {
        batches.push(statements.map((s) => s.sql));
        const rows: unknown[][] = [];
        for (const s of statements) rows.push(await db.query(s.sql, s.params));
        return rows;
      },
    },
  };
}

/** For `createWebTestApp`'s `wrapDb`: the batches the app's requests send, in `batches` (empty it before a request). */
export function appBatches(): { batches: string[][]; wrapDb: (db: Db) => Db } {
  const batches: string[][] = [];
  return { batches, wrapDb: (db) => recordingBatches(db, batches).db };
}
