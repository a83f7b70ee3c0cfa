/**
 * §2 table: the notice for each tenure and the dates of a notice served on S.
 *   nosp:            earliest = by rental period;  expires = earliest + 12 months
 *   section_128:     earliest = by rental period;  expires = null
 *   notice_to_quit:  earliest = by rental period;  expires = null
 *   section_8:       earliest = S + 14 days (served before the switch-over date, or while it is unset)
 *                    or S + 28 days (on or after it);  expires = S + 12 months
 */
import { addMonthsToDayNumber, toDayNumber } from '../../calendar/business-date';
import type { NoticeType, Tenure } from '../../case-file/case-file';
import type { PolicyParameters } from '../../policy/policy-parameters';
import { earliestByRentalPeriod, type RentalPeriods } from './period-starts';

export function noticeTypeForTenure(tenure: Tenure): NoticeType {
  switch (tenure) {
    case 'secure':
    case 'flexible':
      return 'nosp';
    case 'introductory':
      return 'section_128';
    case 'assured':
    case 'starter':
      return 'section_8';
    case 'licence':
    case 'non_secure':
      return 'notice_to_quit';
  }
}

/** The section 8 row is chosen by the date of service; while the switch-over date is unset, the first. */
export function isAfterSection8SwitchOver(policy: PolicyParameters, servedOnDay: number): boolean {
  return policy.section8SwitchOverDate !== null && servedOnDay >= toDayNumber(policy.section8SwitchOverDate);
}

export interface NoticeDates {
  earliestDay: number;
  /** Before any breathing-space move; null: the notice does not lapse. */
  expiresDay: number | null;
}

export function noticeDatesFor(type: NoticeType, servedOnDay: number, periods: RentalPeriods, policy: PolicyParameters): NoticeDates {
  switch (type) {
    case 'nosp': {
      const earliestDay = earliestByRentalPeriod(periods, servedOnDay);
      return { earliestDay, expiresDay: addMonthsToDayNumber(earliestDay, 12) };
    }
    case 'section_128':
    case 'notice_to_quit':
      return { earliestDay: earliestByRentalPeriod(periods, servedOnDay), expiresDay: null };
    case 'section_8':
      return {
        earliestDay: servedOnDay + (isAfterSection8SwitchOver(policy, servedOnDay) ? 28 : 14),
        expiresDay: addMonthsToDayNumber(servedOnDay, 12),
      };
  }
}
