import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../persistence/database';
import { currentAssessment, storeAssessments } from '../../persistence/stores/assessment-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { untilAnotherSessionWaitsForALock } from '../../../test/support/blocked';
import { createTestDatabase } from '../../../test/support/test-database';
import { runDaily } from '../daily-run/run-daily';
import { buildDemoLandlord } from '../demo/build-demo';
import { activePolicy, assessCaseData, assessInBatches, loadCasesToAssess } from './assess-tenancies';
import { reassessTenancies } from './reassess';
import { verifyCurrentAssessments } from './verify-assessments';

/**
 * A result read before another writer's result was committed never replaces it (migration 0027, ADR 0012): the
 * account is read and assessed again, and ends with the result of its whole ledger. Each test lets a payment
 * post and be re-assessed (committed) after an assessment has read its accounts and before it stores them.
 */
const AS_OF = '2026-11-23';

/** `db` with `between` run just before each of the first `times` transactions it is asked for (the stores). */
function withPaymentBeforeStores(db: Db, between: () => Promise<void>, times = 1): Db {
  let fired = 0;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'transaction') return Reflect.get(target, property, receiver) as unknown;
      return async <T>(fn: (tx: Db) => Promise<T>): Promise<T> => {
        if (fired < times) {
          fired++;
          await between();
        }
        return target.transaction(fn);
      };
    },
  });
}

