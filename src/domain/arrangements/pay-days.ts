/**
 * Start dates to offer for an arrangement: the tenant's pay or benefit day, so the instalment goes out
 * when the money comes in. Universal Credit is paid 7 days after the end of the monthly assessment
 * period (the period starting on day D ends the day before D next month: paid on D + 6); Housing
 * Benefit on its schedule (from its start, every N weeks); otherwise the weekday the tenant has paid on
 * most often recently.
 */
import type { BusinessDate } from '../calendar/business-date';
import { addDays, addMonths, daysBetween, daysInMonth, isoWeekday } from '../calendar/business-date';

export interface PayDaySources {
  /** Day of the month (1-31) the UC assessment period starts, when a UC claim is on file. */
  ucAssessmentPeriodStartDay: number | null;
  /** An HB payment schedule: the first payment date and every how many weeks. */
  housingBenefit: { fromDate: BusinessDate; paidEveryWeeks: number } | null;
  /** Dates of the tenant's recent payments. */
  recentPaymentDates: readonly BusinessDate[];
}

export interface SuggestedStart {
  date: BusinessDate;
  reason: string;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function dayInMonth(yearMonth: BusinessDate, day: number): BusinessDate {
  const y = Number(yearMonth.slice(0, 4));
  const m = Number(yearMonth.slice(5, 7));
  return `${yearMonth.slice(0, 8)}${String(Math.min(day, daysInMonth(y, m))).padStart(2, '0')}` as BusinessDate;
}

/** The next UC payment day on or after `asOf`. */
export function nextUcPaymentDay(asOf: BusinessDate, assessmentPeriodStartDay: number): BusinessDate {
  for (let k = -1; k <= 2; k += 1) {
    const paid = addDays(dayInMonth(addMonths(`${asOf.slice(0, 8)}01` as BusinessDate, k), assessmentPeriodStartDay), 6);
    if (paid >= asOf) return paid;
  }
  return asOf;
}

/** The next HB payment on or after `asOf` on its schedule. */
export function nextHbPaymentDay(asOf: BusinessDate, fromDate: BusinessDate, paidEveryWeeks: number): BusinessDate {
  if (fromDate >= asOf) return fromDate;
  const step = Math.max(1, paidEveryWeeks) * 7;
  return addDays(fromDate, Math.ceil(daysBetween(fromDate, asOf) / step) * step);
}

/** The weekday paid on most often (ties: the latest payment's weekday), or null with no payments. */
export function usualPaymentWeekday(dates: readonly BusinessDate[]): number | null {
  if (dates.length === 0) return null;
  const counts = new Array<number>(7).fill(0);
  for (const d of dates) counts[isoWeekday(d)]! += 1;
  const best = Math.max(...counts);
  const latest = [...dates].sort().reverse().find((d) => counts[isoWeekday(d)] === best)!;
  return isoWeekday(latest);
}

/** Up to three start dates on or after `asOf`, with why each is offered. */
export function suggestStartDates(asOf: BusinessDate, sources: PayDaySources): SuggestedStart[] {
  const out: SuggestedStart[] = [];
  if (sources.ucAssessmentPeriodStartDay !== null) {
    out.push({ date: nextUcPaymentDay(asOf, sources.ucAssessmentPeriodStartDay), reason: `Universal Credit payment day (assessment period starts on day ${sources.ucAssessmentPeriodStartDay})` });
  }
  if (sources.housingBenefit) {
    out.push({ date: nextHbPaymentDay(asOf, sources.housingBenefit.fromDate, sources.housingBenefit.paidEveryWeeks), reason: `Housing Benefit payment day (every ${sources.housingBenefit.paidEveryWeeks} weeks)` });
  }
  const weekday = usualPaymentWeekday(sources.recentPaymentDates);
  if (weekday !== null) {
    const date = addDays(asOf, (weekday - isoWeekday(asOf) + 7) % 7);
    out.push({ date, reason: `The ${WEEKDAYS[weekday]} the tenant usually pays on` });
  }
  const seen = new Set<string>();
  return out.filter((s) => (seen.has(s.date) ? false : (seen.add(s.date), true))).slice(0, 3);
}
