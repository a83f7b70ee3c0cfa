/**
 * Reading only the recent part of an account's history, with the same assessment as the whole of it.
 *
 * The assessment engine looks back from asOf: the arrears episode ends its search at the latest day the
 * balance was zero or in credit (§1 "Arrears episode"), payments in transit look at the latest credits of
 * each kind (§1 parts 1–3, which need a few weeks), and the rules read balances on dates after the episode
 * began or on the dates of the case's legal and arrangement events. So everything dated before a horizon H
 * can be summed into a few opening entries dated the day before H, provided that:
 *
 * - H is at least HISTORY_MARGIN_DAYS before the latest clear day on or before asOf, so that every
 *   look-back from a day the engine examines stays at or after H (an account clear on asOf itself has no
 *   episode: the engine examines only asOf and its look-backs, which the margin covers);
 * - H is on or before every court order, claim, warrant and eviction event (read whatever their date,
 *   with balances from their own dates; arrangements and notices count only within the episode);
 * - for a tenancy with an end date, H is also at least HISTORY_MARGIN_DAYS before the end (a former
 *   tenancy's rules read payments and arrangements after the end, §7). §7 rule 4 (statute-barred) reads
 *   the date of the latest debit, but only with a debt owed (rule 1 decides first otherwise), and a balance
 *   above zero on asOf after a clear day means a debit after that day, so after H;
 * - the latest three payment credits, and the latest Housing Benefit and Universal Credit credits, dated
 *   before H are kept as they are (the payer class and the credits in transit read them by date);
 * - H is a Monday, so the opening entries fall on a Sunday and never look like a week's charge;
 * - a charge schedule entry is in force by asOf: without one the weekly charge is read from the charges
 *   posted on the latest Monday that has any (§1), however long ago, so the history is read whole.
 *
 * The opening entries reproduce exactly every running sum the engine keeps (balance, charges, court costs,
 * credits, positive reversals) from H − 1 on, and `summarised` carries the number of transactions and payment
 * credits they stand for, so that the trace's two whole-history counts come out the same too. A property test assesses generated histories both ways and
 * requires the same result and trace; the daily run's results are checked against `assess` on the exported (whole)
 * case file over a demo landlord.
 */
import { addDays, mondayOnOrBefore, type BusinessDate } from '../calendar/business-date';
import type { SummarisedHistory, Transaction } from './case-file';

/** How far before the latest clear day the detail is kept (five weeks: the longest look-back from a day the engine examines that is not covered by the kept credits is the 28 days of the rising-balance test of §8). */
export const HISTORY_MARGIN_DAYS = 35;

/**
 * Events the engine reads whatever their date (a court order stays in force across episodes), with balances
 * from their own dates: the history is kept in full back to the earliest. Arrangements and notices are read
 * only within the current episode (§1, §5), which starts after the latest clear day, so after the horizon.
 */
export const ANCHOR_EVENT_TYPES: readonly string[] = ['court_order', 'claim_issued', 'warrant_requested', 'eviction_scheduled', 'eviction_cancelled'];

/** The running sums the engine keeps over the transactions, as at some date. */
export interface HistoryTotals {
  balancePence: number;
  chargePence: number;
  courtCostsPence: number;
  /** The sum of the negative amounts (of any kind). */
  creditPence: number;
  /** The sum of the positive `reversal` amounts. */
  positiveReversalPence: number;
}

export const ZERO_TOTALS: HistoryTotals = { balancePence: 0, chargePence: 0, courtCostsPence: 0, creditPence: 0, positiveReversalPence: 0 };

export function addToTotals(totals: HistoryTotals, t: Pick<Transaction, 'kind' | 'amountPence'>): HistoryTotals {
  return {
    balancePence: totals.balancePence + t.amountPence,
    chargePence: totals.chargePence + (t.kind === 'charge' ? t.amountPence : 0),
    courtCostsPence: totals.courtCostsPence + (t.kind === 'court_costs' ? t.amountPence : 0),
    creditPence: totals.creditPence + (t.amountPence < 0 ? t.amountPence : 0),
    positiveReversalPence: totals.positiveReversalPence + (t.kind === 'reversal' && t.amountPence > 0 ? t.amountPence : 0),
  };
}

