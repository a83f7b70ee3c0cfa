/**
 * Everything about one case that the measures look up many times, computed once (§1 "Conventions"):
 * transactions and events dated after asOf dropped, the rest ordered by date then file order, dates as
 * day numbers, prefix sums for every sum the policy takes over a date range, and sorted lists of the
 * credits, charge schedule and benefit entries. Lookups are then binary searches.
 */
import { addMonthsToDayNumber, toDayNumber, weekdayOfDayNumber } from '../../calendar/business-date';
import type { CaseEvent, CaseFile, RentFrequency, TransactionKind } from '../../case-file/case-file';
import { universalCreditWeeklyEquivalentPence } from './equivalents';

/** An event dated on or before asOf; `cancelledOn`, `resolvedOn`, `returnedOn` after asOf are cleared. */
export interface IndexedEvent extends CaseEvent {
  day: number;
  /** Position in the file (for "latest": last by date, then by file order). */
  fileOrder: number;
}

export interface HousingBenefitEntryIndex {
  fromDay: number;
  weeklyPence: number;
  /** A missing or 0 `paidEveryWeeks` means 1. */
  paidEveryWeeks: number;
}

export interface UniversalCreditEntryIndex {
  fromDay: number;
  weeklyEquivalentPence: number;
  /** from + 1 month + 12 days: while no credit has come, counted until this day. */
  noCreditUntilDay: number;
}

/** Regular-payer class of three payment credits (§1 part 3): weeks per interval, or 'monthly'. */
export type PayerClass = 1 | 2 | 4 | 'monthly' | null;

export interface CaseIndex {
  asOfDay: number;
  startDay: number;
  endDay: number | null;
  rentFrequency: RentFrequency;

  txDays: number[];
  txAmounts: number[];
  txKinds: TransactionKind[];
  /** Inclusive prefix sums over the ordered transactions. */
  balancePrefix: number[];
  courtCostsPrefix: number[];
  chargePrefix: number[];
  /** Sum of the negative amounts (of any kind). */
  creditPrefix: number[];
  /** Sum of the positive `reversal` amounts. */
  positiveReversalPrefix: number[];

  /** HB credits, one per date: of two on a date, the later periodTo (a tie: the later in order). */
  hbCreditDays: number[];
  hbCreditPeriodToDays: number[];
  ucCreditDays: number[];
  /** ucCreditDays + 1 calendar month. */
  ucCreditNextDays: number[];
  /** Payment credits (negative `payment` transactions), ordered. */
  paymentDays: number[];
  /** The amount paid (positive). */
  paymentPaidPence: number[];
  /** Class of the three payments ending at each index (null below index 2 or when irregular). */
  paymentClasses: PayerClass[];

  /** Charge schedule, ordered by `from` (a tie: the later listed last). */
  chargeFromDays: number[];
  chargeWeeklyPence: number[];
  /** Mondays with any `charge` transaction, with the sum of the charges dated that Monday. */
  chargeMondayDays: number[];
  chargeMondaySumsPence: number[];
  /** rentFreeWeeks entries that are Mondays, sorted, without repeats. */
  rentFreeMondays: number[];

  /** `housing_benefit` entries `in_payment`, ordered by `from`. */
  hbEntries: HousingBenefitEntryIndex[];
  /** `universal_credit` entries `in_payment` with housing costs to the landlord, ordered by `from`. */
  ucLandlordEntries: UniversalCreditEntryIndex[];

  events: IndexedEvent[];
  /** The largest sum the three parts of payments in transit can reach on any day. */
  transitUpperBoundPence: number;
}

function byDayThenOrder<T extends { day: number; fileOrder: number }>(a: T, b: T): number {
  return a.day - b.day || a.fileOrder - b.fileOrder;
}

function prefixSums(values: number[]): number[] {
  const out = new Array<number>(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] as number;
    out[i] = sum;
  }
  return out;
}

function withinDays(gap: number, centre: number, tolerance: number): boolean {
  return gap >= centre - tolerance && gap <= centre + tolerance;
}

