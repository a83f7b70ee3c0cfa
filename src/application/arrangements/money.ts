/**
 * Income and expenditure snapshots and repayment arrangements on a case (docs/money-workflows.md).
 * Rules live in src/domain/arrangements; this file stores, audits, writes the contract `arrangement`
 * event the engine monitors, produces the confirmation letter and re-assesses at once.
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays } from '../../domain/calendar/business-date';
import { affordability, checkIncomeExpenditure, type AffordabilityWorking, type SfsLine } from '../../domain/arrangements/income-expenditure';
import { planArrangement, type ArrangementPlan, type ArrangementProblem, type InstalmentFrequency } from '../../domain/arrangements/plan-arrangement';
import { firstInstalments, watchInstalments, type InstalmentWatch } from '../../domain/arrangements/monitoring';
import { suggestStartDates, type SuggestedStart } from '../../domain/arrangements/pay-days';
import { formatPounds } from '../../domain/money/pence';
import { formatLongDate } from '../../domain/statements/dates';
import type { Db } from '../../persistence/database';
import { appendAudit } from '../../persistence/stores/audit-store';
import { currentAssessment, inTransitOn } from '../../persistence/stores/assessment-store';
import { addCaseEventDetails } from '../../persistence/stores/case-event-amend-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { insertLetter } from '../../persistence/stores/letter-store';
import { listTenants, type TenancyRow } from '../../persistence/stores/tenancy-store';
import { caseToActOn, reassessAfterChange, type CaseContext } from '../case-events/case-access';
import type { Letter } from '../letters/letter';
import { defaultSalutation } from '../letters/letter';
import { DEFAULT_CONTACT } from '../letters/templates';
import { LANDLORD_NAME } from '../statements/render/format';

export interface SnapshotRow {
  id: number;
  tenancy_id: number;
  taken_on: BusinessDate;
  lines: SfsLine[];
  monthly_income_pence: number;
  monthly_surplus_pence: number;
  largest_weekly_pence: number;
  largest_monthly_pence: number;
  working: string[];
  recorded_by: string;
  recorded_at: Date;
}

export interface ArrangementRow {
  id: number;
  tenancy_id: number;
  case_event_id: number;
  snapshot_id: number | null;
  instalment_pence: number;
  frequency: InstalmentFrequency;
  start_date: BusinessDate;
  arrears_pence: number;
  instalments: number;
  final_instalment_pence: number;
  clears_on: BusinessDate;
  warnings: string[];
  status: 'active' | 'cancelled' | 'renegotiated';
  ended_on: BusinessDate | null;
  ended_reason: string | null;
  replaced_by: number | null;
  letter_id: number | null;
  created_by: string;
  created_at: Date;
}

const SNAPSHOT_COLUMNS = 'id, tenancy_id, taken_on, lines, monthly_income_pence, monthly_surplus_pence, largest_weekly_pence, largest_monthly_pence, working, recorded_by, recorded_at';
const ARRANGEMENT_COLUMNS =
  'id, tenancy_id, case_event_id, snapshot_id, instalment_pence, frequency, start_date, arrears_pence, instalments, final_instalment_pence, clears_on, warnings, status, ended_on, ended_reason, replaced_by, letter_id, created_by, created_at';

export async function snapshotsOf(db: Db, tenancyId: number): Promise<SnapshotRow[]> {
  return db.query<SnapshotRow>(`SELECT ${SNAPSHOT_COLUMNS} FROM income_expenditure_snapshots WHERE tenancy_id = $1 ORDER BY id DESC`, [tenancyId]);
}

export async function arrangementsOf(db: Db, tenancyId: number): Promise<ArrangementRow[]> {
  return db.query<ArrangementRow>(`SELECT ${ARRANGEMENT_COLUMNS} FROM arrangements WHERE tenancy_id = $1 ORDER BY id DESC`, [tenancyId]);
}

export type MoneyOutcome<T> = { kind: 'not_found' } | { kind: 'forbidden' } | T;

// ---------------------------------------------------------------- income and expenditure

/** Saves an income and expenditure as a new dated snapshot (history kept) with a timeline event. */
export async function recordIncomeExpenditure(
  ctx: CaseContext,
  ref: string,
  input: { lines: SfsLine[] },
): Promise<MoneyOutcome<{ kind: 'invalid'; problems: { line: number; field: string; message: string }[] } | { kind: 'recorded'; snapshotId: number; working: AffordabilityWorking }>> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const problems = checkIncomeExpenditure(input.lines);
  if (problems.length > 0) return { kind: 'invalid', problems };
  const tenancy = access.tenancy;
  const working = affordability(input.lines);
  const snapshotId = await ctx.db.transaction(async (tx) => {
    const [eventId] = await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'income_expenditure',
        details: { monthlySurplusPence: working.monthlySurplusPence, largestWeeklyInstalmentPence: working.largestWeeklyInstalmentPence },
        note: working.working.join('; '),
        recordedBy: ctx.actor.username,
      },
    ]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO income_expenditure_snapshots (tenancy_id, taken_on, lines, monthly_income_pence, monthly_surplus_pence, largest_weekly_pence, largest_monthly_pence, working, case_event_id, recorded_by)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING id`,
      [
        tenancy.id,
        ctx.today,
        JSON.stringify(input.lines),
        working.monthlyIncomePence,
        working.monthlySurplusPence,
        working.largestWeeklyInstalmentPence,
        working.largestMonthlyInstalmentPence,
        JSON.stringify(working.working),
        eventId ?? null,
        ctx.actor.username,
      ],
    );
    await appendAudit(tx, [
      { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'create', entity: 'income_expenditure', entityId: String(row!.id), tenancyId: tenancy.id },
    ]);
    return row!.id;
  });
  return { kind: 'recorded', snapshotId, working };
}

// ---------------------------------------------------------------- arrangements

/** The largest affordable instalment for a frequency from a snapshot (weekly figure scaled; monthly as is). */
export function largestAffordableFor(snapshot: Pick<SnapshotRow, 'largest_weekly_pence' | 'largest_monthly_pence'>, frequency: InstalmentFrequency): number {
  switch (frequency) {
    case 'weekly':
      return snapshot.largest_weekly_pence;
    case 'fortnightly':
      return snapshot.largest_weekly_pence * 2;
    case 'four_weekly':
      return snapshot.largest_weekly_pence * 4;
    case 'monthly':
      return snapshot.largest_monthly_pence;
  }
}

async function arrearsOf(db: Db, tenancyId: number): Promise<number> {
  const a = await currentAssessment(db, tenancyId);
  const v = a?.result.arrearsPence;
  if (typeof v === 'number') return v;
  const [row] = await db.query<{ balance: number | null }>(`SELECT sum(amount_pence)::bigint AS balance FROM ledger_transactions WHERE tenancy_id = $1`, [tenancyId]);
  return Math.max(0, row?.balance ?? 0);
}

export interface ArrangementInput {
  instalmentPence: number;
  frequency: InstalmentFrequency;
  startDate: BusinessDate;
  /** The officer has seen the warnings and goes ahead. */
  confirmed: boolean;
  /** Renegotiation: the arrangement this one replaces, with why it ended. */
  replaces?: { arrangementId: number; reason: string } | null;
}

export type CreateOutcome = MoneyOutcome<
  | { kind: 'refused'; problems: ArrangementProblem[]; plan: ArrangementPlan }
  | { kind: 'needs_confirmation'; problems: ArrangementProblem[]; plan: ArrangementPlan }
  | { kind: 'not_open' }
  | { kind: 'created'; arrangementId: number; letterId: number; plan: ArrangementPlan; reassessed: boolean }
>;

/** Plans an arrangement for the case without saving it (the page's preview). */
export async function planForCase(db: Db, tenancy: TenancyRow, today: BusinessDate, input: Pick<ArrangementInput, 'instalmentPence' | 'frequency' | 'startDate'>) {
  const [arrearsPence, snapshots] = await Promise.all([arrearsOf(db, tenancy.id), snapshotsOf(db, tenancy.id)]);
  const latest = snapshots[0] ?? null;
  const plan = planArrangement({
    arrearsPence,
    instalmentPence: input.instalmentPence,
    frequency: input.frequency,
    startDate: input.startDate,
    asOf: today,
    largestAffordablePence: latest ? largestAffordableFor(latest, input.frequency) : null,
  });
  return { plan, arrearsPence, snapshotId: latest?.id ?? null };
}

/**
 * Creates an arrangement: refused when the domain refuses; warnings need `confirmed`. Writes the
 * contract `arrangement` event, the arrangements row and the confirmation letter, ends the replaced
 * arrangement when renegotiating (its event gets `cancelledOn`), and re-assesses.
 */
export async function createArrangement(ctx: CaseContext, ref: string, input: ArrangementInput): Promise<CreateOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const { plan, arrearsPence, snapshotId } = await planForCase(ctx.db, tenancy, ctx.today, input);
  if (plan.problems.some((p) => p.refuse)) return { kind: 'refused', problems: plan.problems, plan };
  if (plan.problems.length > 0 && !input.confirmed) return { kind: 'needs_confirmation', problems: plan.problems, plan };
  const tenants = (await listTenants(ctx.db, tenancy.id)).map((t) => t.name);
  const [address] = await ctx.db.query<{ address: string | null }>(
    `SELECT p.address || coalesce(', ' || p.postcode, '') AS address FROM tenancies t LEFT JOIN properties p ON p.id = t.property_id WHERE t.id = $1`,
    [tenancy.id],
  );
  const result = await ctx.db.transaction(async (tx) => {
    if (input.replaces) {
      const ended = await endArrangementIn(tx, ctx, tenancy.id, input.replaces.arrangementId, 'renegotiated', input.replaces.reason);
      if (!ended) return null;
    }
    const [eventId] = await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: input.startDate,
        type: 'arrangement',
        // No endDate: the arrangement stays in force (monitored) until cancelled or the arrears clear, so a
        // missed last instalment still breaks it.
        details: { instalmentPence: input.instalmentPence, frequency: input.frequency },
        note: `Agreed ${formatPounds(input.instalmentPence)} ${input.frequency.replace('_', '-')} on top of the rent; arrears clear ${formatLongDate(plan.clearsOn)}`,
        recordedBy: ctx.actor.username,
      },
    ]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO arrangements (tenancy_id, case_event_id, snapshot_id, instalment_pence, frequency, start_date, arrears_pence, instalments, final_instalment_pence, clears_on, warnings, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12) RETURNING id`,
      [tenancy.id, eventId, snapshotId, input.instalmentPence, input.frequency, input.startDate, arrearsPence, plan.instalments, plan.finalInstalmentPence, plan.clearsOn, JSON.stringify(plan.problems.map((p) => p.message)), ctx.actor.username],
    );
    const arrangementId = row!.id;
    if (input.replaces) await tx.query(`UPDATE arrangements SET replaced_by = $2 WHERE id = $1`, [input.replaces.arrangementId, arrangementId]);
    const letter = confirmationLetter({
      date: ctx.today,
      reference: tenancy.ref,
      paymentReference: tenancy.payment_reference,
      recipients: tenants,
      address: address?.address ?? null,
      arrearsPence,
      instalmentPence: input.instalmentPence,
      frequency: input.frequency,
      startDate: input.startDate,
      plan,
      officerName: ctx.actor.displayName ?? ctx.actor.username,
    });
    const letterId = await insertLetter(tx, { tenancyId: tenancy.id, template: 'arrangement_confirmation', letterDate: ctx.today, caseEventId: eventId ?? null, content: { version: 1, action: 'arrangement_confirmation', letter }, createdBy: ctx.actor.username });
    await tx.query(`UPDATE arrangements SET letter_id = $2 WHERE id = $1`, [arrangementId, letterId]);
    await appendAudit(tx, [
      { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'create', entity: 'arrangement', entityId: String(arrangementId), tenancyId: tenancy.id, details: { instalmentPence: input.instalmentPence, frequency: input.frequency } },
    ]);
    return { arrangementId, letterId };
  });
  if (!result) return { kind: 'not_open' };
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'created', ...result, plan, reassessed };
}

