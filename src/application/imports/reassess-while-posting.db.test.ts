import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPayment, paymentFile } from '../../../test/builders/payment-file';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { createTestDatabase } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';
import { addDays, type BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { TRACE_OF_A } from '../../persistence/stores/assessment-store';
import { addChargeScheduleEntry } from '../../persistence/stores/tenancy-store';
import { importPayments } from './import-payments';

/**
 * Re-assessing while the file is posted (reassess-while-posting.ts) ends exactly as re-assessing after it:
 * the same file imported into two copies of a landlord, one each way, leaves every account with the same
 * current assessment, result and trace. On PostgreSQL the first copy re-assesses beside the posting; the
 * embedded database serves one statement at a time, so there both copies re-assess after the file.
 */
const TODAY: BusinessDate = '2026-11-23';
const ACCOUNTS = 24;
const files = tempDir();
let beside: Db;
let after: Db;

async function landlord(): Promise<Db> {
  const db = await createTestDatabase();
  for (let n = 1; n <= ACCOUNTS; n++) {
    const id = await aTenancyOnPatch(db, `TEN-${String(n).padStart(6, '0')}`, 'North', { paymentReference: String(700000 + n) });
    const weeklyPence = 9000 + 250 * n;
    await addChargeScheduleEntry(db, { tenancyId: id, effectiveFrom: '2026-01-05', weeklyPence });
    const rows = [];
    for (let monday: BusinessDate = '2026-01-05'; monday <= TODAY; monday = addDays(monday, 7)) {
      rows.push({ tenancyId: id, businessDate: monday, kind: 'charge' as const, amountPence: weeklyPence, idempotencyKey: `t:${n}:c:${monday}`, source: 'test' });
      // Some accounts pay every week, some fell behind from the autumn, some never paid much.
      const paid = n % 3 === 0 ? weeklyPence : n % 3 === 1 && monday < '2026-09-07' ? weeklyPence : Math.floor(weeklyPence / 4);
      rows.push({ tenancyId: id, businessDate: addDays(monday, 3), kind: 'payment' as const, method: 'debit_card', amountPence: -paid, idempotencyKey: `t:${n}:p:${monday}`, source: 'test' });
    }
    await appendLedgerTransactions(db, rows.filter((r) => r.businessDate <= TODAY));
  }
  return db;
}

async function assessed(db: Db) {
  return db.query(
    `SELECT t.ref, c.as_of::text AS as_of, c.action, c.priority, c.real_arrears_pence::text AS real_arrears_pence, a.trigger, a.result, (${TRACE_OF_A})::text AS trace,
            (SELECT count(*)::int FROM assessments x WHERE x.tenancy_id = t.id AND x.trigger = 'import') AS import_assessments
     FROM tenancies t LEFT JOIN current_assessments c ON c.tenancy_id = t.id LEFT JOIN assessments a ON a.id = c.assessment_id ORDER BY t.ref`,
  );
}

beforeAll(async () => {
  beside = await landlord();
  after = await landlord();
}, 120_000);
afterAll(async () => {
  files.cleanup();
  await beside?.close();
  await after?.close();
});

describe('re-assessing while the file is posted', () => {
  const both = async (name: string, rows: Record<string, string>[], today: BusinessDate) => {
    const path = files.file(name, paymentFile(rows));
    const a = await importPayments(beside, { path, today, batchRows: 4 });
    const b = await importPayments(after, { path, today, batchRows: 4, reassessWhilePosting: false });
    expect(a).toEqual(b);
    return a;
  };

  it('a file where most accounts pay once and some several times, far apart: the same assessments, each account once', async () => {
    const ref = (n: number) => String(700000 + n);
    const rows = [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => aPayment({ reference: ref(n), date: '2026-11-20', amount: '50.00' })),
      aPayment({ reference: ref(9), date: '2026-11-20', amount: '10.00' }),
      aPayment({ reference: '799999', date: '2026-11-20' }), // no such account: suspense
      aPayment({ reference: ref(10), amount: 'lots' }), // rejected
      ...[11, 12, 13, 14, 15, 16].map((n) => aPayment({ reference: ref(n), date: '2026-11-21', amount: '30.00' })),
      aPayment({ reference: ref(9), date: '2026-11-21', amount: '20.00' }),
      ...[17, 18, 19, 20].map((n) => aPayment({ reference: ref(n), date: '2026-11-22', amount: '400.00' })),
      aPayment({ reference: ref(9), date: '2026-11-22', amount: '30.00' }),
      aPayment({ reference: ref(1), date: '2026-11-22', amount: '5.00' }),
    ];
    const summary = await both('mixed.csv', rows, TODAY);
    expect(summary).toMatchObject({ posted: 22, suspense: 1, rejected: 1 });
    const a = await assessed(beside);
    expect(a).toEqual(await assessed(after));
    const imported = a.filter((r) => (r as { import_assessments: number }).import_assessments > 0);
    expect(imported).toHaveLength(19);
    for (const r of imported) expect(r).toMatchObject({ import_assessments: 1, as_of: TODAY, trigger: 'import' });
  });

  it('a payment dated after today half-way down: the file is re-assessed after it is posted, as of that day, each account once', async () => {
    // Re-assessing beside the posting would have stored assessments as of today for the accounts before it,
    // which the day's other readers (the money in transit on the account page) would take for the day's.
    const ref = (n: number) => String(700000 + n);
    const rows = [
      ...[21, 22, 23].map((n) => aPayment({ reference: ref(n), date: '2026-11-22', amount: '12.00' })),
      aPayment({ reference: ref(24), date: '2026-11-22', amount: '12.00' }),
      aPayment({ reference: ref(24), date: '2026-11-25', amount: '15.00' }),
      ...[2, 3].map((n) => aPayment({ reference: ref(n), date: '2026-11-23', amount: '7.00' })),
    ];
    await both('later.csv', rows, TODAY);
    const a = await assessed(beside);
    expect(a).toEqual(await assessed(after));
    for (const r of a.filter((x) => ['TEN-000021', 'TEN-000024', 'TEN-000002'].includes((x as { ref: string }).ref))) expect(r).toMatchObject({ as_of: '2026-11-25' });
    const assessedAsOfToday = await beside.query(`SELECT count(*)::int AS n FROM assessments WHERE trigger = 'import' AND as_of = $1 AND created_at > now() - interval '1 hour'`, [TODAY]);
    expect(assessedAsOfToday).toEqual([{ n: 19 }]); // the first file's, none from this one
  });
});
