/**
 * §1 "Weekly charge" on day D: the weeklyPence of the latest charges entry with from <= D; with none,
 * the sum of the charge transactions dated on the most recent Monday on or before D that has any
 * (charges dated on other days are not looked at); with no charge at all, 0.
 */
import type { CaseIndex } from './case-index';
import { countAtOrBelow } from './search';

export type WeeklyChargeSource = 'schedule' | 'charge_transactions' | 'none';

export function weeklyChargeOn(index: CaseIndex, day: number): number {
  const i = countAtOrBelow(index.chargeFromDays, day) - 1;
  if (i >= 0) return index.chargeWeeklyPence[i] as number;
  const j = countAtOrBelow(index.chargeMondayDays, day) - 1;
  return j >= 0 ? (index.chargeMondaySumsPence[j] as number) : 0;
}

export function weeklyChargeSourceOn(index: CaseIndex, day: number): WeeklyChargeSource {
  if (countAtOrBelow(index.chargeFromDays, day) > 0) return 'schedule';
  return countAtOrBelow(index.chargeMondayDays, day) > 0 ? 'charge_transactions' : 'none';
}
