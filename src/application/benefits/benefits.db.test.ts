import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitRecordInput } from '../../domain/benefits/benefits';
import type { Db } from '../../persistence/database';
import { currentAssessment } from '../../persistence/stores/assessment-store';
import { seedWeb, type SeededWeb } from '../../../test/support/seed-web';
import { createTestDatabase } from '../../../test/support/test-database';
import type { CaseContext } from '../case-events/case-access';
import { runAfterRunSteps } from '../daily-run/after-run';
import { runDaily } from '../daily-run/run-daily';
import { loadActor } from '../users/users';
import { claimsOf, endBenefit, recordBenefit, versionsOf } from './benefits';
import { benefitTasksDue, benefitTasksStep } from './benefit-tasks';
import { DWP_CSV_COLUMNS, exportDwpRequests, markExportDone, openDwpRequests } from './dwp-requests';
import { caseContextAs } from '../../../test/builders/case-context';

/**
 * Benefits on the database (PGlite, or PostgreSQL with DATABASE_URL): TEN-N002 (£90 a week, 15 weeks
 * of real arrears on 2026-11-23) gets a UC claim with housing costs paid to the tenant.
 */
const ucToTenant: BenefitRecordInput = {
  type: 'universal_credit', status: 'in_payment', from: '2026-06-05', weeklyPence: null, paidEveryWeeks: null, nextPaymentOn: null,
  monthlyHousingPence: 36000, assessmentPeriodStartDay: 5, housingCostsTo: 'tenant', evidenceComplete: true,
  benefitCapWeeklyPence: null, spareBedrooms: 1, deductionsFrom: '2026-06-05',
};

