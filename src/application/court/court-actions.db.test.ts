import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { seedWeb, type SeededWeb } from '../../../test/support/seed-web';
import { createTestDatabase } from '../../../test/support/test-database';
import type { CaseContext } from '../case-events/case-access';
import { raiseHearingStatementTask, recordCourtOrder, recordEvictionOutcome, recordHearing, requestWarrant, scheduleEviction } from './court-actions';
import { buildParticulars, loadCourtCase } from './court-case';
import { caseContextAs } from '../../../test/builders/case-context';

/** The court use cases on the database (PGlite, or PostgreSQL with DATABASE_URL). */
describe('court actions', () => {
  let db: Db;
  let seed: SeededWeb;
  let ctx: CaseContext;
  let southCtx: CaseContext;
  beforeAll(async () => {
    db = await createTestDatabase();
    seed = await seedWeb(db);
    ctx = await caseContextAs(db, seed.users.officerNorth.id, seed.asOf);
    southCtx = await caseContextAs(db, seed.users.officerSouth.id, seed.asOf);
  });
  afterAll(async () => db?.close());

  it('refuses a hearing or an order before the claim is issued, and another patch', async () => {
    expect(await recordHearing(ctx, 'TEN-N001', { hearingDate: '2027-01-20' })).toMatchObject({ kind: 'refused' });
    const order = { order: 'outright' as const, date: '2026-11-20', instalmentPence: null, frequency: null, possessionDate: '2026-12-18', costsPence: null, note: null };
    expect(await recordCourtOrder(ctx, 'TEN-N001', order)).toMatchObject({ kind: 'refused' });
    expect(await recordCourtOrder(southCtx, 'TEN-N001', order)).toEqual({ kind: 'forbidden' });
  });

  it('a hearing date that came with claim_issued raises its task once, 10 days before', async () => {
    const id = seed.tenancies['TEN-N001']!;
    await appendCaseEvents(db, [{ tenancyId: id, eventDate: '2026-11-02', type: 'claim_issued', details: { hearingDate: '2026-12-14' }, idempotencyKey: 'db:claim:n001' }]);
    const tenancy = (await findTenancyByRef(db, 'TEN-N001'))!;
    const court = await loadCourtCase(db, tenancy, seed.asOf);
    expect(court.hearingDate).toBe('2026-12-14');
    expect(court.hearingStatementDueOn).toBe('2026-12-04');
    expect(await raiseHearingStatementTask(db, id, '2026-12-14', 'test')).toHaveLength(1);
    expect(await raiseHearingStatementTask(db, id, '2026-12-14', 'test')).toHaveLength(0);
    const [task] = await db.query<{ due_on: string }>(`SELECT due_on FROM tasks WHERE tenancy_id = $1 AND kind = 'hearing_statement_due'`, [id]);
    expect(task!.due_on).toBe('2026-12-04');
  });

  it('an outright order: no warrant before the possession date; the order date must follow the claim', async () => {
    const bad = await recordCourtOrder(ctx, 'TEN-N001', { order: 'outright', date: '2026-11-02', instalmentPence: null, frequency: null, possessionDate: '2026-12-18', costsPence: null, note: null });
    expect(bad).toMatchObject({ kind: 'invalid', problems: [{ field: 'date' }] });
    const ok = await recordCourtOrder(ctx, 'TEN-N001', { order: 'outright', date: '2026-11-20', instalmentPence: null, frequency: null, possessionDate: '2026-12-18', costsPence: 12_345, note: null });
    expect(ok.kind).toBe('done');
    const [costs] = await db.query<{ amount_pence: number; kind: string; idempotency_key: string }>(`SELECT amount_pence, kind, idempotency_key FROM ledger_transactions WHERE sub_account = 'court_costs'`);
    expect(costs).toMatchObject({ amount_pence: 12_345, kind: 'court_costs' });
    expect(costs!.idempotency_key).toMatch(/^court_costs:event:\d+$/);
    await appendCaseEvents(db, [{ tenancyId: seed.tenancies['TEN-N001']!, eventDate: '2026-11-23', type: 'psed_assessment', details: { stage: 'warrant' }, idempotencyKey: 'db:psed:n001' }]);
    const refused = await requestWarrant(ctx, 'TEN-N001', { note: null });
    expect(refused).toEqual({ kind: 'refused', reasons: ['The possession date (2026-12-18) has not passed'] });
  });

  it('a cancelled eviction: arrears cleared or the warrant suspended', async () => {
    const id = seed.tenancies['TEN-N004']!;
    await appendCaseEvents(db, [
      { tenancyId: id, eventDate: '2026-08-03', type: 'claim_issued', details: {}, idempotencyKey: 'db:claim:n004' },
      { tenancyId: id, eventDate: '2026-09-01', type: 'court_order', details: { order: 'outright', possessionDate: '2026-09-29' }, idempotencyKey: 'db:order:n004' },
      { tenancyId: id, eventDate: '2026-10-05', type: 'warrant_requested', details: {}, idempotencyKey: 'db:warrant:n004' },
    ]);
    expect(await scheduleEviction(ctx, 'TEN-N004', { evictionDate: '2026-10-01' })).toMatchObject({ kind: 'invalid', problems: [{ field: 'evictionDate' }] });
    expect((await scheduleEviction(ctx, 'TEN-N004', { evictionDate: '2026-12-10' })).kind).toBe('done');
    const [task] = await db.query<{ due_on: string }>(`SELECT due_on FROM tasks WHERE tenancy_id = $1 AND kind = 'eviction_safeguards'`, [id]);
    expect(task!.due_on).toBe('2026-12-03');
    expect((await recordEvictionOutcome(ctx, 'TEN-N004', { outcome: 'cancelled', reason: 'arrears_cleared', note: 'Paid in full' })).kind).toBe('done');
    const tenancy = (await findTenancyByRef(db, 'TEN-N004'))!;
    const court = await loadCourtCase(db, tenancy, seed.asOf);
    expect(court.eviction.cancelled).toEqual({ date: '2026-11-23', reason: 'arrears_cleared' });
    expect(tenancy.end_date).toBeNull();
    expect(await recordEvictionOutcome(ctx, 'TEN-N004', { outcome: 'evicted', date: '2026-12-10' })).toMatchObject({ kind: 'refused' });
  });

  it('builds the particulars with every joint tenant and the steps taken', async () => {
    const tenancy = (await findTenancyByRef(db, 'TEN-N002'))!;
    const p = await buildParticulars(db, tenancy, seed.asOf, 'Test Council');
    expect(p.defendants).toEqual(['Bob Jones', 'Carol Jones']);
    expect(p.dailyRatePence).toBe(1_286);
    expect(p.notice).toMatchObject({ type: 'nosp', servedOn: '2026-09-28', grounds: ['1'] });
    expect(p.stepsTaken.map((s) => s.what)).toEqual(['First arrears letter sent', 'Second arrears letter sent', 'Home visit', 'Final warning letter sent']);
  });
});
