import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database';
import type { Db } from './database';
import { openPostgresDatabase } from './postgres-database';
import { readTogether } from './read-together';

/**
 * `Db.queryBatch` on PostgreSQL: several statements in one round trip on one connection, answered as `query`
 * answers each (statement-batch.ts). The embedded database has none: `readTogether` is the database itself there.
 */
describe('statements sent together in one round trip', () => {
  let db: Db;
  /** One connection only, so that what a batch leaves prepared is what the next statement finds. */
  let oneConnection: Db | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.kind === 'postgres') oneConnection = await openPostgresDatabase(db.connectionString!, 1);
  });
  afterAll(async () => {
    await oneConnection?.close();
    await db.close();
  });

  it('is the database itself on the embedded database, where a statement costs no round trip', () => {
    if (db.kind !== 'pglite') return;
    expect(db.queryBatch).toBeUndefined();
    expect(readTogether(db)).toBe(db);
  });

  it("answers each statement with its own rows, in order, its values parsed as query parses them", async () => {
    if (!db.queryBatch) return;
    const statements = [
      { sql: `SELECT $1::bigint AS pence, $2::date AS on_date, 12.50::numeric AS rate /* batch test 1 */`, params: [123456789012, '2026-11-23'] },
      { sql: `SELECT n FROM generate_series(1, $1::int) AS n ORDER BY n /* batch test 2 */`, params: [3] },
      { sql: `SELECT '{"a":[1,2]}'::jsonb AS doc, NULL::text AS nothing, timestamptz '2026-11-23 10:00:00+00' AS at /* batch test 3 */`, params: [] },
      { sql: `SELECT 1 AS n WHERE false /* batch test 4 */`, params: [] },
    ];
    const batched = await db.queryBatch(statements);
    const single = await Promise.all(statements.map((s) => db.query(s.sql, s.params)));
    expect(batched).toEqual(single);
    expect(batched).toEqual([[{ pence: 123456789012, on_date: '2026-11-23', rate: '12.50' }], [{ n: 1 }, { n: 2 }, { n: 3 }], [{ doc: { a: [1, 2] }, nothing: null, at: new Date('2026-11-23T10:00:00Z') }], []]);
  });

  it("shares the connection's prepared statements with query, both ways", async () => {
    if (!oneConnection?.queryBatch) return;
    const first = `SELECT $1::int * 2 AS n /* batch test, prepared by query */`;
    const second = `SELECT $1::int * 3 AS n /* batch test, prepared by a batch */`;
    expect(await oneConnection.query(first, [2])).toEqual([{ n: 4 }]);
    expect(await oneConnection.queryBatch([{ sql: first, params: [5] }, { sql: second, params: [5] }])).toEqual([[{ n: 10 }], [{ n: 15 }]]);
    expect(await oneConnection.query(second, [7])).toEqual([{ n: 21 }]);
    const prepared = await oneConnection.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE statement = ANY($1::text[]) ORDER BY statement`, [[first, second]]);
    expect(prepared.map((p) => p.statement)).toEqual([first, second]); // each once
  });

  it('fails as a whole with the failing statement\'s error, and leaves the connection fit for the next', async () => {
    if (!oneConnection?.queryBatch) return;
    const after = `SELECT $1::int + 100 AS n /* batch test, after the failing one */`;
    const failing = oneConnection.queryBatch([
      { sql: `SELECT $1::int AS n /* batch test, before the failing one */`, params: [1] },
      { sql: `SELECT 1 / $1::int AS n /* batch test, failing */`, params: [0] },
      { sql: after, params: [1] },
    ]);
    await expect(failing).rejects.toMatchObject({ code: '22012' }); // division_by_zero
    // The statement after the failing one was never parsed: run again, it is prepared afresh.
    expect(await oneConnection.queryBatch([{ sql: after, params: [2] }, { sql: `SELECT 1 AS one /* batch test, one */`, params: [] }])).toEqual([[{ n: 102 }], [{ one: 1 }]]);
    expect(await oneConnection.query(after, [3])).toEqual([{ n: 103 }]);
  });

  it('commits a write with the reads of its batch, and rolls it back when one of them fails', async () => {
    if (!db.queryBatch) return;
    await db.exec(`CREATE TABLE batch_probe (n int)`);
    const write = { sql: `INSERT INTO batch_probe (n) VALUES ($1)`, params: [1] };
    await db.queryBatch([write, { sql: `SELECT count(*)::int AS n FROM batch_probe`, params: [] }]).then((rows) => expect(rows[1]).toEqual([{ n: 1 }]));
    await expect(db.queryBatch([{ ...write, params: [2] }, { sql: `SELECT 1 / $1::int AS n`, params: [0] }])).rejects.toMatchObject({ code: '22012' });
    expect(await db.query(`SELECT n FROM batch_probe ORDER BY n`)).toEqual([{ n: 1 }]);
  });

  it('runs inside a transaction on its connection, seeing its writes', async () => {
    if (!db.queryBatch) return;
    await db.exec(`CREATE TABLE batch_probe_tx (n int)`);
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO batch_probe_tx (n) VALUES ($1)`, [7]);
      const reads = readTogether(tx);
      const [rows, count] = await Promise.all([reads.query(`SELECT n FROM batch_probe_tx`), reads.query(`SELECT count(*)::int AS c FROM batch_probe_tx`)]);
      expect(rows).toEqual([{ n: 7 }]);
      expect(count).toEqual([{ c: 1 }]);
    });
  });

  it('runs a text that may hold several commands, which cannot be prepared, each on its own', async () => {
    if (!db.queryBatch) return;
    const several = `SELECT 1 AS a; SELECT 2 AS b`;
    const rows = await db.queryBatch([
      { sql: `SELECT $1::int AS n /* batch test, beside several */`, params: [4] },
      { sql: several, params: [] },
    ]);
    expect(rows[0]).toEqual([{ n: 4 }]);
    expect(await db.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [several])).toEqual([]);
  });
});
