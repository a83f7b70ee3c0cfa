import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../persistence/database';
import { currentAssessment, RESULT_OF_CURRENT, storeAssessments } from '../../persistence/stores/assessment-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { createTestDatabase } from '../../../test/support/test-database';
import { runDaily } from '../daily-run/run-daily';
import { buildDemoLandlord } from '../demo/build-demo';
import { verifyCurrentAssessments } from './verify-assessments';

const AS_OF = '2026-11-23';

describe('verifying the current assessments against assess on the exported case files', () => {
  let db: Db;
  let ids: number[];
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 40, seed: 11, asOf: '2026-11-16' });
    await runDaily(db, AS_OF);
    ids = (await db.query<{ id: number }>(`SELECT tenancy_id AS id FROM current_assessments ORDER BY tenancy_id`)).map((r) => r.id);
  });
  afterAll(async () => {
    await db.close();
  });

  it('finds every assessment of a daily run the same, and checks an even sample when asked', async () => {
    const progress: [number, number][] = [];
    const all = await verifyCurrentAssessments(db, { onProgress: (done, total) => progress.push([done, total]) });
    expect(all).toEqual({ current: 40, checked: 40, same: 40, differ: 0, differences: [] });
    expect(progress.at(-1)).toEqual([40, 40]);
    const sample = await verifyCurrentAssessments(db, { sample: 7 });
    expect(sample).toMatchObject({ current: 40, checked: 7, same: 7, differ: 0 });
    const two = await verifyCurrentAssessments(db, { tenancyIds: [ids[3]!, ids[9]!] });
    expect(two).toMatchObject({ checked: 2, same: 2 });
  });

  it('names the fields of a stored result that differ, the columns copied out of it, and the first rule whose trace entry differs', async () => {
    const tenancyId = ids[5]!;
    const current = (await currentAssessment(db, tenancyId))!;
    const result = current.result as { balancePence: number; arrearsPence: number; realArrearsPence: number; recommendation: { needsApproval: boolean } };
    const [{ patch_id: patchId } = { patch_id: null }] = await db.query<{ patch_id: number | null }>(`SELECT patch_id FROM tenancies WHERE id = $1`, [tenancyId]);
    const trace = current.trace.map((entry, i) => (i === 2 ? { ...(entry as object), matched: !(entry as { matched: boolean }).matched } : entry));
    await storeAssessments(db, [
      {
        tenancyId,
        asOf: AS_OF,
        trigger: 'manual',
        policyVersion: current.policy_version,
        action: current.action,
        priority: current.priority + 1,
        balancePence: result.balancePence,
        arrearsPence: result.arrearsPence,
        realArrearsPence: result.realArrearsPence,
        needsApproval: result.recommendation.needsApproval,
        patchId,
        result: { ...current.result, priority: current.priority + 1 },
        trace,
      },
    ]);
    const report = await verifyCurrentAssessments(db);
    expect(report).toMatchObject({ current: 40, checked: 40, same: 39, differ: 1 });
    const rule = (current.trace[2] as { rule: string }).rule;
    expect(report.differences).toEqual([
      { tenancyId, ref: expect.any(String), asOf: AS_OF, trigger: 'manual', parts: ['priority', 'assessments.priority', 'assessments.trace_hash', 'current_assessments.priority', `trace (from "${rule}")`] },
    ]);
  });

  it('names a column of the current-assessment row (what the worklists read) that is not the assessment\'s', async () => {
    const tenancyId = ids[11]!;
    await db.query(`UPDATE current_assessments SET needs_approval = NOT needs_approval WHERE tenancy_id = $1`, [tenancyId]);
    const report = await verifyCurrentAssessments(db, { tenancyIds: [tenancyId] });
    expect(report).toMatchObject({ checked: 1, differ: 1 });
    expect(report.differences[0]!.parts).toEqual(['current_assessments.needs_approval']);
  });

  it('finds an account whose ledger changed after its assessment without a re-assessment', async () => {
    const tenancyId = ids[20]!;
    await appendLedgerTransactions(db, [
      { tenancyId, businessDate: AS_OF, kind: 'payment', method: 'cash', amountPence: -12_345, idempotencyKey: 'verify:unassessed', source: 'test' },
    ]);
    const report = await verifyCurrentAssessments(db, { tenancyIds: [tenancyId] });
    expect(report).toMatchObject({ checked: 1, same: 0, differ: 1 });
    expect(report.differences[0]!.parts).toEqual(expect.arrayContaining(['balancePence', 'assessments.balance_pence', 'assessments.trace_hash', expect.stringMatching(/^trace/)]));
  });

  it("checks a difference again as it is now: the day's run again meanwhile (the same row, updated) is no difference", async () => {
    const tenancyId = ids[30]!;
    let raced = false;
    // Between reading the stored assessment and reading the case data: a payment, and the day's run again,
    // which updates the same day's assessment in place (the same id).
    const racing: Db = {
      ...db,
      query: async (sql, params) => {
        const rows = await db.query(sql, params);
        if (!raced && sql.includes(RESULT_OF_CURRENT)) {
          raced = true;
          await appendLedgerTransactions(db, [{ tenancyId, businessDate: AS_OF, kind: 'payment', method: 'cash', amountPence: -5_000, idempotencyKey: 'verify:race', source: 'test' }]);
          await runDaily(db, AS_OF);
        }
        return rows as never;
      },
    };
    const before = (await currentAssessment(db, tenancyId))!.id;
    const report = await verifyCurrentAssessments(racing, { tenancyIds: [tenancyId] });
    expect(raced).toBe(true);
    expect((await currentAssessment(db, tenancyId))!.id).toBe(before);
    expect(report).toMatchObject({ checked: 1, same: 1, differ: 0 });
  });
});
