/** §1 "Balance": sums over the ordered transactions, by prefix sums. */
import type { CaseIndex } from './case-index';
import { countAtOrBelow } from './search';

/** Index of the last transaction dated on or before `day` (-1: none). */
export function lastTransactionOnOrBefore(index: CaseIndex, day: number): number {
  return countAtOrBelow(index.txDays, day) - 1;
}

function prefixAt(prefix: readonly number[], i: number): number {
  return i < 0 ? 0 : (prefix[i] as number);
}

/** balance(D): the sum of all transactions dated on or before D. */
export function balanceOn(index: CaseIndex, day: number): number {
  return prefixAt(index.balancePrefix, lastTransactionOnOrBefore(index, day));
}

/** arrears(D) = max(0, balance(D)): cash arrears. */
export function cashArrearsOn(index: CaseIndex, day: number): number {
  return Math.max(0, balanceOn(index, day));
}

/** rentArrears(D) = max(0, balance(D) − court costs dated on or before D): credits pay rent before costs. */
export function rentArrearsOn(index: CaseIndex, day: number): number {
  const i = lastTransactionOnOrBefore(index, day);
  return Math.max(0, prefixAt(index.balancePrefix, i) - prefixAt(index.courtCostsPrefix, i));
}

/** Sum of a prefix-summed column over the transactions dated in [fromDay, toDay]. */
export function sumBetween(index: CaseIndex, prefix: readonly number[], fromDay: number, toDay: number): number {
  if (toDay < fromDay) return 0;
  return prefixAt(prefix, lastTransactionOnOrBefore(index, toDay)) - prefixAt(prefix, lastTransactionOnOrBefore(index, fromDay - 1));
}
