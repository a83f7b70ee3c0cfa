import type { BusinessDate } from '../calendar/business-date';
import { addDays, addMonths, isBusinessDate, maxDate, minDate, mondayOnOrAfter, mondayOnOrBefore } from '../calendar/business-date';
import { RENT_ACCOUNT_SUB_ACCOUNTS } from '../rent/charges-due';
import type { StatementTransaction } from './describe-transaction';

/**
 * Which statement:
 * - `thirteen-weeks`: the Pre-Action Protocol's quarterly statement (para 2.2 step 3), the 13 rent weeks
 *   to the date;
 * - `arrears-began`: the statement "from the date arrears first arose" with a running balance, which is
 *   also the court's schedule of payments due and made (PD55A 2.3: at least two years, or from the
 *   start of the tenancy);
 * - `explicit`: the dates asked for.
 */
export type StatementMode = 'thirteen-weeks' | 'arrears-began' | 'explicit';

export interface StatementPeriod {
  mode: StatementMode;
  from: BusinessDate;
  to: BusinessDate;
  /** The first day of the arrears episode on `to` (cash balance of the rent account); null when not in arrears. */
  arrearsBegan: BusinessDate | null;
}

/** A period that cannot be a statement: a date that is not a date, or `from` after `to`. */
export class StatementPeriodError extends Error {
  override name = 'StatementPeriodError';
}

const RENT_ACCOUNT = new Set<string>(RENT_ACCOUNT_SUB_ACCOUNTS);

/**
 * The day arrears began, measured on the cash balance of the rent account (the sub-accounts a case file
 * carries, recovery policy §1): with balance(D) the sum of the transactions dated on or before D, null
 * when balance(asOf) <= 0; otherwise the day after the latest day D with `startDate <= D < asOf` and
 * balance(D) <= 0, or `startDate` when there is none. Days before `startDate` are never examined.
 */
export function arrearsBeganOn(transactions: readonly StatementTransaction[], asOf: BusinessDate, startDate: BusinessDate): BusinessDate | null {
  const netByDate = new Map<BusinessDate, number>();
  for (const tx of transactions) {
    if (tx.businessDate > asOf || !RENT_ACCOUNT.has(tx.subAccount)) continue;
    netByDate.set(tx.businessDate, (netByDate.get(tx.businessDate) ?? 0) + tx.amountPence);
  }
  const dates = [...netByDate.keys()].sort();
  const lastExamined = addDays(asOf, -1);
  // The balance is constant from one transaction date to the day before the next: walk those intervals,
  // remembering the last examined day on which the balance was <= 0.
  const ends = [...dates.map((d) => addDays(d, -1)), lastExamined];
  let balance = 0;
  let intervalStart = startDate;
  let lastNotInArrears: BusinessDate | null = null;
  for (let i = 0; i < ends.length; i += 1) {
    const b = minDate(ends[i]!, lastExamined);
    if (intervalStart <= b && balance <= 0) lastNotInArrears = b;
    const date = dates[i];
    if (date === undefined) break;
    balance += netByDate.get(date) ?? 0;
    intervalStart = maxDate(date, startDate);
  }
  if (balance <= 0) return null;
  return lastNotInArrears === null ? startDate : maxDate(addDays(lastNotInArrears, 1), startDate);
}

function checkDate(value: BusinessDate, name: string): void {
  if (!isBusinessDate(value)) throw new StatementPeriodError(`${name}: expected a date YYYY-MM-DD, got "${value}"`);
}

/** The first Monday of the 13 rent weeks (Monday to Sunday) that end with the week of `to`. */
export function thirteenWeeksFrom(to: BusinessDate): BusinessDate {
  return mondayOnOrAfter(addDays(to, -90));
}

/**
 * The period of a statement to `asOf` (the last day shown).
 * - `thirteen-weeks` (the default): from the Monday starting the 13th rent week back, so that exactly 13
 *   rent weeks are shown, the last of them up to `asOf`; never before the tenancy's start.
 * - `arrears-began`: from the day arrears began (`arrearsBeganOn`), or earlier so that at least two
 *   years are shown (from the Monday on or before `asOf` − 2 years + 1 day), never before the tenancy's
 *   start. Not in arrears: the two years alone.
 * - `{ from, to }`: the dates given; a missing `to` is `asOf`, a missing `from` the 13 weeks to `to`.
 */
export function statementPeriod(
  mode: 'thirteen-weeks' | 'arrears-began' | { from?: BusinessDate | undefined; to?: BusinessDate | undefined },
  asOf: BusinessDate,
  transactions: readonly StatementTransaction[],
  startDate: BusinessDate,
): StatementPeriod {
  checkDate(asOf, 'asOf');
  checkDate(startDate, 'startDate');
  if (typeof mode === 'object') {
    if (mode.from !== undefined) checkDate(mode.from, 'from');
    if (mode.to !== undefined) checkDate(mode.to, 'to');
    const to = mode.to ?? asOf;
    const from = mode.from ?? maxDate(thirteenWeeksFrom(to), minDate(startDate, to));
    if (from > to) throw new StatementPeriodError(`from (${from}) is after to (${to})`);
    return { mode: 'explicit', from, to, arrearsBegan: arrearsBeganOn(transactions, to, startDate) };
  }
  const arrearsBegan = arrearsBeganOn(transactions, asOf, startDate);
  // A tenancy that starts after asOf still gets a one-day period rather than an inverted one.
  const notBeforeStart = (d: BusinessDate) => maxDate(d, minDate(startDate, asOf));
  if (mode === 'thirteen-weeks') {
    return { mode, from: notBeforeStart(thirteenWeeksFrom(asOf)), to: asOf, arrearsBegan };
  }
  if (mode === 'arrears-began') {
    const twoYears = mondayOnOrBefore(addDays(addMonths(asOf, -24), 1));
    const from = arrearsBegan === null ? twoYears : minDate(arrearsBegan, twoYears);
    return { mode, from: notBeforeStart(from), to: asOf, arrearsBegan };
  }
  throw new StatementPeriodError(`unknown statement mode: ${String(mode)}`);
}
