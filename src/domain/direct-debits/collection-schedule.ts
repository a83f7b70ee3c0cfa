import type { BusinessDate } from '../calendar/business-date';
import { addDays, addMonths, civilFromDays, daysInMonth, isoWeekday, toDayNumber } from '../calendar/business-date';
import { addWorkingDays, subtractWorkingDays, workingDayOnOrAfter } from '../calendar/working-days';

/** The days of the month the landlord collects monthly direct debits on. */
export const MONTHLY_COLLECTION_DAYS: readonly number[] = [1, 8, 15, 22, 28];
/** Weekly collections: a weekday, 0 = Monday … 4 = Friday. */
export const WEEKLY_COLLECTION_WEEKDAYS: readonly number[] = [0, 1, 2, 3, 4];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

/** Bacs: a new instruction is lodged (AUDDIS) and a collection submitted 3 working days ahead. */
export const BACS_LEAD_WORKING_DAYS = 3;
/** The Direct Debit Guarantee: the payer is told of the amount and date 10 working days ahead. */
export const ADVANCE_NOTICE_WORKING_DAYS = 10;

export type Frequency = 'monthly' | 'weekly';
export interface CollectionDay {
  frequency: Frequency;
  /** monthly: day of month (MONTHLY_COLLECTION_DAYS); weekly: weekday 0–4. */
  day: number;
}

export function isOfferedCollectionDay(c: CollectionDay): boolean {
  return c.frequency === 'monthly' ? MONTHLY_COLLECTION_DAYS.includes(c.day) : WEEKLY_COLLECTION_WEEKDAYS.includes(c.day);
}

export function describeCollectionDay(c: CollectionDay): string {
  if (c.frequency === 'weekly') return `every ${WEEKDAY_NAMES[c.day] ?? '?'}`;
  const suffix = c.day === 1 ? 'st' : c.day === 22 ? 'nd' : 'th';
  return `the ${c.day}${suffix} of each month`;
}

/** The nominal collection dates (before moving to a working day) on or after `from`, `count` of them. */
function nominalDates(c: CollectionDay, from: BusinessDate, count: number): BusinessDate[] {
  const out: BusinessDate[] = [];
  if (c.frequency === 'weekly') {
    let d = addDays(from, (c.day - isoWeekday(from) + 7) % 7);
    while (out.length < count) {
      out.push(d);
      d = addDays(d, 7);
    }
    return out;
  }
  const { year, month } = civilFromDays(toDayNumber(from));
  let first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(c.day, daysInMonth(year, month))).padStart(2, '0')}`;
  if (first < from) first = addMonths(first, 1);
  for (let i = 0; out.length < count; i += 1) out.push(addMonths(first, i));
  return out;
}

/**
 * The next `count` collections on or after `from`: each nominal day moved to the next working day when
 * it falls on a weekend or bank holiday (a collection is never taken early).
 */
export function collectionDates(c: CollectionDay, from: BusinessDate, count: number): BusinessDate[] {
  // A nominal day up to a week before `from` may be moved onto or after it (e.g. 1 January → 4 January).
  return nominalDates(c, addDays(from, -7), count + 2)
    .map(workingDayOnOrAfter)
    .filter((d, i, all) => d >= from && all.indexOf(d) === i)
    .slice(0, count);
}

/**
 * The earliest first collection for an instruction set up on `setUpOn`: at least the Bacs lead time after
 * set-up, and at least 10 working days after the advance notice (sent the day it is set up).
 */
export function earliestFirstCollection(setUpOn: BusinessDate): BusinessDate {
  const afterLead = addWorkingDays(setUpOn, BACS_LEAD_WORKING_DAYS);
  const afterNotice = addWorkingDays(setUpOn, ADVANCE_NOTICE_WORKING_DAYS);
  return afterLead > afterNotice ? afterLead : afterNotice;
}

/** The last day the advance notice of a collection (or of a change to it) may be sent. */
export function advanceNoticeBy(collectionOn: BusinessDate): BusinessDate {
  return subtractWorkingDays(collectionOn, ADVANCE_NOTICE_WORKING_DAYS);
}

/** The first collection of a new mandate: the first collection day on or after both `startOn` and the earliest Bacs allows. */
export function firstCollection(c: CollectionDay, startOn: BusinessDate, setUpOn: BusinessDate): BusinessDate {
  const earliest = earliestFirstCollection(setUpOn);
  const from = startOn > earliest ? startOn : earliest;
  return collectionDates(c, from, 1)[0]!;
}

/** The first collection at a new amount taking effect from `effectiveFrom`, with the notice date, given notice can go no earlier than `today`. */
export function firstCollectionAtNewAmount(c: CollectionDay, effectiveFrom: BusinessDate, today: BusinessDate): { collectionOn: BusinessDate; noticeBy: BusinessDate } {
  const earliest = addWorkingDays(today, ADVANCE_NOTICE_WORKING_DAYS);
  const from = effectiveFrom > earliest ? effectiveFrom : earliest;
  const collectionOn = collectionDates(c, from, 1)[0]!;
  return { collectionOn, noticeBy: advanceNoticeBy(collectionOn) };
}
