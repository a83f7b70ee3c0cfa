import { describe, expect, it } from 'vitest';
import { creditsForChargesAfterEnd, type PostedCharge } from './charges-after-end';
import type { ChargeInputs } from './charges-due';

const inputs: ChargeInputs = {
  startDate: '2020-04-06',
  endDate: null,
  schedule: [
    { subAccount: 'rent', effectiveFrom: '2020-04-06', weeklyPence: 10000 },
    { subAccount: 'service_charge', effectiveFrom: '2020-04-06', weeklyPence: 700 },
  ],
  rentFreeWeeks: new Set(),
};

/** The daily run's charges: every Monday, a full week of each sub-account. */
function weeklyCharges(mondays: readonly string[], subAccounts: readonly ('rent' | 'service_charge')[] = ['rent']): PostedCharge[] {
  let id = 100;
  return mondays.flatMap((m) => subAccounts.map((s) => ({ id: id++, subAccount: s, businessDate: m, amountPence: s === 'rent' ? 10000 : 700, reversedPence: 0 })));
}

const summary = (endDate: string, posted: PostedCharge[], overrides: Partial<ChargeInputs> = {}) =>
  creditsForChargesAfterEnd({ ...inputs, ...overrides, endDate }, posted).map((c) => [c.reversesId, c.subAccount, c.businessDate, c.amountPence, c.daysAfterEnd]);

describe('credits for charges after a tenancy ended', () => {
  it.each([
    // end date (Mon 23 Nov 2026 is a Monday), charges posted, credits [charge id, sub-account, date, pence, days after the end]
    ['ends on the Wednesday: Mon–Wed due (3/7 of 10000 = 4285.71 → 4286), 4 days credited', '2026-11-25', ['2026-11-16', '2026-11-23'], [[101, 'rent', '2026-11-23', -5714, 4]]],
    ['ends on the Monday: that day due (1429), 6 days credited', '2026-11-23', ['2026-11-23'], [[100, 'rent', '2026-11-23', -8571, 6]]],
    ['ends on the Sunday: the whole week was due', '2026-11-29', ['2026-11-16', '2026-11-23'], []],
    ['recorded late: the end week pro rata, the week after it whole', '2026-11-18', ['2026-11-09', '2026-11-16', '2026-11-23'], [[101, 'rent', '2026-11-16', -5714, 4], [102, 'rent', '2026-11-23', -10000, 7]]],
    ['the end week not yet charged: nothing to credit', '2026-11-25', ['2026-11-16'], []],
  ] as const)('%s', (_why, endDate, mondays, expected) => {
    expect(summary(endDate, weeklyCharges(mondays))).toEqual(expected);
  });

  it('credits every sub-account charged, each by its own weekly charge (700 × 4/7 = 400)', () => {
    expect(summary('2026-11-25', weeklyCharges(['2026-11-23'], ['rent', 'service_charge']))).toEqual([
      [100, 'rent', '2026-11-23', -5714, 4],
      [101, 'service_charge', '2026-11-23', -400, 4],
    ]);
  });

  it('counts reversals already posted against a charge, and never adds a charge', () => {
    const partly: PostedCharge[] = [{ id: 7, subAccount: 'rent', businessDate: '2026-11-23', amountPence: 10000, reversedPence: -2000 }];
    expect(summary('2026-11-25', partly)).toEqual([[7, 'rent', '2026-11-23', -3714, 4]]);
    const whollyReversed: PostedCharge[] = [{ id: 8, subAccount: 'rent', businessDate: '2026-11-23', amountPence: 10000, reversedPence: -10000 }];
    expect(summary('2026-11-25', whollyReversed)).toEqual([]);
  });

  it('keeps what was due from the earliest charge of a week and credits the rest from the later ones', () => {
    const two: PostedCharge[] = [
      { id: 21, subAccount: 'rent', businessDate: '2026-11-23', amountPence: 3000, reversedPence: 0 },
      { id: 20, subAccount: 'rent', businessDate: '2026-11-23', amountPence: 10000, reversedPence: 0 },
    ];
    expect(summary('2026-11-25', two)).toEqual([[21, 'rent', '2026-11-23', -3000, 4], [20, 'rent', '2026-11-23', -5714, 4]].sort((a, b) => (a[0] as number) - (b[0] as number)));
  });

  it('uses the charge in force in the end week, and a rent-free end week has nothing due', () => {
    const withRise = { schedule: [...inputs.schedule, { subAccount: 'rent' as const, effectiveFrom: '2026-11-23', weeklyPence: 14000 }] };
    const risen: PostedCharge[] = [{ id: 1, subAccount: 'rent', businessDate: '2026-11-23', amountPence: 14000, reversedPence: 0 }];
    expect(summary('2026-11-25', risen, withRise)).toEqual([[1, 'rent', '2026-11-23', -8000, 4]]); // 3/7 of 14000 = 6000 due
    const charged: PostedCharge[] = [{ id: 2, subAccount: 'rent', businessDate: '2026-11-23', amountPence: 10000, reversedPence: 0 }];
    expect(summary('2026-11-25', charged, { rentFreeWeeks: new Set(['2026-11-23']) })).toEqual([[2, 'rent', '2026-11-23', -10000, 4]]);
  });

  it('leaves charges before the end week alone', () => {
    expect(summary('2026-11-25', weeklyCharges(['2026-11-02', '2026-11-09', '2026-11-16']))).toEqual([]);
  });
});