async function endArrangementIn(tx: Db, ctx: CaseContext, tenancyId: number, arrangementId: number, status: 'cancelled' | 'renegotiated', reason: string): Promise<boolean> {
  const rows = await tx.query<{ case_event_id: number }>(
    `UPDATE arrangements SET status = $3, ended_on = $4, ended_reason = $5, ended_by = $6 WHERE id = $1 AND tenancy_id = $2 AND status = 'active' RETURNING case_event_id`,
    [arrangementId, tenancyId, status, ctx.today, reason, ctx.actor.username],
  );
  const row = rows[0];
  if (!row) return false;
  // The engine reads `cancelledOn` on the arrangement event itself (recovery policy §1: a later cancelled
  // arrangement leaves an earlier live one in force, so a superseding event would not do).
  await addCaseEventDetails(tx, row.case_event_id, { cancelledOn: ctx.today });
  await appendCaseEvents(tx, [
    { tenancyId, eventDate: ctx.today, type: status === 'cancelled' ? 'arrangement_cancelled' : 'arrangement_renegotiated', details: { eventId: row.case_event_id, arrangementId }, note: reason, recordedBy: ctx.actor.username },
  ]);
  await appendAudit(tx, [
    { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'update', entity: 'arrangement', entityId: String(arrangementId), tenancyId, details: { status, reason } },
  ]);
  return true;
}