/** §1 part 3: both gaps fit one class, tried in order weekly, fortnightly, four-weekly, monthly. */
export function classifyPayments(day1: number, day2: number, day3: number): PayerClass {
  const gap1 = day2 - day1;
  const gap2 = day3 - day2;
  if (withinDays(gap1, 7, 1) && withinDays(gap2, 7, 1)) return 1;
  if (withinDays(gap1, 14, 2) && withinDays(gap2, 14, 2)) return 2;
  if (withinDays(gap1, 28, 2) && withinDays(gap2, 28, 2)) return 4;
  if (Math.abs(day2 - addMonthsToDayNumber(day1, 1)) <= 3 && Math.abs(day3 - addMonthsToDayNumber(day2, 1)) <= 3) return 'monthly';
  return null;
}

function indexTransactions(caseFile: CaseFile, asOfDay: number) {
  const ordered = caseFile.transactions
    .map((t, fileOrder) => ({ t, fileOrder, day: toDayNumber(t.date) }))
    .filter((x) => x.day <= asOfDay)
    .sort(byDayThenOrder);
  const txDays = ordered.map((x) => x.day);
  const txAmounts = ordered.map((x) => x.t.amountPence);
  const txKinds = ordered.map((x) => x.t.kind);
  return {
    ordered,
    txDays,
    txAmounts,
    txKinds,
    balancePrefix: prefixSums(txAmounts),
    courtCostsPrefix: prefixSums(ordered.map((x) => (x.t.kind === 'court_costs' ? x.t.amountPence : 0))),
    chargePrefix: prefixSums(ordered.map((x) => (x.t.kind === 'charge' ? x.t.amountPence : 0))),
    creditPrefix: prefixSums(ordered.map((x) => (x.t.amountPence < 0 ? x.t.amountPence : 0))),
    positiveReversalPrefix: prefixSums(ordered.map((x) => (x.t.kind === 'reversal' && x.t.amountPence > 0 ? x.t.amountPence : 0))),
  };
}

type OrderedTransactions = ReturnType<typeof indexTransactions>['ordered'];

function indexHousingBenefitCredits(ordered: OrderedTransactions) {
  const hbCreditDays: number[] = [];
  const hbCreditPeriodToDays: number[] = [];
  for (const { t, day } of ordered) {
    if (t.kind !== 'benefit' || t.method !== 'housing_benefit' || t.amountPence >= 0) continue;
    const periodToDay = t.periodTo === null ? day - 1 : toDayNumber(t.periodTo);
    const last = hbCreditDays.length - 1;
    if (last >= 0 && hbCreditDays[last] === day) {
      if (periodToDay >= (hbCreditPeriodToDays[last] as number)) hbCreditPeriodToDays[last] = periodToDay;
    } else {
      hbCreditDays.push(day);
      hbCreditPeriodToDays.push(periodToDay);
    }
  }
  return { hbCreditDays, hbCreditPeriodToDays };
}

function indexPayments(ordered: OrderedTransactions) {
  const payments = ordered.filter(({ t }) => t.kind === 'payment' && t.amountPence < 0);
  const paymentDays = payments.map((p) => p.day);
  const paymentPaidPence = payments.map((p) => -p.t.amountPence);
  const paymentClasses = paymentDays.map((day, i): PayerClass => (i < 2 ? null : classifyPayments(paymentDays[i - 2] as number, paymentDays[i - 1] as number, day)));
  return { paymentDays, paymentPaidPence, paymentClasses };
}

function indexChargeMondays(ordered: OrderedTransactions) {
  const chargeMondayDays: number[] = [];
  const chargeMondaySumsPence: number[] = [];
  for (const { t, day } of ordered) {
    if (t.kind !== 'charge' || weekdayOfDayNumber(day) !== 0) continue;
    const last = chargeMondayDays.length - 1;
    if (last >= 0 && chargeMondayDays[last] === day) chargeMondaySumsPence[last] = (chargeMondaySumsPence[last] as number) + t.amountPence;
    else {
      chargeMondayDays.push(day);
      chargeMondaySumsPence.push(t.amountPence);
    }
  }
  return { chargeMondayDays, chargeMondaySumsPence };
}

