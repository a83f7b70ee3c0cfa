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

/** Positions of the transactions dated on or before asOf, ordered by date then file order. */
function orderedPositions(days: readonly number[], asOfDay: number): number[] {
  const positions: number[] = [];
  let sorted = true;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (day > asOfDay) continue;
    const last = positions[positions.length - 1];
    if (last !== undefined && (days[last] as number) > day) sorted = false;
    positions.push(i);
  }
  if (!sorted) positions.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
  return positions;
}

type TransactionIndex = Pick<
  CaseIndex,
  | 'txDays'
  | 'txAmounts'
  | 'txKinds'
  | 'balancePrefix'
  | 'courtCostsPrefix'
  | 'chargePrefix'
  | 'creditPrefix'
  | 'positiveReversalPrefix'
  | 'hbCreditDays'
  | 'hbCreditPeriodToDays'
  | 'ucCreditDays'
  | 'paymentDays'
  | 'paymentPaidPence'
  | 'chargeMondayDays'
  | 'chargeMondaySumsPence'
>;

/** One pass over the ordered transactions: prefix sums, credits and charge Mondays. */
function indexTransactions(caseFile: CaseFile, asOfDay: number): TransactionIndex {
  const all = caseFile.transactions;
  const allDays = all.map((t) => toDayNumber(t.date));
  const positions = orderedPositions(allDays, asOfDay);
  const out: TransactionIndex = {
    txDays: [],
    txAmounts: [],
    txKinds: [],
    balancePrefix: [],
    courtCostsPrefix: [],
    chargePrefix: [],
    creditPrefix: [],
    positiveReversalPrefix: [],
    hbCreditDays: [],
    hbCreditPeriodToDays: [],
    ucCreditDays: [],
    paymentDays: [],
    paymentPaidPence: [],
    chargeMondayDays: [],
    chargeMondaySumsPence: [],
  };
  let balance = 0;
  let courtCosts = 0;
  let charges = 0;
  let credits = 0;
  let positiveReversals = 0;
  for (const position of positions) {
    const t = all[position] as CaseFile['transactions'][number];
    const day = allDays[position] as number;
    const amount = t.amountPence;
    balance += amount;
    if (t.kind === 'court_costs') courtCosts += amount;
    if (t.kind === 'charge') charges += amount;
    if (amount < 0) credits += amount;
    if (t.kind === 'reversal' && amount > 0) positiveReversals += amount;
    out.txDays.push(day);
    out.txAmounts.push(amount);
    out.txKinds.push(t.kind);
    out.balancePrefix.push(balance);
    out.courtCostsPrefix.push(courtCosts);
    out.chargePrefix.push(charges);
    out.creditPrefix.push(credits);
    out.positiveReversalPrefix.push(positiveReversals);
    if (t.kind === 'payment' && amount < 0) {
      out.paymentDays.push(day);
      out.paymentPaidPence.push(-amount);
    } else if (t.kind === 'charge' && weekdayOfDayNumber(day) === 0) {
      const last = out.chargeMondayDays.length - 1;
      if (last >= 0 && out.chargeMondayDays[last] === day) out.chargeMondaySumsPence[last] = (out.chargeMondaySumsPence[last] as number) + amount;
      else {
        out.chargeMondayDays.push(day);
        out.chargeMondaySumsPence.push(amount);
      }
    } else if (t.kind === 'benefit' && amount < 0 && t.method === 'uc_housing_costs') {
      out.ucCreditDays.push(day);
    } else if (t.kind === 'benefit' && amount < 0 && t.method === 'housing_benefit') {
      // Of two HB credits on one date, the one with the later periodTo (a tie: the later in order).
      const periodToDay = t.periodTo === null ? day - 1 : toDayNumber(t.periodTo);
      const last = out.hbCreditDays.length - 1;
      if (last >= 0 && out.hbCreditDays[last] === day) {
        if (periodToDay >= (out.hbCreditPeriodToDays[last] as number)) out.hbCreditPeriodToDays[last] = periodToDay;
      } else {
        out.hbCreditDays.push(day);
        out.hbCreditPeriodToDays.push(periodToDay);
      }
    }
  }
  return out;
}

function classifyAll(paymentDays: readonly number[]): PayerClass[] {
  return paymentDays.map((day, i): PayerClass => (i < 2 ? null : classifyPayments(paymentDays[i - 2] as number, paymentDays[i - 1] as number, day)));
}

/**
 * The event as indexed: every field written out (a spread of the 24-field event took ~4 µs an event, about
 * a third of a second of a 10,000-account daily run: TypeScript requires each field here, so a field added
 * to CaseEvent cannot be left out).
 */
function indexedEvent(e: CaseEvent, day: number, fileOrder: number, asOf: string): IndexedEvent {
  const clearAfterAsOf = (date: string | null) => (date !== null && date > asOf ? null : date);
  return {
    date: e.date,
    type: e.type,
    action: e.action,
    outcome: e.outcome,
    channel: e.channel,
    item: e.item,
    instalmentPence: e.instalmentPence,
    frequency: e.frequency,
    endDate: e.endDate,
    cancelledOn: clearAfterAsOf(e.cancelledOn),
    notice: e.notice,
    grounds: e.grounds,
    hearingDate: e.hearingDate,
    order: e.order,
    possessionDate: e.possessionDate,
    evictionDate: e.evictionDate,
    kind: e.kind,
    flag: e.flag,
    stage: e.stage,
    resolvedOn: clearAfterAsOf(e.resolvedOn),
    survivingJointTenant: e.survivingJointTenant,
    agency: e.agency,
    returnedOn: clearAfterAsOf(e.returnedOn),
    result: e.result,
    day,
    fileOrder,
  };
}

function indexEvents(caseFile: CaseFile, asOfDay: number, asOf: string): IndexedEvent[] {
  const events: IndexedEvent[] = [];
  let sorted = true;
  caseFile.events.forEach((e, fileOrder) => {
    const day = toDayNumber(e.date);
    if (day > asOfDay) return;
    const last = events[events.length - 1];
    if (last !== undefined && last.day > day) sorted = false;
    events.push(indexedEvent(e, day, fileOrder, asOf));
  });
  return sorted ? events : events.sort(byDayThenOrder);
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

  const maxWeeklyCharge = Math.max(0, ...charges.map((c) => c.weeklyPence), ...tx.chargeMondaySumsPence);
  const transitUpperBoundPence =
    Math.max(0, ...hbEntries.map((e) => e.weeklyPence * (e.paidEveryWeeks + 1))) +
    Math.max(0, ...ucLandlordEntries.map((e) => 6 * e.weeklyEquivalentPence)) +
    5 * maxWeeklyCharge;

  return {
    asOfDay,
    startDay: toDayNumber(caseFile.tenancy.startDate),
    endDay: caseFile.tenancy.endDate === null ? null : toDayNumber(caseFile.tenancy.endDate),
    rentFrequency: caseFile.tenancy.rentFrequency,
    ...tx,
    ucCreditNextDays: tx.ucCreditDays.map((d) => addMonthsToDayNumber(d, 1)),
    paymentClasses: classifyAll(tx.paymentDays),
    chargeFromDays: charges.map((c) => c.fromDay),
    chargeWeeklyPence: charges.map((c) => c.weeklyPence),
    rentFreeMondays,
    hbEntries,
    ucLandlordEntries,
    events: indexEvents(caseFile, asOfDay, caseFile.asOf),
    transitUpperBoundPence,
  };
}
