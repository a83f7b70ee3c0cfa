/**
 * §1 "Charged week": the rent week starting Monday M is charged when M is not a rent-free week and the
 * tenancy is live during it (startDate <= M + 6 days, and endDate null or endDate >= M).
 */
import { weekdayOfDayNumber } from '../../calendar/business-date';
import type { CaseIndex } from './case-index';
import { countAtOrBelow, countBelow } from './search';

/** chargedWeeks(A, B): the charged weeks whose Monday lies in the half-open range (A, B]. */
export function chargedWeeks(index: CaseIndex, afterDay: number, toDay: number): number {
  const lo = Math.max(afterDay + 1, index.startDay - 6);
  const hi = index.endDay === null ? toDay : Math.min(toDay, index.endDay);
  if (hi < lo) return 0;
  const firstMonday = lo + ((7 - weekdayOfDayNumber(lo)) % 7);
  if (firstMonday > hi) return 0;
  const mondays = Math.floor((hi - firstMonday) / 7) + 1;
  const rentFree = countAtOrBelow(index.rentFreeMondays, hi) - countBelow(index.rentFreeMondays, lo);
  return mondays - rentFree;
}