/** Cancels an active arrangement with the reason; the engine stops monitoring it from today. */
export async function cancelArrangement(ctx: CaseContext, ref: string, input: { arrangementId: number; reason: string }): Promise<MoneyOutcome<{ kind: 'not_open' } | { kind: 'cancelled'; reassessed: boolean }>> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const ok = await ctx.db.transaction((tx) => endArrangementIn(tx, ctx, tenancy.id, input.arrangementId, 'cancelled', input.reason));
  if (!ok) return { kind: 'not_open' };
  return { kind: 'cancelled', reassessed: await reassessAfterChange(ctx, [tenancy.id]) };
}

// ---------------------------------------------------------------- the letter

const FREQUENCY_WORDS: Record<InstalmentFrequency, string> = { weekly: 'every week', fortnightly: 'every two weeks', four_weekly: 'every four weeks', monthly: 'every month' };

export function confirmationLetter(c: {
  date: BusinessDate;
  reference: string;
  paymentReference: string | null;
  recipients: string[];
  address: string | null;
  arrearsPence: number;
  instalmentPence: number;
  frequency: InstalmentFrequency;
  startDate: BusinessDate;
  plan: ArrangementPlan;
  officerName: string;
}): Letter {
  const schedule = firstInstalments({ ...c, instalments: c.plan.instalments, finalInstalmentPence: c.plan.finalInstalmentPence }, 6);
  return {
    title: 'Your agreement to repay your rent arrears',
    date: c.date,
    recipients: c.recipients,
    address: c.address,
    reference: c.reference,
    salutation: defaultSalutation(c.recipients),
    paragraphs: [
      `Thank you for agreeing a plan to repay the ${formatPounds(c.arrearsPence)} you owe in rent arrears. This letter confirms what we agreed.`,
      `You will pay ${formatPounds(c.instalmentPence)} ${FREQUENCY_WORDS[c.frequency]} towards the arrears, on top of your rent and charges, starting on ${formatLongDate(c.startDate)}.${c.paymentReference ? ` Please quote your payment reference ${c.paymentReference}.` : ''}`,
      '## Your first payments',
      ...schedule.map((s) => `${formatLongDate(s.dueOn)}: ${formatPounds(s.amountPence)} plus your rent`),
      `If you make every payment, your arrears will be cleared on ${formatLongDate(c.plan.clearsOn)} (${c.plan.instalments} payments, the last one ${formatPounds(c.plan.finalInstalmentPence)}).`,
      '## If you miss a payment',
      'If a payment is late we will contact you straight away. If you fall more than one payment behind, the agreement is broken and we may take further action to recover the arrears, which could include serving a notice that is the first step towards asking the court for possession of your home.',
      `If your circumstances change or you cannot make a payment, contact us before it is due on ${DEFAULT_CONTACT.phone} or ${DEFAULT_CONTACT.email} so we can look at the agreement again. Free, independent debt advice is available from StepChange, National Debtline or Citizens Advice.`,
    ],
    figures: [
      { label: 'Arrears', value: formatPounds(c.arrearsPence) },
      { label: 'Instalment', value: `${formatPounds(c.instalmentPence)} ${FREQUENCY_WORDS[c.frequency]}` },
      { label: 'Arrears clear on', value: formatLongDate(c.plan.clearsOn) },
    ],
    signOff: `Yours sincerely,\n${c.officerName}\nIncome officer, ${LANDLORD_NAME}`,
  };
}

