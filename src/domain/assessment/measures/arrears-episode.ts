/**
 * §1 "Arrears episode": with realArrears(asOf) > 0, the day after the latest day D with
 * startDate <= D < asOf and realArrears(D) = 0, or startDate if there is none.
 *
 * Exact but not day-by-day over the whole history: the balance is constant between transaction dates,
 * so the search walks back over those stretches. A stretch whose balance is <= 0 ends the search at
 * once; a stretch whose balance exceeds the most the three parts in transit could ever reach
 * (CaseIndex.transitUpperBoundPence) cannot hold a zero day and is skipped whole; only the other
 * stretches are examined day by day.
 */
import { lastTransactionOnOrBefore } from './balance';
import type { CaseIndex } from './case-index';
import type { PolicyParameters } from '../../policy/policy-parameters';
import { realArrearsOn, transitTotalOn } from './real-arrears';

export interface EpisodeSearch {
  /** First day of the episode (day number), or null with no real arrears on asOf. */
  startDay: number | null;
  /** The latest day before asOf with no real arrears (null: none since startDate, or no episode). */
  lastClearDay: number | null;
  daysExamined: number;
}

export function findArrearsEpisode(index: CaseIndex, policy: PolicyParameters): EpisodeSearch {
  if (realArrearsOn(index, policy, index.asOfDay) === 0) return { startDay: null, lastClearDay: null, daysExamined: 0 };
  let daysExamined = 0;
  let day = index.asOfDay - 1;
  while (day >= index.startDay) {
    const k = lastTransactionOnOrBefore(index, day);
    const balance = k >= 0 ? (index.balancePrefix[k] as number) : 0;
    if (balance <= 0) return { startDay: day + 1, lastClearDay: day, daysExamined };
    const stretchStart = k >= 0 ? Math.max(index.txDays[k] as number, index.startDay) : index.startDay;
    if (balance <= index.transitUpperBoundPence) {
      for (let d = day; d >= stretchStart; d--) {
        daysExamined++;
        if (transitTotalOn(index, policy, d) >= balance) return { startDay: d + 1, lastClearDay: d, daysExamined };
      }
    }
    if (k < 0) break;
    day = (index.txDays[k] as number) - 1;
  }
  return { startDay: index.startDay, lastClearDay: null, daysExamined };
}
