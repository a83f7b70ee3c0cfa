import type { BusinessDate } from '../calendar/business-date';
import { civilFromDays, toDayNumber } from '../calendar/business-date';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function parts(date: BusinessDate): { year: number; month: string; longMonth: string; day: number } {
  const { year, month, day } = civilFromDays(toDayNumber(date));
  return { year, month: SHORT_MONTHS[month - 1] ?? '', longMonth: LONG_MONTHS[month - 1] ?? '', day };
}

/** `2026-11-16` → `16 Nov 2026` (statements, tables). */
export function formatShortDate(date: BusinessDate): string {
  const p = parts(date);
  return `${p.day} ${p.month} ${p.year}`;
}

/** `2026-11-16` → `16 November 2026` (letters and headings, GOV.UK style). */
export function formatLongDate(date: BusinessDate): string {
  const p = parts(date);
  return `${p.day} ${p.longMonth} ${p.year}`;
}

/**
 * A date range for people: `19 Oct–15 Nov` within one year (the year is left out, as on a benefit
 * schedule), `22 Dec 2025–18 Jan 2026` across years.
 */
export function formatDateRange(from: BusinessDate, to: BusinessDate): string {
  const a = parts(from);
  const b = parts(to);
  if (a.year === b.year) return `${a.day} ${a.month}–${b.day} ${b.month}`;
  return `${a.day} ${a.month} ${a.year}–${b.day} ${b.month} ${b.year}`;
}
