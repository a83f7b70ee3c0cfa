/**
 * §1: technicalArrears(D) = min(arrears(D), sum of the three parts in transit);
 * realArrears(D) = arrears(D) − technicalArrears(D); weeksInArrears rounded half-up to 2 decimals.
 */
import { divideRoundHalfUp } from '../../money/pence';
import type { PolicyParameters } from '../../policy/policy-parameters';
import { cashArrearsOn } from './balance';
import type { CaseIndex } from './case-index';
import { housingBenefitInTransitOn } from './transit-housing-benefit';
import { regularPayerInTransitOn } from './transit-regular-payer';
import { universalCreditInTransitOn } from './transit-universal-credit';

export interface TransitParts {
  housingBenefitPence: number;
  universalCreditPence: number;
  regularPayerPence: number;
  totalPence: number;
}

export function transitPartsOn(index: CaseIndex, policy: PolicyParameters, day: number): TransitParts {
  const housingBenefitPence = housingBenefitInTransitOn(index, policy, day);
  const universalCreditPence = universalCreditInTransitOn(index, policy, day);
  const regularPayerPence = regularPayerInTransitOn(index, policy, day);
  return { housingBenefitPence, universalCreditPence, regularPayerPence, totalPence: housingBenefitPence + universalCreditPence + regularPayerPence };
}

/** The sum of the three parts (not capped by arrears). */
export function transitTotalOn(index: CaseIndex, policy: PolicyParameters, day: number): number {
  return housingBenefitInTransitOn(index, policy, day) + universalCreditInTransitOn(index, policy, day) + regularPayerInTransitOn(index, policy, day);
}

/** technicalArrears from arrears and the parts' sum (a negative sum, from a negative award, counts as 0). */
export function technicalArrears(arrearsPence: number, transitTotalPence: number): number {
  return Math.min(arrearsPence, Math.max(0, transitTotalPence));
}

export function realArrearsOn(index: CaseIndex, policy: PolicyParameters, day: number): number {
  const arrears = cashArrearsOn(index, day);
  if (arrears === 0) return 0;
  return arrears - technicalArrears(arrears, transitTotalOn(index, policy, day));
}

/** weeksInArrears in hundredths of a week (0.995 → 100); 0 with no (or a negative) weekly charge. */
export function weeksInArrearsHundredths(realArrearsPence: number, weeklyChargePence: number): number {
  if (weeklyChargePence <= 0) return 0;
  return divideRoundHalfUp(realArrearsPence * 100, weeklyChargePence);
}