describe('a result overtaken by another writer', () => {
  let db: Db;
  let ids: number[];
  let paid = 0;
  const payAndReassess = async (tenancyId: number, trigger: 'payment' | 'import') => {
    paid++;
    await appendLedgerTransactions(db, [
      { tenancyId, businessDate: AS_OF, kind: 'payment', method: 'debit_card', amountPence: -25_000, idempotencyKey: `overtaken:${paid}`, source: 'test' },
    ]);
    await reassessTenancies(db, [tenancyId], AS_OF, trigger);
  };
  const balanceOf = async (tenancyId: number) => ((await currentAssessment(db, tenancyId))!.result as { balancePence: number }).balancePence;
  const ledgerBalanceOf = async (tenancyId: number) => {
    const [row] = await db.query<{ pence: number }>(`SELECT sum(amount_pence)::bigint AS pence FROM ledger_transactions WHERE tenancy_id = $1 AND business_date <= $2`, [
      tenancyId,
      AS_OF,
    ]);
    return row!.pence;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 30, seed: 13, asOf: '2026-11-16' });
    await runDaily(db, AS_OF);
    ids = (await db.query<{ id: number }>(`SELECT tenancy_id AS id FROM current_assessments ORDER BY tenancy_id`)).map((r) => r.id);
  });
  afterAll(async () => {
    await db.close();
  });

  it("the daily run's result, read before a payment's re-assessment committed, does not replace it: the account is assessed again", async () => {
    const tenancyId = ids[4]!;
    const policy = await activePolicy(db);
    const racing = withPaymentBeforeStores(db, () => payAndReassess(tenancyId, 'payment'));
    const done = await assessInBatches(racing, [{ selection: { idFrom: ids[0]!, idTo: ids.at(-1)! }, asOf: AS_OF }], 'daily', policy);

    // Each account counted once, the counts those of the results made current.
    expect(done.assessed).toBe(ids.length);
    const counts = await db.query<{ action: string; n: number }>(`SELECT action, count(*)::int AS n FROM current_assessments GROUP BY action`);
    expect(done.byAction).toEqual(Object.fromEntries(counts.map((c) => [c.action, c.n])));
    // The account's current result has the payment, and is the daily run's (read after the payment).
    expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));
    expect((await currentAssessment(db, tenancyId))!.trigger).toBe('daily');
    expect(await verifyCurrentAssessments(db)).toMatchObject({ current: ids.length, differ: 0 });
  });

  it("a payment's re-assessment, read before another payment's re-assessment committed, does not replace it: it reads and assesses again", async () => {
    const tenancyId = ids[7]!;
    const racing = withPaymentBeforeStores(db, () => payAndReassess(tenancyId, 'import'));
    await reassessTenancies(racing, [tenancyId], AS_OF, 'payment');

    expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));
    expect((await currentAssessment(db, tenancyId))!.trigger).toBe('payment');
    expect(await verifyCurrentAssessments(db, { tenancyIds: [tenancyId] })).toMatchObject({ checked: 1, differ: 0 });
  });

  it("a payment's re-assessment overtaken by the next day's daily result, read before the payment, reads and assesses again as of that day", async () => {
    const tenancyId = ids[16]!;
    const nextDay = '2026-11-24';
    const policy = await activePolicy(db);
    // The next day's run reads the account before the payment posts, and stores after the payment's re-assessment read it.
    const cases = await loadCasesToAssess(db, { ids: [tenancyId] }, nextDay);
    const nextDays = assessCaseData(cases.slice(0, cases.length), nextDay, 'daily', policy).rows;
    paid++;
    await appendLedgerTransactions(db, [
      { tenancyId, businessDate: AS_OF, kind: 'payment', method: 'debit_card', amountPence: -25_000, idempotencyKey: `overtaken:${paid}`, source: 'test' },
    ]);
    const racing = withPaymentBeforeStores(db, async () => {
      expect(await storeAssessments(db, nextDays)).toEqual([]);
    });
    await reassessTenancies(racing, [tenancyId], AS_OF, 'payment');

    const current = (await currentAssessment(db, tenancyId))!;
    expect({ asOf: current.as_of, trigger: current.trigger }).toEqual({ asOf: nextDay, trigger: 'payment' });
    expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));
    expect(await verifyCurrentAssessments(db, { tenancyIds: [tenancyId] })).toMatchObject({ checked: 1, differ: 0 });
  });

  it('an account overtaken at every reading is given up after five more readings, with a message that names it', async () => {
    const tenancyId = ids[12]!;
    const racing = withPaymentBeforeStores(db, () => payAndReassess(tenancyId, 'payment'), 6);
    await expect(reassessTenancies(racing, [tenancyId], AS_OF, 'decision')).rejects.toThrow(
      `the assessment of tenancy id ${tenancyId} was overtaken by other writers 5 times over: run again`,
    );
    // The account keeps the last payment's own result, which saw every payment.
    expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));
    expect((await currentAssessment(db, tenancyId))!.trigger).toBe('payment');
  });

  it('a writer recorded under a transaction id this server has not given out (a database restored from a dump) is replaced at the next reading', async () => {
    const tenancyId = ids[14]!;
    await db.query(`UPDATE current_assessments SET writer_xid = ((pg_current_xact_id()::text)::bigint + 100000000)::text::xid8 WHERE tenancy_id = $1`, [tenancyId]);
    paid++;
    await appendLedgerTransactions(db, [
      { tenancyId, businessDate: AS_OF, kind: 'payment', method: 'debit_card', amountPence: -5_000, idempotencyKey: `overtaken:${paid}`, source: 'test' },
    ]);
    await reassessTenancies(db, [tenancyId], AS_OF, 'payment');
    expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));
    expect((await currentAssessment(db, tenancyId))!.trigger).toBe('payment');
    const [row] = await db.query<{ ours: boolean }>(`SELECT writer_xid < pg_snapshot_xmax(pg_current_snapshot()) AS ours FROM current_assessments WHERE tenancy_id = $1`, [tenancyId]);
    expect(row!.ours).toBe(true);
  });

  it.runIf(process.env.DATABASE_URL)(
    'side by side (PostgreSQL): a store waiting for the other writer to commit does not replace its result, in either order',
    async () => {
      const tenancyId = ids[10]!;
      const policy = await activePolicy(db);
      const readAndAssess = async () => {
        const cases = await loadCasesToAssess(db, { ids: [tenancyId] }, AS_OF);
        return assessCaseData(cases.slice(0, cases.length), AS_OF, 'daily', policy).rows;
      };
      // The daily run's result, read before a payment; the payment's re-assessment written, not yet committed, when
      // the run stores: the run's store waits for it, then finds it was overtaken.
      const stale = await readAndAssess();
      let runStore: Promise<unknown> = Promise.resolve();
      await db.transaction(async (tx) => {
        paid++;
        await appendLedgerTransactions(tx, [
          { tenancyId, businessDate: AS_OF, kind: 'payment', method: 'debit_card', amountPence: -10_000, idempotencyKey: `overtaken:${paid}`, source: 'test' },
        ]);
        await reassessTenancies(tx, [tenancyId], AS_OF, 'payment');
        runStore = storeAssessments(db, stale);
        expect(await untilAnotherSessionWaitsForALock(db)).toBe(true);
      });
      expect(await runStore).toEqual([{ tenancyId, asOf: AS_OF, action: stale[0]!.action }]);
      expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));

      // The other way round: the run's result (read after that payment) written, not yet committed, while a later
      // payment's re-assessment, read before the run commits, stores: it waits, is overtaken, reads and assesses again.
      const fresh = await readAndAssess();
      let paymentReassessed: Promise<unknown> = Promise.resolve();
      await db.transaction(async (tx) => {
        await storeAssessments(tx, fresh);
        paid++;
        await appendLedgerTransactions(db, [
          { tenancyId, businessDate: AS_OF, kind: 'payment', method: 'debit_card', amountPence: -10_000, idempotencyKey: `overtaken:${paid}`, source: 'test' },
        ]);
        paymentReassessed = reassessTenancies(db, [tenancyId], AS_OF, 'payment');
        expect(await untilAnotherSessionWaitsForALock(db)).toBe(true);
      });
      await paymentReassessed;
      expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));
      expect((await currentAssessment(db, tenancyId))!.trigger).toBe('payment');
      expect(await verifyCurrentAssessments(db, { tenancyIds: [tenancyId] })).toMatchObject({ checked: 1, differ: 0 });
    },
  );

  it('a whole daily run with a payment re-assessed during its store ends with every result equal to assess', async () => {
    const tenancyId = ids[2]!;
    const racing = withPaymentBeforeStores(db, () => payAndReassess(tenancyId, 'payment'));
    // The run's first transaction posts its first batch's charges (none are due again this day) and its reads
    // follow, so the payment may fall before or after a batch is read: either way the end is the same.
    const summary = await runDaily(racing, AS_OF, { batchSize: 8, workers: 1 }); // in this thread, where the hook is
    expect(summary.accountsAssessed).toBe(ids.length);
    expect(await balanceOf(tenancyId)).toBe(await ledgerBalanceOf(tenancyId));
    expect(await verifyCurrentAssessments(db)).toMatchObject({ current: ids.length, differ: 0 });
  });
});
