import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { currentAssessment, storeAssessments } from '../../persistence/stores/assessment-store';
import { TRANSIT_TRACE_RULE } from '../../domain/assessment';
import { seedWeb, type SeededWeb } from '../../../test/support/seed-web';
import { createTestDatabase } from '../../../test/support/test-database';
import type { CaseContext } from '../case-events/case-access';
import { runDaily } from '../daily-run/run-daily';
import { loadActor } from '../users/users';
import { arrangementsOf, cancelArrangement, createArrangement, loadMoneyPage, recordIncomeExpenditure, snapshotsOf } from './money';
import { arrangementTasksFor } from './monitor-step';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { caseContextAs } from '../../../test/builders/case-context';

/**
 * Arrangements on the database (PGlite, or PostgreSQL with DATABASE_URL): TEN-N001 (£100 a week, £200
 * arrears on 2026-11-23) agrees £10 a week from Monday 30 November; pays rent and instalment on the
 * 30th, only the rent on 7 December (early warning that day), only the rent on the 14th (broken).
 */
describe('arrangements and their monitoring', () => {
  let db: Db;
  let seed: SeededWeb;
  let ctx: CaseContext;
  let id: number;
  beforeAll(async () => {
    db = await createTestDatabase();
    seed = await seedWeb(db);
    ctx = await caseContextAs(db, seed.users.officerNorth.id, seed.asOf);
    id = seed.tenancies['TEN-N001']!;
  });
  afterAll(async () => db?.close());

  const pay = (date: string, pence: number) =>
    appendLedgerTransactions(db, [{ tenancyId: id, businessDate: date, kind: 'payment', method: 'bank', amountPence: -pence, idempotencyKey: `test:pay:${date}`, source: 'test' }]);
  const tasks = () => db.query<{ kind: string; idempotency_key: string; due_on: string; details: Record<string, unknown> }>(`SELECT kind, idempotency_key, due_on, details FROM tasks WHERE tenancy_id = $1 ORDER BY id`, [id]);

  it('keeps every income and expenditure as history, refusing updates', async () => {
    expect(await recordIncomeExpenditure(ctx, 'TEN-N001', { lines: [{ category: 'earnings', amountPence: -1, period: 'monthly' }] })).toMatchObject({ kind: 'invalid' });
    await recordIncomeExpenditure(ctx, 'TEN-N001', { lines: [{ category: 'earnings', amountPence: 100000, period: 'monthly' }] });
    const second = await recordIncomeExpenditure(ctx, 'TEN-N001', { lines: [{ category: 'earnings', amountPence: 100000, period: 'monthly' }, { category: 'utilities', amountPence: 90000, period: 'monthly' }] });
    expect(second).toMatchObject({ kind: 'recorded', working: { monthlySurplusPence: 10000, largestWeeklyInstalmentPence: 2307 } });
    const snaps = await snapshotsOf(db, id);
    expect(snaps.map((s) => s.monthly_surplus_pence)).toEqual([10000, 100000]);
    await expect(db.query(`UPDATE income_expenditure_snapshots SET monthly_surplus_pence = 0`)).rejects.toThrow(/append-only/);
  });

  it('refuses with no arrears, and from another patch', async () => {
    const south = (await loadActor(db, seed.users.officerSouth.id))!;
    const input = { instalmentPence: 1000, frequency: 'weekly' as const, startDate: '2026-11-30', confirmed: false };
    expect(await createArrangement({ ...ctx, actor: south }, 'TEN-N001', input)).toEqual({ kind: 'forbidden' });
  });

  it('creates the arrangement the engine then monitors, with its letter', async () => {
    const out = await createArrangement(ctx, 'TEN-N001', { instalmentPence: 1000, frequency: 'weekly', startDate: '2026-11-30', confirmed: false });
    expect(out).toMatchObject({ kind: 'created', plan: { instalments: 20, clearsOn: '2027-04-12', finalInstalmentPence: 1000 }, reassessed: true });
    const [row] = await arrangementsOf(db, id);
    expect(row).toMatchObject({ status: 'active', instalment_pence: 1000, frequency: 'weekly', start_date: '2026-11-30', arrears_pence: 20000 });
    const [letter] = await db.query<{ template: string }>(`SELECT template FROM letters WHERE id = $1`, [row!.letter_id]);
    expect(letter!.template).toBe('arrangement_confirmation');
  });

  it('raises the early warning the day an instalment is late, once, then the breach', async () => {
    await pay('2026-11-30', 11000);
    await runDaily(db, '2026-11-30');
    expect(await tasks()).toEqual([]);
    expect((await currentAssessment(db, id))!.result.arrangement).toMatchObject({ status: 'kept' });

    await pay('2026-12-07', 10000); // the rent only: the instalment of 7 December is late
    const summary = await runDaily(db, '2026-12-07');
    expect(summary.tasksRaised.arrangements).toBe(1);
    expect((await currentAssessment(db, id))!.result.arrangement).toMatchObject({ status: 'kept' });
    const [warning] = await tasks();
    expect(warning).toMatchObject({ kind: 'arrangement_early_warning', due_on: '2026-12-07', details: { lateInstalmentOn: '2026-12-07', daysLate: 0, breaksOn: '2026-12-14' } });
    const page = await loadMoneyPage(db, (await findTenancyByRef(db, 'TEN-N001'))!, '2026-12-08');
    expect(page.active!.watch).toMatchObject({ state: 'late', daysLate: 1 });

    await runDaily(db, '2026-12-08'); // still late: the same instalment raises nothing new
    expect((await tasks()).length).toBe(1);

    await pay('2026-12-14', 10000);
    await runDaily(db, '2026-12-14');
    expect((await currentAssessment(db, id))!.result.arrangement).toMatchObject({ status: 'broken', shortfallPence: 2000 });
    expect((await tasks()).map((t) => t.kind)).toEqual(['arrangement_early_warning', 'arrangement_breached']);
    await runDaily(db, '2026-12-15');
    expect((await tasks()).length).toBe(2);
  });

  it('cancelling sets cancelledOn on the event, so the engine stops monitoring', async () => {
    const [row] = await arrangementsOf(db, id);
    const out = await cancelArrangement({ ...ctx, today: '2026-12-15' }, 'TEN-N001', { arrangementId: row!.id, reason: 'Tenant moving to direct debit plan' });
    expect(out).toMatchObject({ kind: 'cancelled', reassessed: true });
    expect(await cancelArrangement(ctx, 'TEN-N001', { arrangementId: row!.id, reason: 'again' })).toEqual({ kind: 'not_open' });
    const [event] = await db.query<{ details: Record<string, unknown> }>(`SELECT details FROM case_events WHERE id = $1`, [row!.case_event_id]);
    expect(event!.details.cancelledOn).toBe('2026-12-15');
    expect((await currentAssessment(db, id))!.result.arrangement).toMatchObject({ status: 'none' });
  });

  it('watches court orders with payment terms the same way', async () => {
    const n2 = seed.tenancies['TEN-N002']!;
    await appendCaseEvents(db, [{ tenancyId: n2, eventDate: '2026-12-01', type: 'court_order', details: { order: 'suspended', instalmentPence: 500, frequency: 'weekly' }, idempotencyKey: 'test:order:n2' }]);
    await appendLedgerTransactions(db, [{ tenancyId: n2, businessDate: '2026-12-07', kind: 'payment', method: 'bank', amountPence: -9000, idempotencyKey: 'test:n2:pay', source: 'test' }]);
    const raised = (await arrangementTasksFor(db, '2026-12-07')).filter((t) => t.tenancyId === n2);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'arrangement_early_warning', details: { source: 'court_order', lateInstalmentOn: '2026-12-01' } });
  });

  it("counts the payments in transit that the day's assessment found, as the engine's kept/broken does", async () => {
    const n2 = seed.tenancies['TEN-N002']!;
    // 8 December: the second instalment is due, both unpaid — beyond the tolerance of one instalment.
    expect((await arrangementTasksFor(db, '2026-12-08')).filter((t) => t.tenancyId === n2)).toEqual([]);
    // The day's assessment found £6 in transit: within one instalment plus the transit, so late, not broken.
    await storeAssessments(db, [
      {
        tenancyId: n2, asOf: '2026-12-08', trigger: 'payment', policyVersion: 1, action: 'monitor_order', priority: 0, balancePence: 1000, arrearsPence: 1000,
        realArrearsPence: 400, needsApproval: false, patchId: null, result: {}, trace: [{ rule: TRANSIT_TRACE_RULE, matched: true, detail: '', figures: { inTransitPence: 600 } }],
      },
    ]);
    const raised = (await arrangementTasksFor(db, '2026-12-08')).filter((t) => t.tenancyId === n2);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'arrangement_early_warning', details: { source: 'court_order', lateInstalmentOn: '2026-12-01', breaksOn: '2026-12-15' } });
  });
});
