/**
 * What the court and eviction pages show of one case: the claim, the hearing, the order in force with its
 * terms, the warrant, the eviction and its safeguards, and the claim bundle's data (N119, the rent
 * schedule, the PCOL row) and the warrant request's (N325). Reads only.
 */
import { formatPenceAsDecimal } from '../../domain/money/pence';
import type { BusinessDate } from '../../domain/calendar/business-date';
import {
  breathingSpaceActiveOn,
  creditsSincePence,
  dailyRatePence,
  hearingStatementDueOn,
  rentScheduleFrom,
  safeguardsStatus,
  warrantRefusals,
  type SafeguardsStatus,
} from '../../domain/court/court-rules';
import { RENT_ACCOUNT_SUB_ACCOUNTS } from '../../domain/rent/charges-due';
import { combinedSchedule } from '../case-file/build-case-file';
import { toStatementTransaction } from '../statements/build-statement';
import type { Db } from '../../persistence/database';
import { listApprovalsOfTenancy } from '../../persistence/stores/approval-store';
import { currentAssessment } from '../../persistence/stores/assessment-store';
import { loadCaseData, type CaseData } from '../../persistence/stores/case-data-store';
import { listCaseEvents, type CaseEventRow } from '../../persistence/stores/case-event-store';
import { listLedgerTransactions, subAccountBalances } from '../../persistence/stores/ledger-store';
import { listLettersOfTenancy } from '../../persistence/stores/letter-store';
import { listTenants, type TenancyRow } from '../../persistence/stores/tenancy-store';

export interface CourtOrderView {
  eventId: number;
  order: string;
  date: BusinessDate;
  instalmentPence: number | null;
  frequency: string | null;
  possessionDate: BusinessDate | null;
  costsPence: number | null;
  note: string | null;
  recordedBy: string | null;
}

export interface ClaimParticulars {
  claimant: string;
  claimReference: string;
  defendants: string[];
  propertyAddress: string;
  postcode: string | null;
  tenure: string;
  tenancyStartDate: BusinessDate;
  rentFrequency: string;
  weeklyRentPence: number;
  /** The rent due each period of the tenancy's frequency (weekly × 2, × 4, or × 52 / 12 half-up for monthly). */
  rentPerPeriodPence: number;
  dailyRatePence: number;
  arrearsAtClaimPence: number;
  arrearsDate: BusinessDate;
  notice: { type: string; servedOn: BusinessDate; grounds: string[]; expiresOn: BusinessDate | null } | null;
  claimIssuedOn: BusinessDate | null;
  stepsTaken: { date: BusinessDate; what: string }[];
  circumstances: { benefits: string[]; vulnerabilities: string[] };
  scheduleFrom: BusinessDate;
}

export interface N325Data {
  orderDate: BusinessDate;
  orderType: string;
  possessionDate: BusinessDate | null;
  instalmentPence: number | null;
  frequency: string | null;
  outstandingPence: number;
  costsPence: number;
  breach: string;
  paymentsSinceOrderPence: number;
  payments: { date: BusinessDate; amountPence: number; kind: string }[];
}

