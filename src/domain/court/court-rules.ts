/**
 * The rules of the court and eviction stages (issue "The legal pipeline", items 4 and 5), as pure
 * functions: the daily rate of rent on the particulars of claim, where the rent schedule starts, the date
 * the hearing statement is due, which fields each order type needs, the eviction safeguards checklist,
 * the warrant request's preconditions and the transfer of the balance to former tenant arrears.
 */
import type { BusinessDate } from '../calendar/business-date';
import { addDays, toDayNumber } from '../calendar/business-date';
import { divideRoundHalfUp } from '../money/pence';
import type { SubAccount } from '../rent/charges-due';
import type { StatementTransaction } from '../statements/describe-transaction';
import { statementPeriod } from '../statements/statement-period';

/**
 * The daily rate of rent (N119 para 5): the weekly charge divided by 7, rounded half-up to the penny
 * (e.g. £100.00 a week → £14.29 a day; £90.00 → £12.86).
 */
export function dailyRatePence(weeklyPence: number): number {
  if (!Number.isSafeInteger(weeklyPence) || weeklyPence < 0) throw new RangeError(`weeklyPence must be a non-negative integer: ${weeklyPence}`);
  return divideRoundHalfUp(weeklyPence, 7);
}

/**
 * The first day of the rent schedule filed with the claim (PD55A 2.3): from when the arrears began, or
 * earlier so that at least two years are shown, never before the tenancy began. The same rule as the
 * statement `--arrears-began` (src/domain/statements/statement-period.ts).
 */
export function rentScheduleFrom(transactions: readonly StatementTransaction[], asOf: BusinessDate, tenancyStart: BusinessDate): BusinessDate {
  return statementPeriod('arrears-began', asOf, transactions, tenancyStart).from;
}

/** Pre-Action Protocol para 2.11: the up-to-date statement and benefit disclosure, 10 days before the hearing. */
export const HEARING_STATEMENT_DAYS_BEFORE = 10;

export function hearingStatementDueOn(hearingDate: BusinessDate): BusinessDate {
  return addDays(hearingDate, -HEARING_STATEMENT_DAYS_BEFORE);
}