export function totalsOf(transactions: readonly Pick<Transaction, 'kind' | 'amountPence'>[]): HistoryTotals {
  return transactions.reduce(addToTotals, ZERO_TOTALS);
}

export function subtractTotals(a: HistoryTotals, b: HistoryTotals): HistoryTotals {
  return {
    balancePence: a.balancePence - b.balancePence,
    chargePence: a.chargePence - b.chargePence,
    courtCostsPence: a.courtCostsPence - b.courtCostsPence,
    creditPence: a.creditPence - b.creditPence,
    positiveReversalPence: a.positiveReversalPence - b.positiveReversalPence,
  };
}

export interface HorizonInput {
  asOf: BusinessDate;
  /** The latest transaction date at the end of which the balance was zero or in credit (any date). */
  lastClearDate: BusinessDate | null;
  /** The tenancy's end date, if it has one. */
  endDate: BusinessDate | null;
  /** The dates of the case's events of ANCHOR_EVENT_TYPES. */
  anchorDates: readonly BusinessDate[];
}

/**
 * Whether a charge schedule entry starts on or before asOf. Without one the engine takes the weekly charge
 * from the charges posted on the latest Monday that has any (§1), however long ago: a look-back no margin
 * covers, so such an account is read whole (the database read asks the same of `charge_schedules`).
 */
export function hasChargeInForce(charges: readonly { from: BusinessDate }[], asOf: BusinessDate): boolean {
  return charges.some((c) => c.from <= asOf);
}

/**
 * The first day whose transactions are read one by one, or null to read the whole history: when the account
 * was never clear, or its latest clear day is after asOf (the kept state is the ledger's now; the latest clear
 * day on or before asOf is then unknown). An account clear on asOf itself (most accounts paid ahead, on the
 * day a week's charge posts) is read from its horizon like any other.
 */
export function historyHorizon(input: HorizonInput): BusinessDate | null {
  if (input.lastClearDate === null || input.lastClearDate > input.asOf) return null;
  let horizon = mondayOnOrBefore(addDays(input.lastClearDate, -HISTORY_MARGIN_DAYS));
  for (const d of input.anchorDates) if (d < horizon) horizon = mondayOnOrBefore(d);
  if (input.endDate !== null) {
    const beforeEnd = addDays(input.endDate, -HISTORY_MARGIN_DAYS);
    if (beforeEnd < horizon) horizon = mondayOnOrBefore(beforeEnd);
  }
  return horizon;
}

/** The benefit methods whose latest credits before the horizon are kept (keptBeforeHorizon). */
export const KEPT_BENEFIT_METHODS: readonly string[] = ['housing_benefit', 'uc_housing_costs'];

/** Transactions dated before the horizon that are kept as they are (see the module comment). */
export function keptBeforeHorizon<T extends Pick<Transaction, 'date' | 'kind' | 'amountPence' | 'method'>>(before: readonly T[]): T[] {
  const ordered = [...before].map((t, i) => ({ t, i })).sort((a, b) => (a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.i - b.i));
  const payments = ordered.filter(({ t }) => t.kind === 'payment' && t.amountPence < 0).slice(-3);
  const latestOn = (method: string) => {
    const credits = ordered.filter(({ t }) => t.kind === 'benefit' && t.amountPence < 0 && t.method === method);
    const last = credits[credits.length - 1];
    return last ? credits.filter(({ t }) => t.date === last.t.date) : [];
  };
  const kept = new Set([...payments, ...KEPT_BENEFIT_METHODS.flatMap(latestOn)].map(({ i }) => i));
  return ordered.filter(({ i }) => kept.has(i)).map(({ t }) => t);
}

function entry(date: BusinessDate, kind: Transaction['kind'], amountPence: number): Transaction {
  return { date, kind, amountPence, method: null, periodFrom: null, periodTo: null, note: 'opening balance (earlier history summed)' };
}

