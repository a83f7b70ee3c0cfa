/**
 * Benefit records on the case (docs/money-workflows.md "Benefits"): add, update and end Housing Benefit
 * and Universal Credit records. `benefit_claims` keeps the current state the engine reads; every version
 * is kept in `benefit_claim_versions` with who and when. Each change is audited, on the timeline, and
 * the account is re-assessed at once, then the benefit tasks of the new assessment are raised.
 */
import { BENEFIT_STATUSES, recordProblems, underOccupancyWeeklyPence, type BenefitRecordInput, type RecordProblem } from '../../domain/benefits/benefits';
import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { appendAudit } from '../../persistence/stores/audit-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import type { TenancyRow } from '../../persistence/stores/tenancy-store';
import { caseToActOn, reassessAfterChange, type CaseContext } from '../case-events/case-access';
import { raiseBenefitTasks } from './benefit-tasks';

export interface BenefitClaimRow {
  id: number;
  tenancy_id: number;
  type: string;
  status: string;
  from_date: BusinessDate;
  weekly_pence: number | null;
  paid_every_weeks: number | null;
  next_payment_on: BusinessDate | null;
  evidence_complete: boolean | null;
  housing_costs_to: string | null;
  monthly_housing_pence: number | null;
  assessment_period_start_day: number | null;
  benefit_cap_weekly_pence: number | null;
  spare_bedrooms: number | null;
  under_occupancy_weekly_pence: number | null;
  deductions_from: BusinessDate | null;
  ended_on: BusinessDate | null;
  version: number;
  recorded_by: string | null;
  position: number;
}

export interface BenefitVersionRow {
  id: number;
  benefit_claim_id: number;
  version: number;
  change: 'added' | 'updated' | 'ended';
  snapshot: Record<string, unknown>;
  changed_by: string;
  changed_on: BusinessDate;
  changed_at: Date;
}

const CLAIM_COLUMNS = `id, tenancy_id, type, status, from_date, weekly_pence, paid_every_weeks, next_payment_on, evidence_complete, housing_costs_to,
  monthly_housing_pence, assessment_period_start_day, benefit_cap_weekly_pence, spare_bedrooms, under_occupancy_weekly_pence, deductions_from,
  ended_on, version, recorded_by, position`;

export function claimsOf(db: Db, tenancyId: number): Promise<BenefitClaimRow[]> {
  return db.query<BenefitClaimRow>(`SELECT ${CLAIM_COLUMNS} FROM benefit_claims WHERE tenancy_id = $1 ORDER BY position, id`, [tenancyId]);
}

export function versionsOf(db: Db, tenancyId: number): Promise<BenefitVersionRow[]> {
  return db.query<BenefitVersionRow>(
    `SELECT id, benefit_claim_id, version, change, snapshot, changed_by, changed_on, changed_at FROM benefit_claim_versions WHERE tenancy_id = $1 ORDER BY id DESC`,
    [tenancyId],
  );
}

/** The current weekly rent (the eligible rent for under-occupancy) and total weekly charge of a tenancy on `asOf`. */
export async function weeklyChargesOf(db: Db, tenancyIds: readonly number[], asOf: BusinessDate): Promise<Map<number, { rentPence: number; serviceChargePence: number; totalPence: number }>> {
  const rows = await db.query<{ tenancy_id: number; sub_account: string; weekly_pence: number }>(
    `SELECT DISTINCT ON (tenancy_id, sub_account) tenancy_id, sub_account, weekly_pence
       FROM charge_schedules WHERE tenancy_id = ANY($1::int[]) AND effective_from <= $2::date
      ORDER BY tenancy_id, sub_account, effective_from DESC, id DESC`,
    [tenancyIds, asOf],
  );
  const out = new Map<number, { rentPence: number; serviceChargePence: number; totalPence: number }>();
  for (const id of tenancyIds) out.set(id, { rentPence: 0, serviceChargePence: 0, totalPence: 0 });
  for (const r of rows) {
    const c = out.get(r.tenancy_id)!;
    if (r.sub_account === 'rent') c.rentPence += r.weekly_pence;
    else if (r.sub_account === 'service_charge') c.serviceChargePence += r.weekly_pence;
    c.totalPence = c.rentPence + c.serviceChargePence;
  }
  return out;
}

