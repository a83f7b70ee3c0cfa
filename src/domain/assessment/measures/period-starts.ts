/**
 * §2 "Period starts" (first days of a rental period) by rentFrequency: weekly, every Monday;
 * fortnightly and four_weekly, every 14 or 28 days before and after the first Monday on or after
 * startDate; monthly, startDate + k months for every whole k (k >= 0; clamped as in §1).
 */
import { addMonthsToDayNumber, monthIndexDifference, weekdayOfDayNumber } from '../../calendar/business-date';
import type { RentFrequency } from '../../case-file/case-file';

export interface RentalPeriods {
  startDay: number;
  rentFrequency: RentFrequency;
}

function mondayOnOrAfterDay(day: number): number {
  return day + ((7 - weekdayOfDayNumber(day)) % 7);
}

export function firstPeriodStartOnOrAfter(periods: RentalPeriods, day: number): number {
  switch (periods.rentFrequency) {
    case 'weekly':
      return mondayOnOrAfterDay(day);
    case 'fortnightly':
    case 'four_weekly': {
      const length = periods.rentFrequency === 'fortnightly' ? 14 : 28;
      const anchor = mondayOnOrAfterDay(periods.startDay);
      return anchor + length * Math.ceil((day - anchor) / length);
    }
    case 'monthly': {
      if (day <= periods.startDay) return periods.startDay;
      const k = monthIndexDifference(periods.startDay, day);
      const candidate = addMonthsToDayNumber(periods.startDay, k);
      return candidate >= day ? candidate : addMonthsToDayNumber(periods.startDay, k + 1);
    }
  }
}

/**
 * The earliest proceedings date of a notice served on S that runs by rental period (nosp,
 * section_128, notice_to_quit): the first period start on or after S + 28 days and, where the period
 * is longer than four weeks (monthly rent), never before the second period start on or after S.
 */
export function earliestByRentalPeriod(periods: RentalPeriods, servedOnDay: number): number {
  const first = firstPeriodStartOnOrAfter(periods, servedOnDay + 28);
  if (periods.rentFrequency !== 'monthly') return first;
  const secondFromService = firstPeriodStartOnOrAfter(periods, firstPeriodStartOnOrAfter(periods, servedOnDay) + 1);
  return Math.max(first, secondFromService);
}