/**
 * The opening entries, dated the day before `horizon`, that carry `totals` (the sums of the transactions
 * summed away): a charge, court costs and a positive reversal for their own sums, a credit adjustment for
 * the credits not already carried, and a debit adjustment for the rest of the balance. The last two are
 * never of the wrong sign (proved in the test), so each sum comes out exact.
 */
export function openingTransactions(totals: HistoryTotals, horizon: BusinessDate): Transaction[] {
  const date = addDays(horizon, -1);
  const out: Transaction[] = [];
  if (totals.chargePence !== 0) out.push(entry(date, 'charge', totals.chargePence));
  if (totals.courtCostsPence !== 0) out.push(entry(date, 'court_costs', totals.courtCostsPence));
  if (totals.positiveReversalPence !== 0) out.push(entry(date, 'reversal', totals.positiveReversalPence));
  const carried = totalsOf(out);
  const credit = totals.creditPence - carried.creditPence;
  if (credit !== 0) out.push(entry(date, 'adjustment', credit));
  const rest = totals.balancePence - totalsOf(out).balancePence;
  if (rest !== 0) out.push(entry(date, 'adjustment', rest));
  return out;
}

/**
 * The history the engine is given: the kept older transactions, the opening entries for everything else
 * before the horizon, then every transaction from the horizon on. `allTotals` are the sums over the whole
 * history (the kept state); `fromHorizon` are the transactions dated on or after the horizon and `kept`
 * those kept from before it.
 */
export function compactHistory(allTotals: HistoryTotals, horizon: BusinessDate, kept: readonly Transaction[], fromHorizon: readonly Transaction[]): Transaction[] {
  const summed = subtractTotals(subtractTotals(allTotals, totalsOf(kept)), totalsOf(fromHorizon));
  return [...kept, ...openingTransactions(summed, horizon), ...fromHorizon];
}

/** The latest transaction date at the end of which the balance was zero or in credit (all dates). */
export function lastClearDateOf(transactions: readonly Pick<Transaction, 'date' | 'amountPence'>[]): BusinessDate | null {
  const byDate = new Map<BusinessDate, number>();
  for (const t of transactions) byDate.set(t.date, (byDate.get(t.date) ?? 0) + t.amountPence);
  let balance = 0;
  let last: BusinessDate | null = null;
  for (const date of [...byDate.keys()].sort()) {
    balance += byDate.get(date) as number;
    if (balance <= 0) last = date;
  }
  return last;
}

/**
 * The same compaction worked out from a whole case file (what the daily run does from the kept state and
 * the recent rows): the reference the tests hold the database path to.
 */
export function compactCaseFile<C extends { asOf: BusinessDate; tenancy: { endDate: BusinessDate | null }; charges: readonly { from: BusinessDate }[]; transactions: Transaction[]; events: readonly { type: string; date: BusinessDate }[]; summarised?: SummarisedHistory }>(caseFile: C): C {
  if (!hasChargeInForce(caseFile.charges, caseFile.asOf)) return caseFile;
  const horizon = historyHorizon({
    asOf: caseFile.asOf,
    lastClearDate: lastClearDateOf(caseFile.transactions),
    endDate: caseFile.tenancy.endDate,
    anchorDates: caseFile.events.filter((e) => ANCHOR_EVENT_TYPES.includes(e.type)).map((e) => e.date),
  });
  if (horizon === null) return caseFile;
  const before = caseFile.transactions.filter((t) => t.date < horizon);
  const fromHorizon = caseFile.transactions.filter((t) => t.date >= horizon);
  const kept = keptBeforeHorizon(before);
  const transactions = compactHistory(totalsOf(caseFile.transactions), horizon, kept, fromHorizon);
  const isPaymentCredit = (t: Transaction) => t.kind === 'payment' && t.amountPence < 0;
  return {
    ...caseFile,
    transactions,
    summarised: {
      transactionCount: before.length - kept.length,
      paymentCreditCount: before.filter(isPaymentCredit).length - kept.filter(isPaymentCredit).length,
      openingEntryCount: transactions.length - kept.length - fromHorizon.length,
    },
  };
}