export type RecordBenefitOutcome =
  | { kind: 'recorded'; claimId: number; version: number; reassessed: boolean; tasksRaised: number }
  | { kind: 'invalid'; problems: RecordProblem[] }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'not_open' };

function snapshotOf(input: BenefitRecordInput, underOccupancyPence: number | null, endedOn: BusinessDate | null): Record<string, unknown> {
  return { ...input, underOccupancyWeeklyPence: underOccupancyPence, endedOn };
}

async function afterChange(ctx: CaseContext, tenancy: TenancyRow): Promise<{ reassessed: boolean; tasksRaised: number }> {
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  const tasksRaised = reassessed ? await raiseBenefitTasks(ctx.db, ctx.today, { tenancyIds: [tenancy.id], createdBy: ctx.actor.username }) : 0;
  return { reassessed, tasksRaised };
}

/**
 * Adds a record (claimId null) or updates one (a new version). Ended records cannot be changed. The
 * under-occupancy reduction is worked out from the current weekly rent (14% / 25%) and stored.
 */
export async function recordBenefit(ctx: CaseContext, ref: string, claimId: number | null, input: BenefitRecordInput): Promise<RecordBenefitOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const problems = recordProblems(input);
  if (input.status === 'ended') problems.push({ field: 'status', message: 'To end a record, use End this record' });
  if (problems.length > 0) return { kind: 'invalid', problems };
  const charges = (await weeklyChargesOf(ctx.db, [tenancy.id], ctx.today)).get(tenancy.id)!;
  const uoPence = input.spareBedrooms !== null && input.spareBedrooms > 0 ? underOccupancyWeeklyPence(charges.rentPence, input.spareBedrooms) : null;
  const hb = input.type === 'housing_benefit';
  const values = [
    input.type,
    input.status,
    input.from,
    hb ? input.weeklyPence : null,
    hb ? input.paidEveryWeeks : null,
    hb ? input.nextPaymentOn : null,
    input.evidenceComplete,
    input.housingCostsTo,
    hb ? null : input.monthlyHousingPence,
    hb ? null : input.assessmentPeriodStartDay,
    input.benefitCapWeeklyPence,
    input.spareBedrooms,
    uoPence,
    input.deductionsFrom,
    ctx.actor.username,
  ];
  const outcome = await ctx.db.transaction(async (tx): Promise<RecordBenefitOutcome> => {
    let row: { id: number; version: number } | undefined;
    if (claimId === null) {
      [row] = await tx.query<{ id: number; version: number }>(
        `INSERT INTO benefit_claims (tenancy_id, type, status, from_date, weekly_pence, paid_every_weeks, next_payment_on, evidence_complete, housing_costs_to,
           monthly_housing_pence, assessment_period_start_day, benefit_cap_weekly_pence, spare_bedrooms, under_occupancy_weekly_pence, deductions_from, recorded_by, position)
         SELECT $1, $2, $3, $4::date, $5, $6, $7::date, $8, $9, $10, $11, $12, $13, $14, $15::date, $16,
                COALESCE((SELECT max(position) + 1 FROM benefit_claims WHERE tenancy_id = $1), 0)
         RETURNING id, version`,
        [tenancy.id, ...values],
      );
    } else {
      [row] = await tx.query<{ id: number; version: number }>(
        `UPDATE benefit_claims SET type = $3, status = $4, from_date = $5::date, weekly_pence = $6, paid_every_weeks = $7, next_payment_on = $8::date,
           evidence_complete = $9, housing_costs_to = $10, monthly_housing_pence = $11, assessment_period_start_day = $12, benefit_cap_weekly_pence = $13,
           spare_bedrooms = $14, under_occupancy_weekly_pence = $15, deductions_from = $16::date, recorded_by = $17, version = version + 1, updated_at = now()
         WHERE id = $1 AND tenancy_id = $2 AND status <> 'ended' RETURNING id, version`,
        [claimId, tenancy.id, ...values],
      );
      if (!row) {
        const exists = await tx.query(`SELECT 1 FROM benefit_claims WHERE id = $1 AND tenancy_id = $2`, [claimId, tenancy.id]);
        return exists.length === 0 ? { kind: 'not_found' } : { kind: 'not_open' };
      }
    }
    const change = claimId === null ? 'added' : 'updated';
    await tx.query(
      `INSERT INTO benefit_claim_versions (benefit_claim_id, tenancy_id, version, change, snapshot, changed_by, changed_on) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::date)`,
      [row!.id, tenancy.id, row!.version, change, JSON.stringify(snapshotOf(input, uoPence, null)), ctx.actor.username, ctx.today],
    );
    await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: claimId === null ? 'benefit_recorded' : 'benefit_updated',
        details: { benefitClaimId: row!.id, version: row!.version, benefitType: input.type, status: input.status, from: input.from, housingCostsTo: input.housingCostsTo },
        idempotencyKey: `benefit:${row!.id}:v${row!.version}`,
        recordedBy: ctx.actor.username,
      },
    ]);
    await appendAudit(tx, [
      { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: claimId === null ? 'create' : 'update', entity: 'benefit_claim', entityId: String(row!.id), tenancyId: tenancy.id, details: { version: row!.version, type: input.type, status: input.status } },
    ]);
    return { kind: 'recorded', claimId: row!.id, version: row!.version, reassessed: false, tasksRaised: 0 };
  });
  if (outcome.kind !== 'recorded') return outcome;
  return { ...outcome, ...(await afterChange(ctx, tenancy)) };
}

