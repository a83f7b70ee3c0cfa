import type { BusinessDate } from './business-date';
import { addDays, isoWeekday } from './business-date';

/**
 * England and Wales bank holidays 2025–2028 (GOV.UK list, substitute days included). Bacs does not
 * process on these days. Dates outside 2025–2028 are treated as ordinary weekdays: extend this list
 * before 2029 (a test fails once `LAST_YEAR_COVERED` is passed by the dates it checks).
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlySet<BusinessDate> = new Set([
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
]);
export const LAST_YEAR_COVERED = 2028;

/** A Bacs working day: Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(date: BusinessDate): boolean {
  return isoWeekday(date) < 5 && !ENGLAND_AND_WALES_BANK_HOLIDAYS.has(date);
}

/** The date itself when a working day, else the next working day (Bacs collects on the next one). */
export function workingDayOnOrAfter(date: BusinessDate): BusinessDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The date `n` working days after `date` (n ≥ 0; `date` itself need not be a working day). */
export function addWorkingDays(date: BusinessDate, n: number): BusinessDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** The date `n` working days before `date`. */
export function subtractWorkingDays(date: BusinessDate, n: number): BusinessDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
