/**
 * How the demo landlord sets rents: a rent year from the first Monday in April, one increase a year
 * (roughly the social-rent settlement: CPI + 1%, the 2016–2019 1% cuts, the 7% ceiling of 2023/24), and
 * two landlord-wide rent-free weeks at Christmas.
 */
import type { BusinessDate } from '../calendar/business-date';
import { addDays, civilFromDays, daysFromCivil, fromDayNumber, mondayOnOrAfter, mondayOnOrBefore, toDayNumber } from '../calendar/business-date';

/** Annual increase in basis points (1/100 of a percent) applied from the rent year starting in April of the year. */
const INCREASE_BASIS_POINTS: Readonly<Record<number, number>> = {
  2005: 480, 2006: 500, 2007: 500, 2008: 500, 2009: 310, 2010: 100, 2011: 680, 2012: 570, 2013: 500, 2014: 320,
  2015: 220, 2016: -100, 2017: -100, 2018: -100, 2019: -100, 2020: 270, 2021: 150, 2022: 410, 2023: 700,
  2024: 770, 2025: 270, 2026: 480,
};

/** Increase (basis points) for the rent year starting in April of `year`: known years, else 3%. */
export function rentIncreaseBasisPoints(year: number): number {
  return INCREASE_BASIS_POINTS[year] ?? (year < 2005 ? 400 : 300);
}

/** The first day of the rent year starting in `year`: the first Monday in April. */
export function rentYearStart(year: number): BusinessDate {
  return mondayOnOrAfter(fromDayNumber(daysFromCivil(year, 4, 1)));
}

/** The calendar year in which the rent year containing `date` started. */
export function rentYearOf(date: BusinessDate): number {
  const { year } = civilFromDays(toDayNumber(date));
  return date >= rentYearStart(year) ? year : year - 1;
}

export function applyIncrease(weeklyPence: number, basisPoints: number): number {
  return Math.round((weeklyPence * (10000 + basisPoints)) / 10000);
}

/**
 * The weekly amount in force in the rent year of `fromYear`, chosen so that after each April increase
 * up to the rent year of `toYear` it comes to about `currentPence`.
 */
export function backdatedWeeklyPence(currentPence: number, fromYear: number, toYear: number): number {
  let amount = currentPence;
  for (let y = toYear; y > fromYear; y--) amount = Math.round((amount * 10000) / (10000 + rentIncreaseBasisPoints(y)));
  return Math.max(100, amount);
}

export interface WeeklyAmountChange {
  effectiveFrom: BusinessDate;
  weeklyPence: number;
  reason: string;
}

/**
 * A charge schedule from `startDate` to the rent year of `asOf`: the first entry on the start date, then
 * one entry at each rent year's start (annual increase), ending at about `currentPence`.
 */
export function annualSchedule(startDate: BusinessDate, asOf: BusinessDate, currentPence: number, firstReason: string): WeeklyAmountChange[] {
  const firstYear = rentYearOf(startDate);
  const lastYear = rentYearOf(asOf);
  let amount = backdatedWeeklyPence(currentPence, firstYear, lastYear);
  const changes: WeeklyAmountChange[] = [{ effectiveFrom: startDate, weeklyPence: amount, reason: firstReason }];
  for (let y = firstYear + 1; y <= lastYear; y++) {
    const bp = rentIncreaseBasisPoints(y);
    amount = applyIncrease(amount, bp);
    const effectiveFrom = rentYearStart(y);
    if (effectiveFrom <= startDate) continue;
    changes.push({ effectiveFrom, weeklyPence: amount, reason: `Annual rent change ${y}/${String((y + 1) % 100).padStart(2, '0')}: ${bp >= 0 ? '+' : ''}${(bp / 100).toFixed(1)}%` });
  }
  return changes;
}

/** The two landlord-wide rent-free weeks of the Christmas of `year`: the Monday of Christmas week and the next. */
export function christmasRentFreeMondays(year: number): [BusinessDate, BusinessDate] {
  const first = mondayOnOrBefore(fromDayNumber(daysFromCivil(year, 12, 25)));
  return [first, addDays(first, 7)];
}
