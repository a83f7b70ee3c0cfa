/**
 * §1 payments in transit, part 3: a regular payer (payment credits: how UC paid to the tenant reaches
 * the account). The three latest payment credits on or before D are regular when both gaps fit one
 * class (weekly 7±1, fortnightly 14±2, four-weekly 28±2, monthly: each within 3 days of one calendar
 * month after the one before; the first that fits wins) and each pays at least 90% (⚙) of one
 * interval's charge. If D <= expected next + grace: weekly charge × chargedWeeks(last payment, D),
 * capped at 1, 2, 4 or (monthly) 5 weekly charges.
 */
import { addMonthsToDayNumber, fromDayNumber } from '../../calendar/business-date';
import type { PolicyParameters } from '../../policy/policy-parameters';
import type { TraceFigures } from '../types';
import type { CaseIndex, PayerClass } from './case-index';
import { chargedWeeks } from './charged-weeks';
import { monthlyEquivalentPence } from './equivalents';
import { countAtOrBelow } from './search';
import { weeklyChargeOn } from './weekly-charge';

function intervalChargePence(payerClass: Exclude<PayerClass, null>, weeklyPence: number): number {
  return payerClass === 'monthly' ? monthlyEquivalentPence(weeklyPence) : weeklyPence * payerClass;
}

function capWeeks(payerClass: Exclude<PayerClass, null>): number {
  return payerClass === 'monthly' ? 5 : payerClass;
}

function classLabel(payerClass: PayerClass): string | null {
  switch (payerClass) {
    case 1:
      return 'weekly';
    case 2:
      return 'fortnightly';
    case 4:
      return 'four_weekly';
    case 'monthly':
      return 'monthly';
    default:
      return null;
  }
}

export function regularPayerInTransitOn(index: CaseIndex, policy: PolicyParameters, day: number, figures?: TraceFigures): number {
  const i = countAtOrBelow(index.paymentDays, day) - 1;
  const payerClass = i >= 2 ? (index.paymentClasses[i] as PayerClass) : null;
  if (figures) {
    figures['paymentCreditsSoFar'] = i + 1;
    figures['lastPaymentOn'] = i >= 0 ? fromDayNumber(index.paymentDays[i] as number) : null;
    figures['payerClass'] = classLabel(payerClass);
  }
  if (payerClass === null) return 0;
  const weeklyPence = weeklyChargeOn(index, day);
  const chargePence = intervalChargePence(payerClass, weeklyPence);
  const percent = policy.regularPayerMinimumPercent;
  for (let j = i - 2; j <= i; j++) {
    if (100 * (index.paymentPaidPence[j] as number) < percent * chargePence) {
      if (figures) {
        figures['intervalChargePence'] = chargePence;
        figures['underpaidPence'] = index.paymentPaidPence[j] as number;
        figures['partPence'] = 0;
      }
      return 0;
    }
  }
  const lastDay = index.paymentDays[i] as number;
  const expectedNextDay = payerClass === 'monthly' ? addMonthsToDayNumber(lastDay, 1) : lastDay + 7 * payerClass;
  const within = day <= expectedNextDay + policy.regularPayerGraceDays;
  const weeks = within ? chargedWeeks(index, lastDay, day) : 0;
  const part = within ? Math.min(weeklyPence * weeks, weeklyPence * capWeeks(payerClass)) : 0;
  if (figures) {
    figures['intervalChargePence'] = chargePence;
    figures['expectedNextOn'] = fromDayNumber(expectedNextDay);
    figures['countedUntil'] = fromDayNumber(expectedNextDay + policy.regularPayerGraceDays);
    figures['chargedWeeks'] = weeks;
    figures['capPence'] = weeklyPence * capWeeks(payerClass);
    figures['partPence'] = part;
  }
  return part;
}