/** The order types of the contract's `court_order`. */
export const ORDER_TYPES = ['outright', 'suspended', 'postponed', 'adjourned_on_terms', 'adjourned_generally', 'money_judgment', 'dismissed'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export function isOrderType(value: string): value is OrderType {
  return (ORDER_TYPES as readonly string[]).includes(value);
}

export const ORDER_FREQUENCIES = ['weekly', 'fortnightly', 'four_weekly', 'monthly'] as const;
export type OrderFrequency = (typeof ORDER_FREQUENCIES)[number];

export type OrderField = 'instalmentPence' | 'frequency' | 'possessionDate';

/**
 * The terms each order type needs: payment terms (an instalment on top of the rent, and how often) for
 * orders that depend on the tenant paying, a possession date for an outright order; nothing else.
 */
export function orderFieldsNeeded(order: OrderType): readonly OrderField[] {
  switch (order) {
    case 'suspended':
    case 'postponed':
    case 'adjourned_on_terms':
      return ['instalmentPence', 'frequency'];
    case 'outright':
      return ['possessionDate'];
    default:
      return [];
  }
}

/** The eviction safeguards an officer confirms before the bailiffs' date (domain reference §12). */
export const SAFEGUARD_ITEMS = [
  'housing_options_referral',
  'childrens_services_checked',
  'adults_services_checked',
  'pre_eviction_visit',
  'benefits_rechecked',
  'agencies_notified',
] as const;
export type SafeguardItem = (typeof SAFEGUARD_ITEMS)[number];

export function isSafeguardItem(value: string): value is SafeguardItem {
  return (SAFEGUARD_ITEMS as readonly string[]).includes(value);
}

export interface SafeguardsStatus {
  complete: boolean;
  /** Items not yet confirmed, then `breathing_space` when a moratorium is active (computed, never ticked). */
  missing: string[];
}

/** The checklist is complete when every item is confirmed for this eviction date and no breathing space is active. */
export function safeguardsStatus(confirmed: ReadonlySet<string>, breathingSpaceActive: boolean): SafeguardsStatus {
  const missing: string[] = SAFEGUARD_ITEMS.filter((i) => !confirmed.has(i));
  if (breathingSpaceActive) missing.push('breathing_space');
  return { complete: missing.length === 0, missing };
}

export interface BreathingSpaceEvent {
  date: BusinessDate;
  kind?: string | null;
  endDate?: BusinessDate | null;
  cancelledOn?: BusinessDate | null;
}

/**
 * Is a breathing space active on `today`? The policy's reading (src/domain/assessment/measures/
 * breathing-space.ts): from its start to `endDate`, else start + 59 days (standard) or open (mental
 * health crisis), ending the day before `cancelledOn` if that is earlier.
 */
export function breathingSpaceActiveOn(events: readonly BreathingSpaceEvent[], today: BusinessDate): boolean {
  const day = toDayNumber(today);
  return events.some((e) => {
    const start = toDayNumber(e.date);
    let last: number | null = e.endDate ? toDayNumber(e.endDate) : e.kind === 'mental_health_crisis' ? null : start + 59;
    if (e.cancelledOn) {
      const beforeCancel = toDayNumber(e.cancelledOn) - 1;
      if (last === null || beforeCancel < last) last = beforeCancel;
    }
    return start <= day && (last === null || day <= last);
  });
}

export interface WarrantFacts {
  today: BusinessDate;
  /** The order in force (after the latest claim), or null. */
  order: { order: string; date: BusinessDate; possessionDate: BusinessDate | null } | null;
  /** The engine's view of the terms (suspended orders): broken or kept; null when unknown. */
  termsBroken: boolean | null;
  arrearsPence: number;
  /** A `psed_assessment` with stage `warrant` dated on or after the order. */
  warrantAssessmentRecorded: boolean;
  breathingSpaceActive: boolean;
  warrantAlreadyRequested: boolean;
  approvalPending: boolean;
}

/** Why a warrant cannot be asked for now (empty: it can be sent for a manager's approval). */
export function warrantRefusals(f: WarrantFacts): string[] {
  const reasons: string[] = [];
  if (f.order === null) reasons.push('There is no possession order to enforce: record the court order first');
  else if (f.order.order === 'outright') {
    const possessionDate = f.order.possessionDate ?? f.order.date;
    if (f.today <= possessionDate) reasons.push(`The possession date (${possessionDate}) has not passed`);
  } else if (f.order.order === 'suspended') {
    if (f.termsBroken === false) reasons.push('The terms of the suspended order are being kept');
  } else {
    reasons.push(`A ${f.order.order.replace(/_/g, ' ')} order cannot be enforced by a warrant (apply to the court first)`);
  }
  if (f.arrearsPence <= 0) reasons.push('There are no arrears');
  if (!f.warrantAssessmentRecorded) reasons.push('No equality assessment is recorded for the warrant stage since the order (record it on the legal case page)');
  if (f.breathingSpaceActive) reasons.push('A breathing space is active: no enforcement while it lasts');
  if (f.warrantAlreadyRequested) reasons.push('A warrant has already been requested since the order');
  if (f.approvalPending) reasons.push('A warrant request is already waiting for a manager');
  return reasons;
}

/** The sub-accounts whose balance moves to former tenant arrears when the tenancy ends. */
export const TRANSFERRED_SUB_ACCOUNTS: readonly SubAccount[] = ['rent', 'service_charge', 'court_costs'];

export interface TransferEntry {
  subAccount: SubAccount;
  amountPence: number;
}

/**
 * The transfer entries that close the tenancy's account: each non-zero balance of the transferred
 * sub-accounts is reversed on its sub-account and the same total (to the penny) posted to
 * former_tenant_arrears. No entries when nothing is left to move.
 */
export function formerTenantArrearsTransfer(balances: readonly { subAccount: SubAccount; balancePence: number }[]): TransferEntry[] {
  const entries: TransferEntry[] = [];
  let total = 0;
  for (const sub of TRANSFERRED_SUB_ACCOUNTS) {
    const balance = balances.filter((b) => b.subAccount === sub).reduce((s, b) => s + b.balancePence, 0);
    if (balance === 0) continue;
    entries.push({ subAccount: sub, amountPence: -balance });
    total += balance;
  }
  if (entries.length === 0) return [];
  entries.push({ subAccount: 'former_tenant_arrears', amountPence: total });
  return entries;
}

/** Payments and credits since the order (N325: "payments made since the order"), as a positive sum. */
export function creditsSincePence(transactions: readonly { businessDate: BusinessDate; amountPence: number; kind: string }[], since: BusinessDate): number {
  return transactions.filter((t) => t.businessDate >= since && t.amountPence < 0 && (t.kind === 'payment' || t.kind === 'benefit')).reduce((s, t) => s - t.amountPence, 0);
}

/**
 * The Possession Claims Online upload row (one claim). The columns chosen (docs/court-and-eviction.md):
 * what PCOL asks for a rent-arrears claim, in its order.
 */
export const PCOL_COLUMNS = [
  'claimant_reference',
  'defendant_1_name',
  'defendant_2_name',
  'defendant_3_name',
  'defendant_4_name',
  'property_address',
  'property_postcode',
  'tenancy_type',
  'tenancy_start_date',
  'rent_amount',
  'rent_frequency',
  'daily_rate',
  'arrears_amount',
  'arrears_date',
  'notice_type',
  'notice_served_date',
  'notice_expiry_date',
] as const;
