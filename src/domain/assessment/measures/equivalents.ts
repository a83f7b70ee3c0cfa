import { divideRoundHalfUp } from '../../money/pence';

/** §1: monthly equivalent = weekly × 52 / 12, rounded half-up to whole pence. */
export function monthlyEquivalentPence(weeklyPence: number): number {
  return divideRoundHalfUp(weeklyPence * 52, 12);
}

/** §1: UC weekly equivalent = monthlyHousingPence × 12 / 52, rounded half-up to whole pence. */
export function universalCreditWeeklyEquivalentPence(monthlyHousingPence: number): number {
  return divideRoundHalfUp(monthlyHousingPence * 12, 52);
}
