/**
 * §8 priority (0–100; 0 for none): min(60, round(weeksInArrears × 6)) on the 2-decimal value, + 15
 * for apply_for_warrant, apply_to_fix_date, apply_to_restore, prepare_eviction or prepare_hearing,
 * + 10 when the notice in force has an expiresOn 0 to 56 days after asOf, + 10 when
 * balance(asOf) > balance(asOf − 28 days), + 5 when any vulnerability event is recorded; capped at 100.
 */
import { divideRoundHalfUp } from '../../money/pence';
import type { ActionCode, TraceFigures } from '../types';

const COURT_STAGE_ACTIONS: readonly ActionCode[] = ['apply_for_warrant', 'apply_to_fix_date', 'apply_to_restore', 'prepare_eviction', 'prepare_hearing'];

export interface PriorityInput {
  action: ActionCode;
  weeksHundredths: number;
  asOfDay: number;
  /** The notice in force's expiresOn (day number), or null. */
  noticeExpiresDay: number | null;
  balancePence: number;
  balance28DaysAgoPence: number;
  hasVulnerability: boolean;
}

export function computePriority(input: PriorityInput): { priority: number; figures: TraceFigures } {
  if (input.action === 'none') return { priority: 0, figures: { action: 'none' } };
  const arrearsPoints = Math.min(60, divideRoundHalfUp(input.weeksHundredths * 6, 100));
  const courtPoints = COURT_STAGE_ACTIONS.includes(input.action) ? 15 : 0;
  const daysToExpiry = input.noticeExpiresDay === null ? null : input.noticeExpiresDay - input.asOfDay;
  const expiryPoints = daysToExpiry !== null && daysToExpiry >= 0 && daysToExpiry <= 56 ? 10 : 0;
  const risingPoints = input.balancePence > input.balance28DaysAgoPence ? 10 : 0;
  const vulnerabilityPoints = input.hasVulnerability ? 5 : 0;
  const priority = Math.min(100, arrearsPoints + courtPoints + expiryPoints + risingPoints + vulnerabilityPoints);
  return { priority, figures: { arrearsPoints, courtPoints, daysToExpiry, expiryPoints, risingPoints, vulnerabilityPoints, priority } };
}
