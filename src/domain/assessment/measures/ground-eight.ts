/**
 * §2 ground 8 test, on rent arrears (§1) on asOf, by the section 8 row of the date of service:
 * before the switch-over date: rent arrears >= 8 × weekly charge (monthly rent: 2 × monthly equivalent);
 * on or after it: rent arrears less the UC part of payments in transit >= 13 × weekly charge (monthly
 * rent: 3 × monthly equivalent). "The UC part" is part 2 (Universal Credit paid to the landlord).
 */
import type { RentFrequency } from '../../case-file/case-file';
import type { PolicyParameters } from '../../policy/policy-parameters';
import { monthlyEquivalentPence } from './equivalents';
import { isAfterSection8SwitchOver } from './notice-dates';

export interface GroundEightFigures {
  rentArrearsPence: number;
  universalCreditInTransitPence: number;
  weeklyChargePence: number;
  rentFrequency: RentFrequency;
}

export interface GroundEightTest {
  met: boolean;
  afterSwitchOver: boolean;
  comparedPence: number;
  thresholdPence: number;
}

export function groundEightTest(policy: PolicyParameters, servedOnDay: number, f: GroundEightFigures): GroundEightTest {
  const afterSwitchOver = isAfterSection8SwitchOver(policy, servedOnDay);
  const comparedPence = afterSwitchOver ? f.rentArrearsPence - f.universalCreditInTransitPence : f.rentArrearsPence;
  const thresholdPence =
    f.rentFrequency === 'monthly'
      ? (afterSwitchOver ? 3 : 2) * monthlyEquivalentPence(f.weeklyChargePence)
      : (afterSwitchOver ? 13 : 8) * f.weeklyChargePence;
  return { met: comparedPence >= thresholdPence, afterSwitchOver, comparedPence, thresholdPence };
}
