import type { Pence } from '../money/pence';
import { divideRoundHalfUp } from '../money/pence';
import type { Frequency } from '../direct-debits/collection-schedule';

/**
 * A percentage as basis points (hundredths of a percent): `2.7` → 270, `-1.25` → -125. Up to two decimal
 * places, between -100 and +100. Null when not one.
 */
export function parsePercentToBasisPoints(text: string): number | null {
  const m = /^([+-]?)(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  const signed = m[1] === '-' ? -bp : bp;
  return signed >= -10000 && signed <= 10000 ? signed : null;
}

/** The new weekly charge: old × (1 + P%), rounded half-up to the penny (exact integer arithmetic). */
export function applyPercent(oldWeeklyPence: Pence, basisPoints: number): Pence {
  return divideRoundHalfUp(oldWeeklyPence * (10000 + basisPoints), 10000);
}

/**
 * The new direct-debit amount when the weekly charges change by `weeklyChangePence`: a weekly mandate
 * moves by the change itself; a monthly one by the change × 52 / 12, rounded half-up to the penny.
 */
export function newDirectDebitAmount(oldAmountPence: Pence, weeklyChangePence: Pence, frequency: Frequency): Pence {
  if (frequency === 'weekly') return oldAmountPence + weeklyChangePence;
  const sign = weeklyChangePence < 0 ? -1 : 1;
  return oldAmountPence + sign * divideRoundHalfUp(Math.abs(weeklyChangePence) * 52, 12);
}
