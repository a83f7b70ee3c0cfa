import { describe, expect, it } from 'vitest';
import { fromDayNumber } from '../../calendar/business-date';
import type { NoticeType, RentFrequency } from '../../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../../policy/default-policy';
import { day } from '../../../../test/builders/case-index';
import { noticeDatesFor, noticeTypeForTenure } from './notice-dates';
import { earliestByRentalPeriod, firstPeriodStartOnOrAfter } from './period-starts';

function periods(startDate: string, rentFrequency: RentFrequency) {
  return { startDay: day(startDate), rentFrequency };
}

describe('period starts', () => {
  it.each<[string, RentFrequency, string, string]>([
    ['2019-06-05', 'weekly', '2025-10-02', '2025-10-06'],
    ['2019-06-05', 'weekly', '2025-10-06', '2025-10-06'],
    // fortnightly from the first Monday on or after startDate (2026-01-07 → 2026-01-12), before and after it
    ['2026-01-07', 'fortnightly', '2026-01-27', '2026-02-09'],
    ['2026-01-07', 'fortnightly', '2026-01-26', '2026-01-26'],
    ['2026-01-07', 'fortnightly', '2025-12-28', '2025-12-29'],
    ['2026-01-07', 'four_weekly', '2026-02-10', '2026-03-09'],
    ['2026-01-07', 'four_weekly', '2025-12-14', '2025-12-15'],
    // monthly: startDate + k months, clamped
    ['2020-01-31', 'monthly', '2026-02-12', '2026-02-28'],
    ['2020-01-31', 'monthly', '2026-03-01', '2026-03-31'],
    ['2020-01-31', 'monthly', '2026-03-31', '2026-03-31'],
    ['2024-01-31', 'monthly', '2024-02-15', '2024-02-29'],
    ['2020-01-15', 'monthly', '2026-06-15', '2026-06-15'],
    ['2020-01-15', 'monthly', '2026-06-16', '2026-07-15'],
    ['2020-01-15', 'monthly', '2019-06-01', '2020-01-15'],
  ])('start %s %s, on or after %s: %s', (start, frequency, on, expected) => {
    expect(fromDayNumber(firstPeriodStartOnOrAfter(periods(start, frequency), day(on)))).toBe(expected);
  });

  it.each<[string, RentFrequency, string, string]>([
    ['2011-11-07', 'weekly', '2025-09-04', '2025-10-06'], // example 004: Thu + 28 = Thu 10-02 → Monday 10-06
    ['2011-11-07', 'weekly', '2026-10-12', '2026-11-09'], // a Monday + 28 is a Monday
    ['2026-01-07', 'fortnightly', '2026-02-01', '2026-03-09'], // + 28 = 03-01 → 03-09
    ['2020-01-15', 'monthly', '2026-03-10', '2026-04-15'], // + 28 = 04-07 → 04-15
    // monthly: never before the second period start on or after S (S + 28 falls on the first)
    ['2020-01-01', 'monthly', '2026-01-02', '2026-03-01'],
    ['2020-01-01', 'monthly', '2026-01-01', '2026-02-01'],
    ['2020-01-31', 'monthly', '2026-02-01', '2026-03-31'],
  ])('by rental period: start %s %s, served %s → %s', (start, frequency, servedOn, expected) => {
    expect(fromDayNumber(earliestByRentalPeriod(periods(start, frequency), day(servedOn)))).toBe(expected);
  });
});

describe('notice for the tenure and its dates', () => {
  it.each([
    ['secure', 'nosp'],
    ['flexible', 'nosp'],
    ['introductory', 'section_128'],
    ['assured', 'section_8'],
    ['starter', 'section_8'],
    ['licence', 'notice_to_quit'],
    ['non_secure', 'notice_to_quit'],
  ] as const)('%s → %s', (tenure, notice) => {
    expect(noticeTypeForTenure(tenure)).toBe(notice);
  });

  const weekly = periods('2011-11-07', 'weekly');
  it.each<[NoticeType, string, string | null, string, string | null]>([
    ['nosp', '2025-09-04', null, '2025-10-06', '2026-10-06'],
    ['section_128', '2025-09-04', null, '2025-10-06', null],
    ['notice_to_quit', '2025-09-04', null, '2025-10-06', null],
    ['section_8', '2025-09-04', null, '2025-09-18', '2026-09-04'],
    ['section_8', '2027-04-30', '2027-05-01', '2027-05-14', '2028-04-30'], // served the day before the switch-over
    ['section_8', '2027-05-01', '2027-05-01', '2027-05-29', '2028-05-01'], // on it: S + 28
    ['section_8', '2024-02-29', null, '2024-03-14', '2025-02-28'], // + 12 months clamped
  ])('%s served %s (switch-over %s): earliest %s, expires %s', (type, servedOn, switchOver, earliest, expires) => {
    const policy = { ...DEFAULT_POLICY_PARAMETERS, section8SwitchOverDate: switchOver };
    const dates = noticeDatesFor(type, day(servedOn), weekly, policy);
    expect(fromDayNumber(dates.earliestDay)).toBe(earliest);
    expect(dates.expiresDay === null ? null : fromDayNumber(dates.expiresDay)).toBe(expires);
  });
});
