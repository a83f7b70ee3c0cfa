import { describe, expect, it } from 'vitest';
import { firstInstalments, watchInstalments, type InstalmentWatchInput } from './monitoring';
import { nextHbPaymentDay, nextUcPaymentDay, suggestStartDates, usualPaymentWeekday } from './pay-days';

/**
 * £10 a week from Monday 2026-11-30 on top of £100 rent charged every Monday. The tenant pays the rent
 * and the instalment (£110) on each Monday they pay.
 */
const base = (asOf: string, paidPence: number, chargesPence: number, transitPence = 0): InstalmentWatchInput => ({
  startDate: '2026-11-30',
  frequency: 'weekly',
  instalmentPence: 1000,
  asOf,
  chargesPence,
  paidPence,
  transitPence,
});

describe('early warning over the schedule and the payments', () => {
  it.each([
    // asOf,        paid,  charges, state,         daysLate, lateOn,        breaksOn
    ['2026-11-29', 0, 0, 'not_started', null, null, null],
    ['2026-11-30', 11000, 10000, 'on_track', null, null, null],
    ['2026-11-30', 0, 10000, 'broken', null, null, null], // the rent itself unpaid too: over the tolerance at once
    ['2026-11-30', 10000, 10000, 'late', 0, '2026-11-30', '2026-12-07'], // rent paid, instalment not: late on its day
    ['2026-12-06', 10000, 10000, 'late', 6, '2026-11-30', '2026-12-07'], // the last day before it breaks
    ['2026-12-07', 21000, 20000, 'late', 0, '2026-12-07', '2026-12-14'], // one instalment paid of two: the second is late
    ['2026-12-07', 20000, 20000, 'broken', null, null, null], // the next instalment date passes unpaid: broken
    ['2026-12-07', 22000, 20000, 'on_track', null, null, null],
  ] as const)('on %s with %i paid against %i charged: %s', (asOf, paid, charges, state, daysLate, lateOn, breaksOn) => {
    const w = watchInstalments(base(asOf, paid, charges));
    expect(w.state).toBe(state);
    if (w.state === 'late') {
      expect(w.daysLate).toBe(daysLate);
      expect(w.lateInstalmentOn).toBe(lateOn);
      expect(w.breaksOn).toBe(breaksOn);
      expect(w.tolerancePence).toBe(1000);
    }
  });

  it('counts payments in transit in the tolerance, as the compliance rule does', () => {
    expect(watchInstalments(base('2026-12-07', 20000, 20000, 1000)).state).toBe('late');
  });

  it('lists the first instalments with the smaller final one', () => {
    expect(firstInstalments({ startDate: '2026-01-31', frequency: 'monthly', instalmentPence: 5000, instalments: 3, finalInstalmentPence: 1234 }, 6)).toEqual([
      { dueOn: '2026-01-31', amountPence: 5000 },
      { dueOn: '2026-02-28', amountPence: 5000 },
      { dueOn: '2026-03-31', amountPence: 1234 },
    ]);
  });
});

describe('start dates on the pay day', () => {
  it.each([
    // asOf, assessment period start day, UC payment day (7 days after the period ends)
    ['2026-11-23', 10, '2026-12-16'],
    ['2026-11-23', 17, '2026-11-23'],
    ['2026-11-24', 17, '2026-12-23'],
    ['2026-11-23', 31, '2026-12-06'], // 30 November (clamped) + 6
  ] as const)('UC: on %s with the period starting on day %i → %s', (asOf, day, expected) => {
    expect(nextUcPaymentDay(asOf, day)).toBe(expected);
  });

  it.each([
    ['2026-11-23', '2026-11-02', 2, '2026-11-30'],
    ['2026-11-30', '2026-11-02', 2, '2026-11-30'],
    ['2026-11-23', '2026-12-01', 4, '2026-12-01'],
  ] as const)('HB: on %s from %s every %i weeks → %s', (asOf, from, weeks, expected) => {
    expect(nextHbPaymentDay(asOf, from, weeks)).toBe(expected);
  });

  it('takes the weekday paid on most often, else nothing', () => {
    expect(usualPaymentWeekday(['2026-11-20', '2026-11-13', '2026-11-09'])).toBe(4); // Fridays
    expect(usualPaymentWeekday([])).toBeNull();
  });

  it('offers UC, HB and the usual weekday, without repeats', () => {
    const s = suggestStartDates('2026-11-23', { ucAssessmentPeriodStartDay: 10, housingBenefit: null, recentPaymentDates: ['2026-11-20', '2026-11-13'] });
    expect(s.map((x) => x.date)).toEqual(['2026-12-16', '2026-11-27']);
    expect(s[1]!.reason).toContain('Friday');
  });
});
