import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database';
import type { Db } from './database';

/** ADR 0011: Rentwise's PostgreSQL connections compile nothing with JIT; a statement can still ask for the server's setting. */
describe('connection settings', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  it('every connection of the pool has JIT off, and SET LOCAL jit TO DEFAULT gives the server its own setting back', async () => {
    if (db.kind !== 'postgres') {
      // The embedded database is built without a JIT compiler; the benchmark's statement runs there all the same.
      await db.transaction(async (tx) => tx.exec('SET LOCAL jit TO DEFAULT'));
      return;
    }
    // Several at once, so that several connections answer (the pool opens one for each).
    const answers = await Promise.all(Array.from({ length: 6 }, () => db.query<{ jit: string; pid: number }>(`SELECT current_setting('jit') AS jit, pg_backend_pid() AS pid, pg_sleep(0.05) IS NULL AS slept`)));
    expect(new Set(answers.map((a) => a[0]!.pid)).size).toBeGreaterThan(1);
    expect(answers.map((a) => a[0]!.jit)).toEqual(Array(6).fill('off'));
    const [server] = await db.query<{ value: string }>(`SELECT reset_val AS value FROM pg_settings WHERE name = 'jit'`);
    const inside = await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL jit TO DEFAULT');
      return (await tx.query<{ jit: string }>(`SHOW jit`))[0]?.jit;
    });
    expect(inside).toBe(server?.value);
    expect((await db.query<{ jit: string }>(`SHOW jit`))[0]?.jit).toBe('off');
  });
});