// ---------------------------------------------------------------- the page

export interface ActiveWatch {
  arrangement: ArrangementRow;
  watch: InstalmentWatch;
}

/** Charges and payments of tenancies since each one's start date, set-based (the compliance rule's sums). */
export async function complianceSums(db: Db, asOf: BusinessDate, items: readonly { tenancyId: number; startDate: BusinessDate }[]): Promise<Map<string, { chargesPence: number; paidPence: number }>> {
  if (items.length === 0) return new Map();
  const rows = await db.query<{ tenancy_id: number; start_date: BusinessDate; charges: number; paid: number }>(
    `SELECT w.tenancy_id, w.start_date,
            coalesce(sum(l.amount_pence) FILTER (WHERE l.kind = 'charge'), 0)::bigint AS charges,
            (coalesce(-sum(l.amount_pence) FILTER (WHERE l.amount_pence < 0), 0)
              - coalesce(sum(l.amount_pence) FILTER (WHERE l.kind = 'reversal' AND l.amount_pence > 0), 0))::bigint AS paid
       FROM unnest($1::int[], $2::date[]) AS w (tenancy_id, start_date)
       LEFT JOIN ledger_transactions l ON l.tenancy_id = w.tenancy_id AND l.business_date BETWEEN w.start_date AND $3::date
      GROUP BY w.tenancy_id, w.start_date`,
    [items.map((i) => i.tenancyId), items.map((i) => i.startDate), asOf],
  );
  return new Map(rows.map((r) => [`${r.tenancy_id}|${r.start_date}`, { chargesPence: r.charges, paidPence: r.paid }]));
}

