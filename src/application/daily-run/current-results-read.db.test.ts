import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { currentAssessmentsOf } from '../../persistence/stores/assessment-store';
import { rowsReadFrom } from '../../../test/support/rows-read';
import { createTestDatabase } from '../../../test/support/test-database';
import { arrangementTasksFor } from '../arrangements/monitor-step';
import { benefitTasksDue } from '../benefits/benefit-tasks';
import { buildDemoLandlord } from '../demo/build-demo';
import { runDaily } from './run-daily';

/**
 * The statements that read the current results of every account (the daily run's arrangement and benefit
 * steps, the check of stored results) read one stored result per current account, however many days of
 * results are kept and whatever plan the database prefers. The landlord here keeps 40 days of results for
 * each account, stored before its current ones; the database is then told to avoid nested loops, the
 * setting under which a plain join of `current_assessments` to `assessments` walks or hashes every result.
 */
describe('reading the current results of every account', () => {
  let db: Db;
  let current: number;
  const asOf = '2026-11-16';
  const historyDays = 40;

  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 80, seed: 7, asOf });
    await runDaily(db, asOf);
    // Forty earlier days of each account's result, kept as a landlord's database keeps them.
    await db.exec(
      `INSERT INTO assessments (tenancy_id, as_of, trigger, policy_version, action, priority, balance_pence, arrears_pence, real_arrears_pence, result, trace, trace_hash)
       SELECT a.tenancy_id, a.as_of - g, 'daily', a.policy_version, a.action, a.priority, a.balance_pence, a.arrears_pence, a.real_arrears_pence, a.result, a.trace, a.trace_hash
         FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id CROSS JOIN generate_series(1, ${historyDays}) g`,
    );
    // The next day's run: the current results are now the newest rows, after the history.
    await runDaily(db, addDays(asOf, 1));
    // The benefit tasks the runs raised are taken away, so that the benefit step has some to find.
    await db.exec(`DELETE FROM tasks WHERE idempotency_key LIKE 'benefits:%'`);
    await db.exec('ANALYZE assessments');
    await db.exec('ANALYZE current_assessments');
    current = Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM current_assessments`))[0]!.n);
  });
  afterAll(async () => db?.close());

  /** The rows `fn` reads from `assessments` when nested loops are discouraged; and what it returns, with and without. */
  const readWithoutNestedLoops = async <T extends unknown[]>(fn: (d: Db) => Promise<T>): Promise<{ rows: number; found: number; same: boolean }> =>
    db.transaction(async (tx) => {
      await tx.exec('SET LOCAL enable_nestloop = off');
      const rows = await rowsReadFrom(tx, 'assessments', null, fn);
      const discouraged = await fn(tx);
      await tx.exec('SET LOCAL enable_nestloop = on');
      return { rows, found: discouraged.length, same: JSON.stringify(discouraged) === JSON.stringify(await fn(tx)) };
    });

  it('the landlord keeps many more results than it has accounts', async () => {
    const [{ n }] = (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM assessments`)) as [{ n: string }];
    expect(current).toBe(80);
    expect(Number(n)).toBeGreaterThan(current * historyDays);
  });

  it('the benefit step reads at most one result per current account', async () => {
    const read = await readWithoutNestedLoops((d) => benefitTasksDue(d));
    expect(read.rows).toBeLessThanOrEqual(current);
    expect(read.found).toBeGreaterThan(0);
    expect(read.same).toBe(true);
  });

  it("the arrangement step's broken arrangements read at most one result per current account (and the day's results of those watched)", async () => {
    const read = await readWithoutNestedLoops((d) => arrangementTasksFor(d, addDays(asOf, 1)));
    expect(read.rows).toBeLessThanOrEqual(2 * current);
    expect(read.found).toBeGreaterThan(0);
    expect(read.same).toBe(true);
  });

  it('the check of stored results reads one result per account asked for', async () => {
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id`)).map((t) => t.id);
    const read = await readWithoutNestedLoops((d) => currentAssessmentsOf(d, ids));
    expect(read.rows).toBeLessThanOrEqual(ids.length);
    expect(read.found).toBe(ids.length);
    expect(read.same).toBe(true);
  });
});
