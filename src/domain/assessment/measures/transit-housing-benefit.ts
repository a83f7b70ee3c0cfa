/**
 * §1 payments in transit, part 1: Housing Benefit. The latest `housing_benefit` entry `in_payment`
 * with from <= D; L the latest HB credit on or before D. If D <= L + 7 × paidEveryWeeks + grace:
 * weeklyPence × chargedWeeks(L.periodTo, D), capped at weeklyPence × (paidEveryWeeks + 1). With no
 * credit yet: counted from the day before `from` while D <= from + 7 × (paidEveryWeeks + 1).
 * `weeklyPence` is the HB entry's own weekly award (as the UC part uses the UC award).
 */
import { fromDayNumber } from '../../calendar/business-date';
import type { PolicyParameters } from '../../policy/policy-parameters';
import type { TraceFigures } from '../types';
import type { CaseIndex } from './case-index';
import { chargedWeeks } from './charged-weeks';
import { countAtOrBelow } from './search';

export function housingBenefitInTransitOn(index: CaseIndex, policy: PolicyParameters, day: number, figures?: TraceFigures): number {
  let e = index.hbEntries.length;
  while (e > 0 && (index.hbEntries[e - 1] as { fromDay: number }).fromDay > day) e--;
  const entry = e > 0 ? index.hbEntries[e - 1] : undefined;
  if (entry === undefined) {
    if (figures) figures['entry'] = null;
    return 0;
  }
  const cap = entry.weeklyPence * (entry.paidEveryWeeks + 1);
  const k = countAtOrBelow(index.hbCreditDays, day) - 1;
  let countFromDay: number;
  let lastCountedDay: number;
  if (k >= 0) {
    countFromDay = index.hbCreditPeriodToDays[k] as number;
    lastCountedDay = (index.hbCreditDays[k] as number) + 7 * entry.paidEveryWeeks + policy.housingBenefitGraceDays;
  } else {
    countFromDay = entry.fromDay - 1;
    lastCountedDay = entry.fromDay + 7 * (entry.paidEveryWeeks + 1);
  }
  const within = day <= lastCountedDay;
  const weeks = within ? chargedWeeks(index, countFromDay, day) : 0;
  const part = within ? Math.min(entry.weeklyPence * weeks, cap) : 0;
  if (figures) {
    figures['entryFrom'] = fromDayNumber(entry.fromDay);
    figures['hbWeeklyPence'] = entry.weeklyPence;
    figures['paidEveryWeeks'] = entry.paidEveryWeeks;
    figures['lastCreditOn'] = k >= 0 ? fromDayNumber(index.hbCreditDays[k] as number) : null;
    figures['countedAfter'] = fromDayNumber(countFromDay);
    figures['countedUntil'] = fromDayNumber(lastCountedDay);
    figures['chargedWeeks'] = weeks;
    figures['capPence'] = cap;
    figures['partPence'] = part;
  }
  return part;
}
