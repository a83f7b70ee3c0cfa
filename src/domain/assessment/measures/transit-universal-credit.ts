/**
 * §1 payments in transit, part 2: Universal Credit paid to the landlord. The latest `universal_credit`
 * entry `in_payment` with housingCostsTo landlord and from <= D; L the latest UC credit on or before D.
 * If D <= L + 1 month + grace: weekly equivalent × chargedWeeks(L − 7 days, D), capped at 6 weekly
 * equivalents. With no credit yet: counted from the day before `from` while D <= from + 1 month + 12 days.
 */
import { fromDayNumber } from '../../calendar/business-date';
import type { PolicyParameters } from '../../policy/policy-parameters';
import type { TraceFigures } from '../types';
import type { CaseIndex } from './case-index';
import { chargedWeeks } from './charged-weeks';
import { countAtOrBelow } from './search';

export function universalCreditInTransitOn(index: CaseIndex, policy: PolicyParameters, day: number, figures?: TraceFigures): number {
  let e = index.ucLandlordEntries.length;
  while (e > 0 && (index.ucLandlordEntries[e - 1] as { fromDay: number }).fromDay > day) e--;
  const entry = e > 0 ? index.ucLandlordEntries[e - 1] : undefined;
  if (entry === undefined) {
    if (figures) figures['entry'] = null;
    return 0;
  }
  const weekly = entry.weeklyEquivalentPence;
  const cap = 6 * weekly;
  const k = countAtOrBelow(index.ucCreditDays, day) - 1;
  let countFromDay: number;
  let lastCountedDay: number;
  if (k >= 0) {
    countFromDay = (index.ucCreditDays[k] as number) - 7;
    lastCountedDay = (index.ucCreditNextDays[k] as number) + policy.universalCreditGraceDays;
  } else {
    countFromDay = entry.fromDay - 1;
    lastCountedDay = entry.noCreditUntilDay;
  }
  const within = day <= lastCountedDay;
  const weeks = within ? chargedWeeks(index, countFromDay, day) : 0;
  const part = within ? Math.min(weekly * weeks, cap) : 0;
  if (figures) {
    figures['entryFrom'] = fromDayNumber(entry.fromDay);
    figures['ucWeeklyEquivalentPence'] = weekly;
    figures['lastCreditOn'] = k >= 0 ? fromDayNumber(index.ucCreditDays[k] as number) : null;
    figures['countedAfter'] = fromDayNumber(countFromDay);
    figures['countedUntil'] = fromDayNumber(lastCountedDay);
    figures['chargedWeeks'] = weeks;
    figures['capPence'] = cap;
    figures['partPence'] = part;
  }
  return part;
}
