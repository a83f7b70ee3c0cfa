/**
 * Calendar dates in the landlord's local calendar (Europe/London), as ISO strings `YYYY-MM-DD`.
 * All arithmetic is on whole days counted from 1970-01-01 (a "day number"), never on clock time,
 * so no time zone or daylight-saving change can move a date.
 */
export type BusinessDate = string;

/** Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isBusinessDate(value: unknown): value is BusinessDate {
  // Read digit by digit (every date of every case file is checked: the daily run's events and benefits, an
  // import's rows); the same strings as /^\d{4}-\d{2}-\d{2}$/ with a real month and day.
  const digits = dateDigits(value);
  if (digits < 0) return false;
  const month = ((digits / 100) | 0) % 100;
  const day = digits % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth((digits / 10000) | 0, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** `YYYY-MM-DD` read digit by digit as the number YYYYMMDD (month and day unchecked; at most 99991231, so `(n / 100) | 0` is a whole division); -1 for anything else. */
function dateDigits(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const y0 = digitAt(value, 0);
  const y1 = digitAt(value, 1);
  const y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5);
  const m1 = digitAt(value, 6);
  const d0 = digitAt(value, 8);
  const d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return -1;
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 10000 + (m0 * 10 + m1) * 100 + d0 * 10 + d1;
}

/** Reads `YYYY-MM-DD` digit by digit (hot path: the assessment converts every transaction date). */
export function toDayNumber(date: BusinessDate): number {
  const digits = dateDigits(date);
  if (digits < 0) throw new RangeError(`not a date: ${date}`);
  return daysFromCivil((digits / 10000) | 0, ((digits / 100) | 0) % 100, digits % 100);
}

export function fromDayNumber(dayNumber: number): BusinessDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** D + n months: keeps D's day of the month, clamped to the month's last day. */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const { year, month, day } = civilFromDays(toDayNumber(date));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12 + 12) % 12 + 1;
  const d = Math.min(day, daysInMonth(y, mo));
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekday(date: BusinessDate): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return ((toDayNumber(date) + 3) % 7 + 7) % 7;
}

export function isMonday(date: BusinessDate): boolean {
  return isoWeekday(date) === 0;
}

/** The Monday that starts the rent week containing `date`. */
export function mondayOnOrBefore(date: BusinessDate): BusinessDate {
  return addDays(date, -isoWeekday(date));
}

export function mondayOnOrAfter(date: BusinessDate): BusinessDate {
  const wd = isoWeekday(date);
  return wd === 0 ? date : addDays(date, 7 - wd);
}

export function minDate(a: BusinessDate, b: BusinessDate): BusinessDate {
  return a <= b ? a : b;
}

export function maxDate(a: BusinessDate, b: BusinessDate): BusinessDate {
  return a >= b ? a : b;
}

/** Parses `YYYY-MM-DD` or `DD/MM/YYYY` (as UK files write dates); null when not a real date. */
export function parseUkOrIsoDate(text: string): BusinessDate | null {
  const trimmed = text.trim();
  if (isBusinessDate(trimmed)) return trimmed;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!m) return null;
  const iso = `${m[3]}-${pad(Number(m[2]), 2)}-${pad(Number(m[1]), 2)}`;
  return isBusinessDate(iso) ? iso : null;
}

/** D + n months on day numbers (same rule as addMonths: D's day of the month, clamped). */
export function addMonthsToDayNumber(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = ((index % 12) + 12) % 12 + 1;
  return daysFromCivil(y, mo, Math.min(day, daysInMonth(y, mo)));
}

/** 0 = Monday … 6 = Sunday, for a day number. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Whole calendar months from `from` to `to` counted on year and month only (day ignored). */
export function monthIndexDifference(fromDayNumber: number, toDayNumber: number): number {
  const a = civilFromDays(fromDayNumber);
  const b = civilFromDays(toDayNumber);
  return (b.year - a.year) * 12 + (b.month - a.month);
}