export interface MoneyPage {
  arrearsPence: number;
  snapshots: SnapshotRow[];
  arrangements: ArrangementRow[];
  active: ActiveWatch | null;
  /** The stored assessment's arrangement status (kept/broken with the shortfall) or none. */
  engineStatus: { status: string; shortfallPence: number | null };
  /**
   * With no arrangement agreed on these pages, the contract `arrangement` event the engine monitors (one
   * from an imported case file, a migration or the demo), so the page and the assessment agree.
   */
  recordedOnCase: { date: BusinessDate; instalmentPence: number; frequency: string } | null;
  suggestedStarts: SuggestedStart[];
}

export async function loadMoneyPage(db: Db, tenancy: TenancyRow, today: BusinessDate): Promise<MoneyPage> {
  const [arrearsPence, snapshots, arrangements, assessment, claims, payments] = await Promise.all([
    arrearsOf(db, tenancy.id),
    snapshotsOf(db, tenancy.id),
    arrangementsOf(db, tenancy.id),
    currentAssessment(db, tenancy.id),
    db.query<{ type: string; from_date: BusinessDate; paid_every_weeks: number | null; assessment_period_start_day: number | null }>(
      `SELECT type, from_date, paid_every_weeks, assessment_period_start_day FROM benefit_claims WHERE tenancy_id = $1 ORDER BY position, id`,
      [tenancy.id],
    ),
    db.query<{ business_date: BusinessDate }>(
      `SELECT business_date FROM ledger_transactions WHERE tenancy_id = $1 AND kind = 'payment' AND amount_pence < 0 AND business_date BETWEEN $2::date AND $3::date ORDER BY business_date DESC LIMIT 12`,
      [tenancy.id, addDays(today, -91), today],
    ),
  ]);
  const uc = claims.find((c) => c.type === 'universal_credit' && c.assessment_period_start_day !== null);
  const hb = claims.find((c) => c.type === 'housing_benefit' && c.paid_every_weeks !== null);
  const suggestedStarts = suggestStartDates(today, {
    ucAssessmentPeriodStartDay: uc?.assessment_period_start_day ?? null,
    housingBenefit: hb ? { fromDate: hb.from_date, paidEveryWeeks: hb.paid_every_weeks! } : null,
    recentPaymentDates: payments.map((p) => p.business_date),
  });
  const current = arrangements.find((a) => a.status === 'active') ?? null;
  const [eventOnCase] = current
    ? []
    : await db.query<{ event_date: BusinessDate; details: Record<string, unknown> }>(
        `SELECT event_date, details FROM case_events WHERE tenancy_id = $1 AND type = 'arrangement' AND event_date <= $2
           AND (details ->> 'cancelledOn' IS NULL OR details ->> 'cancelledOn' > $2::text)
         ORDER BY event_date DESC, id DESC LIMIT 1`,
        [tenancy.id, today],
      );
  let active: ActiveWatch | null = null;
  if (current) {
    const sums = (await complianceSums(db, today, [{ tenancyId: tenancy.id, startDate: current.start_date }])).get(`${tenancy.id}|${current.start_date}`) ?? { chargesPence: 0, paidPence: 0 };
    const transitPence = (await inTransitOn(db, [tenancy.id], today)).get(tenancy.id) ?? 0;
    active = {
      arrangement: current,
      watch: watchInstalments({ startDate: current.start_date, frequency: current.frequency, instalmentPence: current.instalment_pence, asOf: today, ...sums, transitPence }),
    };
  }
  const arr = (assessment?.result.arrangement ?? { status: 'none' }) as { status?: unknown; shortfallPence?: unknown };
  return {
    arrearsPence,
    snapshots,
    arrangements,
    active,
    engineStatus: { status: typeof arr.status === 'string' ? arr.status : 'none', shortfallPence: typeof arr.shortfallPence === 'number' ? arr.shortfallPence : null },
    recordedOnCase:
      eventOnCase && typeof eventOnCase.details.instalmentPence === 'number'
        ? { date: eventOnCase.event_date, instalmentPence: eventOnCase.details.instalmentPence, frequency: typeof eventOnCase.details.frequency === 'string' ? eventOnCase.details.frequency : 'weekly' }
        : null,
    suggestedStarts,
  };
}