function indexEvents(caseFile: CaseFile, asOfDay: number, asOf: string): IndexedEvent[] {
  const clearAfterAsOf = (date: string | null) => (date !== null && date > asOf ? null : date);
  return caseFile.events
    .map((e, fileOrder) => ({
      ...e,
      cancelledOn: clearAfterAsOf(e.cancelledOn),
      resolvedOn: clearAfterAsOf(e.resolvedOn),
      returnedOn: clearAfterAsOf(e.returnedOn),
      day: toDayNumber(e.date),
      fileOrder,
    }))
    .filter((e) => e.day <= asOfDay)
    .sort(byDayThenOrder);
}

function stableByFrom<T extends { fromDay: number }>(entries: T[]): T[] {
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.fromDay - b.entry.fromDay || a.order - b.order)
    .map((x) => x.entry);
}

export function buildCaseIndex(caseFile: CaseFile): CaseIndex {
  const asOfDay = toDayNumber(caseFile.asOf);
  const tx = indexTransactions(caseFile, asOfDay);
  const hb = indexHousingBenefitCredits(tx.ordered);
  const ucCreditDays = tx.ordered.filter(({ t }) => t.kind === 'benefit' && t.method === 'uc_housing_costs' && t.amountPence < 0).map((x) => x.day);
  const payments = indexPayments(tx.ordered);
  const chargeMondays = indexChargeMondays(tx.ordered);

  const charges = stableByFrom(caseFile.charges.map((c) => ({ fromDay: toDayNumber(c.from), weeklyPence: c.weeklyPence })));
  const rentFreeMondays = [...new Set(caseFile.rentFreeWeeks.map(toDayNumber).filter((d) => weekdayOfDayNumber(d) === 0))].sort((a, b) => a - b);

  const hbEntries = stableByFrom(
    caseFile.benefits
      .filter((b) => b.type === 'housing_benefit' && b.status === 'in_payment')
      .map((b) => ({ fromDay: toDayNumber(b.from), weeklyPence: b.weeklyPence ?? 0, paidEveryWeeks: b.paidEveryWeeks !== null && b.paidEveryWeeks > 0 ? b.paidEveryWeeks : 1 })),
  );
  const ucLandlordEntries = stableByFrom(
    caseFile.benefits
      .filter((b) => b.type === 'universal_credit' && b.status === 'in_payment' && b.housingCostsTo === 'landlord')
      .map((b) => {
        const fromDay = toDayNumber(b.from);
        return { fromDay, weeklyEquivalentPence: universalCreditWeeklyEquivalentPence(b.monthlyHousingPence ?? 0), noCreditUntilDay: addMonthsToDayNumber(fromDay, 1) + 12 };
      }),
  );

  const maxWeeklyCharge = Math.max(0, ...charges.map((c) => c.weeklyPence), ...chargeMondays.chargeMondaySumsPence);
  const transitUpperBoundPence =
    Math.max(0, ...hbEntries.map((e) => e.weeklyPence * (e.paidEveryWeeks + 1))) +
    Math.max(0, ...ucLandlordEntries.map((e) => 6 * e.weeklyEquivalentPence)) +
    5 * maxWeeklyCharge;

  return {
    asOfDay,
    startDay: toDayNumber(caseFile.tenancy.startDate),
    endDay: caseFile.tenancy.endDate === null ? null : toDayNumber(caseFile.tenancy.endDate),
    rentFrequency: caseFile.tenancy.rentFrequency,
    txDays: tx.txDays,
    txAmounts: tx.txAmounts,
    txKinds: tx.txKinds,
    balancePrefix: tx.balancePrefix,
    courtCostsPrefix: tx.courtCostsPrefix,
    chargePrefix: tx.chargePrefix,
    creditPrefix: tx.creditPrefix,
    positiveReversalPrefix: tx.positiveReversalPrefix,
    ...hb,
    ucCreditDays,
    ucCreditNextDays: ucCreditDays.map((d) => addMonthsToDayNumber(d, 1)),
    ...payments,
    chargeFromDays: charges.map((c) => c.fromDay),
    chargeWeeklyPence: charges.map((c) => c.weeklyPence),
    ...chargeMondays,
    rentFreeMondays,
    hbEntries,
    ucLandlordEntries,
    events: indexEvents(caseFile, asOfDay, caseFile.asOf),
    transitUpperBoundPence,
  };
}