/** Ends a record on `endedOn`: status `ended`, a new version; the engine then ignores it. */
export async function endBenefit(ctx: CaseContext, ref: string, claimId: number, endedOn: BusinessDate): Promise<RecordBenefitOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const outcome = await ctx.db.transaction(async (tx): Promise<RecordBenefitOutcome> => {
    const [row] = await tx.query<BenefitClaimRow>(
      `UPDATE benefit_claims SET status = 'ended', ended_on = $3::date, recorded_by = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND tenancy_id = $2 AND status <> 'ended' RETURNING ${CLAIM_COLUMNS}`,
      [claimId, tenancy.id, endedOn, ctx.actor.username],
    );
    if (!row) {
      const exists = await tx.query(`SELECT 1 FROM benefit_claims WHERE id = $1 AND tenancy_id = $2`, [claimId, tenancy.id]);
      return exists.length === 0 ? { kind: 'not_found' } : { kind: 'not_open' };
    }
    await tx.query(
      `INSERT INTO benefit_claim_versions (benefit_claim_id, tenancy_id, version, change, snapshot, changed_by, changed_on) VALUES ($1, $2, $3, 'ended', $4::jsonb, $5, $6::date)`,
      [row.id, tenancy.id, row.version, JSON.stringify({ ...row }), ctx.actor.username, ctx.today],
    );
    await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: endedOn,
        type: 'benefit_ended',
        details: { benefitClaimId: row.id, version: row.version, benefitType: row.type },
        idempotencyKey: `benefit:${row.id}:v${row.version}`,
        recordedBy: ctx.actor.username,
      },
    ]);
    await appendAudit(tx, [
      { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'update', entity: 'benefit_claim', entityId: String(row.id), tenancyId: tenancy.id, details: { version: row.version, status: 'ended', endedOn } },
    ]);
    return { kind: 'recorded', claimId: row.id, version: row.version, reassessed: false, tasksRaised: 0 };
  });
  if (outcome.kind !== 'recorded') return outcome;
  return { ...outcome, ...(await afterChange(ctx, tenancy)) };
}

/** A stored record back as form input (to pre-fill an update). */
export function inputOf(row: BenefitClaimRow): BenefitRecordInput {
  return {
    type: row.type === 'housing_benefit' ? 'housing_benefit' : 'universal_credit',
    status: (BENEFIT_STATUSES as readonly string[]).includes(row.status) ? (row.status as BenefitRecordInput['status']) : 'claimed',
    from: row.from_date,
    weeklyPence: row.weekly_pence,
    paidEveryWeeks: row.paid_every_weeks,
    nextPaymentOn: row.next_payment_on,
    monthlyHousingPence: row.monthly_housing_pence,
    assessmentPeriodStartDay: row.assessment_period_start_day,
    housingCostsTo: row.housing_costs_to === 'landlord' || row.housing_costs_to === 'tenant' ? row.housing_costs_to : null,
    evidenceComplete: row.evidence_complete === true,
    benefitCapWeeklyPence: row.benefit_cap_weekly_pence,
    spareBedrooms: row.spare_bedrooms,
    deductionsFrom: row.deductions_from,
  };
}