describe('benefit records and their tasks', () => {
  let db: Db;
  let seed: SeededWeb;
  let ctx: CaseContext;
  let id: number;
  beforeAll(async () => {
    db = await createTestDatabase();
    seed = await seedWeb(db);
    ctx = await caseContextAs(db, seed.users.officerNorth.id, seed.asOf);
    id = seed.tenancies['TEN-N002']!;
  });
  afterAll(async () => db?.close());

  const tasks = () => db.query<{ id: number; kind: string; status: string; idempotency_key: string }>(`SELECT id, kind, status, idempotency_key FROM tasks WHERE tenancy_id = $1 AND kind LIKE ANY(ARRAY['dwp%', 'dhp%', 'hb%', 'benefit%']) ORDER BY id`, [id]);

  it('refuses bad records and other patches', async () => {
    expect(await recordBenefit(ctx, 'TEN-N002', null, { ...ucToTenant, assessmentPeriodStartDay: 32 })).toMatchObject({ kind: 'invalid', problems: [{ field: 'assessmentPeriodStartDay' }] });
    const south = (await loadActor(db, seed.users.officerSouth.id))!;
    expect(await recordBenefit({ ...ctx, actor: south }, 'TEN-N002', null, ucToTenant)).toEqual({ kind: 'forbidden' });
    expect(await claimsOf(db, id)).toEqual([]);
  });

  it('records a UC claim: the engine reads it, the account is re-assessed and the DWP tasks raised once', async () => {
    const out = await recordBenefit(ctx, 'TEN-N002', null, ucToTenant);
    expect(out).toMatchObject({ kind: 'recorded', version: 1, reassessed: true });
    const assessment = (await currentAssessment(db, id))!;
    const codes = [(assessment.result.recommendation as { action: string }).action, ...(assessment.result.alsoConsider as string[])];
    expect(codes).toEqual(expect.arrayContaining(['request_managed_payment', 'request_third_party_deduction', 'offer_dhp_support']));
    expect((await tasks()).map((t) => t.kind)).toEqual(expect.arrayContaining(['dwp_managed_payment', 'dwp_third_party_deduction', 'dhp_referral']));
    const [claim] = await claimsOf(db, id);
    expect(claim).toMatchObject({ type: 'universal_credit', monthly_housing_pence: 36000, housing_costs_to: 'tenant', under_occupancy_weekly_pence: 1260, version: 1 });
    // The daily step raises nothing more for the same episode.
    expect(await benefitTasksDue(db)).toEqual(expect.not.arrayContaining([expect.objectContaining({ tenancy_id: id })]));
    const before = (await tasks()).length;
    expect((await benefitTasksStep.run(db, seed.asOf)).tasksRaised).toBe(0);
    expect((await runAfterRunSteps(db, seed.asOf, [benefitTasksStep]))['benefit tasks']).toBe(0);
    expect((await tasks()).length).toBe(before);
    const events = await db.query<{ type: string }>(`SELECT type FROM case_events WHERE tenancy_id = $1 AND type LIKE 'benefit%'`, [id]);
    expect(events.map((e) => e.type)).toEqual(['benefit_recorded']);
  });

  it('an update is a new version with who and when; history kept, append-only', async () => {
    const [claim] = await claimsOf(db, id);
    const out = await recordBenefit(ctx, 'TEN-N002', claim!.id, { ...ucToTenant, monthlyHousingPence: 37000 });
    expect(out).toMatchObject({ kind: 'recorded', version: 2 });
    const versions = await versionsOf(db, id);
    expect(versions.map((v) => [v.version, v.change, v.changed_by, (v.snapshot as { monthlyHousingPence: number }).monthlyHousingPence])).toEqual([
      [2, 'updated', 'officer.northgate', 37000],
      [1, 'added', 'officer.northgate', 36000],
    ]);
    await expect(db.query(`UPDATE benefit_claim_versions SET change = 'added'`)).rejects.toThrow(/append-only/);
    const audits = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'benefit_claim' ORDER BY id`);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('lists the DWP requests for the patch, exports the CSV, marks the export done and the engine knows', async () => {
    const north = await openDwpRequests(db, [seed.patches.north], seed.asOf);
    expect(north.map((r) => [r.ref, r.requestType])).toEqual(expect.arrayContaining([['TEN-N002', 'APA'], ['TEN-N002', 'Third-party deduction']]));
    expect(await openDwpRequests(db, [seed.patches.south], seed.asOf)).toEqual([]);
    const exported = await exportDwpRequests(ctx);
    const lines = exported.csv.trim().split('\n');
    expect(lines[0]).toBe(DWP_CSV_COLUMNS.join(','));
    const apa = lines.find((l) => l.includes(',APA,TEN-N002,'))!;
    expect(apa).toContain(',1350.00,weekly,90.00,0.00,390.00,0.00,15.0 weeks of rent in arrears,');
    const south = (await loadActor(db, seed.users.officerSouth.id))!;
    expect(await markExportDone({ ...ctx, actor: south }, exported.exportId!)).toEqual({ kind: 'not_found' });
    expect(await markExportDone(ctx, exported.exportId!)).toEqual({ kind: 'marked', count: 2 });
    expect(await markExportDone(ctx, exported.exportId!)).toEqual({ kind: 'marked', count: 0 });
    expect((await tasks()).filter((t) => t.kind.startsWith('dwp')).map((t) => t.status)).toEqual(['done', 'done']);
    const assessment = (await currentAssessment(db, id))!;
    expect(assessment.result.alsoConsider).not.toContain('request_managed_payment');
    // Done in this episode: not raised again.
    expect((await benefitTasksStep.run(db, seed.asOf)).tasksRaised).toBe(0);
  });

  it('ends a record: a new version, the engine ignores it', async () => {
    const [claim] = await claimsOf(db, id);
    expect(await endBenefit(ctx, 'TEN-N002', claim!.id, '2026-11-23')).toMatchObject({ kind: 'recorded', version: 3 });
    expect(await endBenefit(ctx, 'TEN-N002', claim!.id, '2026-11-23')).toEqual({ kind: 'not_open' });
    expect(await recordBenefit(ctx, 'TEN-N002', claim!.id, ucToTenant)).toEqual({ kind: 'not_open' });
    const assessment = (await currentAssessment(db, id))!;
    expect(assessment.result.alsoConsider).not.toContain('offer_dhp_support');
  });

  it('the daily run raises the tasks of claims it finds (set-based step), once per episode, even after a cancel', async () => {
    const n3 = seed.tenancies['TEN-N003']!;
    await db.query(
      `INSERT INTO benefit_claims (tenancy_id, type, status, from_date, monthly_housing_pence, housing_costs_to, assessment_period_start_day, evidence_complete)
       VALUES ($1, 'universal_credit', 'in_payment', '2026-05-01', 30000, 'landlord', 1, true)`,
      [n3],
    );
    const first = await runDaily(db, seed.asOf);
    expect(first.tasksRaised['benefit tasks']).toBeGreaterThanOrEqual(1);
    const raised = await db.query<{ id: number; kind: string; idempotency_key: string }>(`SELECT id, kind, idempotency_key FROM tasks WHERE tenancy_id = $1 AND kind = 'dhp_referral'`, [n3]);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.idempotency_key).toMatch(new RegExp(`^benefits:dhp_referral:${n3}:\\d{4}-\\d{2}-\\d{2}$`));
    await db.query(`UPDATE tasks SET status = 'cancelled', closed_on = $2, closed_by = 'test' WHERE id = $1`, [raised[0]!.id, seed.asOf]);
    const second = await runDaily(db, '2026-11-24');
    expect(second.tasksRaised['benefit tasks']).toBe(0);
    expect(await db.query(`SELECT 1 FROM tasks WHERE tenancy_id = $1 AND kind = 'dhp_referral'`, [n3])).toHaveLength(1);
  });
});