export interface CourtCase {
  tenancy: TenancyRow;
  tenants: string[];
  today: BusinessDate;
  ended: boolean;
  claim: { eventId: number; date: BusinessDate; hearingDate: BusinessDate | null } | null;
  hearingDate: BusinessDate | null;
  hearingStatementDueOn: BusinessDate | null;
  order: CourtOrderView | null;
  orders: CourtOrderView[];
  arrearsPence: number;
  /** The engine's current recommendation (its action code). */
  recommendedAction: string | null;
  warrant: {
    refusals: string[];
    pendingApprovalId: number | null;
    /** An approved request not yet recorded as sent (`warrant_requested`). */
    approvedApprovalId: number | null;
    requestedOn: BusinessDate | null;
    assessmentOn: BusinessDate | null;
  };
  eviction: {
    evictionDate: BusinessDate | null;
    scheduledEventId: number | null;
    cancelled: { date: BusinessDate; reason: string } | null;
    evictedOn: BusinessDate | null;
    safeguards: SafeguardsStatus;
    confirmed: { item: string; at: BusinessDate; by: string | null; note: string | null; consent: boolean | null }[];
    breathingSpaceActive: boolean;
  };
  n325: N325Data | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

function latestOf(events: readonly CaseEventRow[], pred: (e: CaseEventRow) => boolean): CaseEventRow | null {
  let found: CaseEventRow | null = null;
  for (const e of events) if (pred(e)) found = e; // ordered by date, id
  return found;
}

function orderView(e: CaseEventRow): CourtOrderView {
  return {
    eventId: e.id,
    order: str(e.details.order) ?? 'unknown',
    date: e.event_date,
    instalmentPence: int(e.details.instalmentPence),
    frequency: str(e.details.frequency),
    possessionDate: str(e.details.possessionDate),
    costsPence: int(e.details.costsPence),
    note: e.note,
    recordedBy: e.recorded_by,
  };
}

/** The rent per period of the tenancy's frequency, from the weekly charge. */
export function rentPerPeriodPence(weeklyPence: number, frequency: string): number {
  switch (frequency) {
    case 'fortnightly':
      return weeklyPence * 2;
    case 'four_weekly':
      return weeklyPence * 4;
    case 'monthly':
      return Math.floor((weeklyPence * 52 + 6) / 12);
    default:
      return weeklyPence;
  }
}

const ACTION_WORDS: Record<string, string> = {
  send_letter_1: 'First arrears letter sent',
  send_letter_2: 'Second arrears letter sent',
  home_visit: 'Home visit',
  send_final_warning: 'Final warning letter sent',
};

const PRE_ACTION_WORDS: Record<string, string> = {
  initial_contact: 'Initial contact made',
  income_expenditure_offered: 'Income and expenditure assessment offered',
  rent_statement_sent: 'Rent statement sent',
  benefit_advice_given: 'Benefit advice given',
  debt_advice_referral: 'Referred for debt advice',
  post_notice_contact: 'Contact after the notice',
  pre_issue_warning: 'Pre-issue warning sent',
};

async function loadOne(db: Db, tenancyId: number, today: BusinessDate): Promise<CaseData> {
  const [data] = await loadCaseData(db, { ids: [tenancyId] }, today);
  if (!data) throw new Error(`tenancy ${tenancyId} not found`);
  return data;
}

/** Everything the court pages show, as known on `today`. */
export async function loadCourtCase(db: Db, tenancy: TenancyRow, today: BusinessDate): Promise<CourtCase> {
  // The ledger as sums per sub-account up to today; its lines only from the order's date, for the N325 (below).
  const [tenants, events, balances, assessment, approvals] = await Promise.all([
    listTenants(db, tenancy.id),
    listCaseEvents(db, tenancy.id),
    subAccountBalances(db, tenancy.id, today),
    currentAssessment(db, tenancy.id),
    listApprovalsOfTenancy(db, tenancy.id),
  ]);
  const upToToday = events.filter((e) => e.event_date <= today || ['eviction_scheduled', 'hearing_listed'].includes(e.type));
  const claimEvent = latestOf(upToToday, (e) => e.type === 'claim_issued');
  const claim = claimEvent ? { eventId: claimEvent.id, date: claimEvent.event_date, hearingDate: str(claimEvent.details.hearingDate) } : null;
  const hearingEvent = latestOf(upToToday, (e) => e.type === 'hearing_listed' && (claimEvent === null || e.id > claimEvent.id || e.event_date >= claimEvent.event_date));
  const hearingDate = str(hearingEvent?.details.hearingDate) ?? claim?.hearingDate ?? null;
  const orders = upToToday.filter((e) => e.type === 'court_order').map(orderView);
  const orderEvent = latestOf(upToToday, (e) => e.type === 'court_order' && (claimEvent === null || e.event_date > claimEvent.event_date));
  const order = orderEvent ? orderView(orderEvent) : null;

  const rentAccount = new Set<string>(RENT_ACCOUNT_SUB_ACCOUNTS);
  const balancePence = balances.filter((b) => rentAccount.has(b.subAccount)).reduce((s, b) => s + b.balancePence, 0);
  const arrearsPence = Math.max(0, balancePence);

  const breathingSpaceActive = breathingSpaceActiveOn(
    events.filter((e) => e.type === 'breathing_space').map((e) => ({ date: e.event_date, kind: str(e.details.kind), endDate: str(e.details.endDate), cancelledOn: str(e.details.cancelledOn) })),
    today,
  );

  // Warrant
  const warrantSince = order ? latestOf(events, (e) => e.type === 'warrant_requested' && e.event_date >= order.date) : null;
  const assessmentEvent = order ? latestOf(events, (e) => e.type === 'psed_assessment' && e.details.stage === 'warrant' && e.event_date >= order.date) : null;
  const warrantApprovals = approvals.filter((a) => a.action === 'apply_for_warrant');
  const pending = warrantApprovals.find((a) => a.status === 'pending') ?? null;
  const approvedUnsent = warrantApprovals.find(
    (a) => a.status === 'approved' && !events.some((e) => e.type === 'warrant_requested' && e.details.approvalId === a.id) && (order === null || (a.decided_on !== null && a.decided_on >= order.date)),
  ) ?? null;
  const recommendedAction = assessment?.action ?? null;
  const termsBroken = order?.order === 'suspended' ? (recommendedAction === 'apply_for_warrant' ? true : recommendedAction === 'monitor_order' ? false : null) : null;
  const refusals = warrantRefusals({
    today,
    order: order ? { order: order.order, date: order.date, possessionDate: order.possessionDate } : null,
    termsBroken,
    arrearsPence,
    warrantAssessmentRecorded: assessmentEvent !== null,
    breathingSpaceActive,
    warrantAlreadyRequested: warrantSince !== null || approvedUnsent !== null,
    approvalPending: pending !== null,
  });

  // Eviction
  const scheduled = warrantSince ? latestOf(events, (e) => e.type === 'eviction_scheduled' && e.id > warrantSince.id) : latestOf(events, (e) => e.type === 'eviction_scheduled');
  const evictionDate = str(scheduled?.details.evictionDate);
  const cancelledEvent = scheduled ? latestOf(events, (e) => e.type === 'eviction_cancelled' && e.id > scheduled.id) : null;
  const evictedEvent = scheduled ? latestOf(events, (e) => e.type === 'evicted' && e.id > scheduled.id) : null;
  const confirmed = scheduled
    ? events
        .filter((e) => e.type === 'eviction_safeguard' && e.details.evictionDate === evictionDate && e.id > scheduled.id)
        .map((e) => ({ item: String(e.details.item), at: e.event_date, by: e.recorded_by, note: e.note, consent: typeof e.details.consent === 'boolean' ? e.details.consent : null }))
    : [];
  const safeguards = safeguardsStatus(new Set(confirmed.map((c) => c.item)), breathingSpaceActive);

  // N325
  let n325: N325Data | null = null;
  if (order && ['outright', 'suspended', 'postponed'].includes(order.order)) {
    const since = (await listLedgerTransactions(db, tenancy.id, { from: order.date, to: today })).filter((t) => rentAccount.has(t.sub_account));
    const payments = since.filter((t) => t.amount_pence < 0 && (t.kind === 'payment' || t.kind === 'benefit')).map((t) => ({ date: t.business_date, amountPence: -t.amount_pence, kind: t.kind }));
    const costsPence = balances.find((b) => b.subAccount === 'court_costs')?.balancePence ?? 0;
    const breach =
      order.order === 'outright'
        ? `The possession date ${order.possessionDate ?? order.date} has passed`
        : `The terms of the order (${order.instalmentPence !== null ? `rent plus ${formatPenceAsDecimal(order.instalmentPence)} pounds ${order.frequency ?? ''}`.trim() : 'rent'}) have not been kept`;
    n325 = {
      orderDate: order.date,
      orderType: order.order,
      possessionDate: order.possessionDate,
      instalmentPence: order.instalmentPence,
      frequency: order.frequency,
      outstandingPence: arrearsPence,
      costsPence,
      breach,
      paymentsSinceOrderPence: creditsSincePence(since.map((t) => ({ businessDate: t.business_date, amountPence: t.amount_pence, kind: t.kind })), order.date),
      payments,
    };
  }
  return {
    tenancy,
    tenants: tenants.map((t) => t.name),
    today,
    ended: tenancy.end_date !== null,
    claim,
    hearingDate,
    hearingStatementDueOn: hearingDate ? hearingStatementDueOn(hearingDate) : null,
    order,
    orders,
    arrearsPence,
    recommendedAction,
    warrant: {
      refusals,
      pendingApprovalId: pending?.id ?? null,
      approvedApprovalId: approvedUnsent?.id ?? null,
      requestedOn: warrantSince?.event_date ?? null,
      assessmentOn: assessmentEvent?.event_date ?? null,
    },
    eviction: {
      evictionDate,
      scheduledEventId: scheduled?.id ?? null,
      cancelled: cancelledEvent ? { date: cancelledEvent.event_date, reason: String(cancelledEvent.details.reason ?? '') } : null,
      evictedOn: evictedEvent?.event_date ?? null,
      safeguards,
      confirmed,
      breathingSpaceActive,
    },
    n325,
  };
}

/** The particulars of claim (N119) of the case as known on `today`. */
export async function buildParticulars(db: Db, tenancy: TenancyRow, today: BusinessDate, claimant: string): Promise<ClaimParticulars> {
  const [tenants, events, data, ledger, letters, assessment] = await Promise.all([
    listTenants(db, tenancy.id),
    listCaseEvents(db, tenancy.id),
    loadOne(db, tenancy.id, today),
    listLedgerTransactions(db, tenancy.id, { to: today }),
    listLettersOfTenancy(db, tenancy.id),
    currentAssessment(db, tenancy.id),
  ]);
  const engineNotice = (assessment?.result as { notice?: { servedOn?: string; expiresOn?: string | null } | null } | undefined)?.notice ?? null;
  const claimEvent = latestOf(events, (e) => e.type === 'claim_issued' && e.event_date <= today);
  const arrearsDate = claimEvent?.event_date ?? today;
  const rentAccount = new Set<string>(RENT_ACCOUNT_SUB_ACCOUNTS);
  const arrearsAtClaimPence = Math.max(0, ledger.filter((t) => rentAccount.has(t.sub_account) && t.business_date <= arrearsDate).reduce((s, t) => s + t.amount_pence, 0));
  const schedule = combinedSchedule(data.charges.filter((c) => c.sub_account === 'rent' || c.sub_account === 'service_charge'));
  const weekly = [...schedule].reverse().find((s) => s.from <= arrearsDate)?.weeklyPence ?? schedule[0]?.weeklyPence ?? 0;
  const noticeEvent = latestOf(events, (e) => e.type === 'notice_served' && e.event_date <= arrearsDate);
  const steps: { date: BusinessDate; what: string }[] = [];
  for (const e of events) {
    if (e.event_date > arrearsDate) continue;
    if (e.type === 'pre_action') steps.push({ date: e.event_date, what: PRE_ACTION_WORDS[String(e.details.item)] ?? `Pre-action step: ${String(e.details.item)}` });
    else if (e.type === 'action' && typeof e.details.action === 'string' && ACTION_WORDS[e.details.action]) steps.push({ date: e.event_date, what: ACTION_WORDS[e.details.action]! });
    else if (e.type === 'arrangement') steps.push({ date: e.event_date, what: `Repayment arrangement agreed: ${formatPenceAsDecimal(int(e.details.instalmentPence) ?? 0)} pounds ${String(e.details.frequency ?? '')}`.trim() });
    else if (e.type === 'contact' && e.details.outcome === 'spoke') steps.push({ date: e.event_date, what: `Spoke to the tenant (${String(e.details.channel ?? 'contact')})` });
  }
  for (const l of letters) if (l.letter_date <= arrearsDate) steps.push({ date: l.letter_date, what: `Letter sent: ${l.template.replace(/_/g, ' ')}` });
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dedup = steps.filter((s, i) => i === 0 || s.date !== steps[i - 1]!.date || s.what !== steps[i - 1]!.what);
  const benefits = data.benefits
    .filter((b) => b.status !== 'ended')
    .map((b) => `${b.type.replace(/_/g, ' ')} (${b.status.replace(/_/g, ' ')} from ${b.from_date})`);
  const vulnerabilities = events.filter((e) => e.type === 'vulnerability' && e.event_date <= today).map((e) => String(e.details.flag ?? 'other').replace(/_/g, ' '));
  return {
    claimant,
    claimReference: tenancy.ref,
    defendants: tenants.map((t) => t.name),
    propertyAddress: tenancy.address ?? 'Not recorded',
    postcode: tenancy.postcode,
    tenure: tenancy.tenure,
    tenancyStartDate: tenancy.start_date,
    rentFrequency: tenancy.rent_frequency,
    weeklyRentPence: weekly,
    rentPerPeriodPence: rentPerPeriodPence(weekly, tenancy.rent_frequency),
    dailyRatePence: dailyRatePence(weekly),
    arrearsAtClaimPence,
    arrearsDate,
    notice: noticeEvent
      ? {
          type: String(noticeEvent.details.notice ?? ''),
          servedOn: noticeEvent.event_date,
          grounds: Array.isArray(noticeEvent.details.grounds) ? noticeEvent.details.grounds.map(String) : [],
          expiresOn: engineNotice?.servedOn === noticeEvent.event_date ? (engineNotice.expiresOn ?? null) : null,
        }
      : null,
    claimIssuedOn: claimEvent?.event_date ?? null,
    stepsTaken: dedup,
    circumstances: { benefits, vulnerabilities: [...new Set(vulnerabilities)] },
    scheduleFrom: rentScheduleFrom(ledger.map(toStatementTransaction), today, tenancy.start_date),
  };
}
