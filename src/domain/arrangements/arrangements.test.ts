import { describe, expect, it } from 'vitest';
import { affordability, checkIncomeExpenditure, monthlyPence } from './income-expenditure';
import { instalmentDate, planArrangement } from './plan-arrangement';

describe('income and expenditure', () => {
  it('converts weekly to monthly at 52/12, half-up', () => {
    expect(monthlyPence({ amountPence: 10000, period: 'weekly' })).toBe(43333);
    expect(monthlyPence({ amountPence: 10000, period: 'monthly' })).toBe(10000);
  });

  it('computes the surplus and the largest instalment with its working', () => {
    const w = affordability([
      { category: 'earnings', amountPence: 150000, period: 'monthly' },
      { category: 'benefits_and_tax_credits', amountPence: 5000, period: 'weekly' },
      { category: 'council_tax', amountPence: 12000, period: 'monthly' },
      { category: 'food_and_housekeeping', amountPence: 8000, period: 'weekly' },
      { category: 'energy_arrears', amountPence: 2000, period: 'monthly' },
    ]);
    expect(w.monthlyIncomePence).toBe(150000 + 21667);
    expect(w.monthlySurplusPence).toBe(150000 + 21667 - 12000 - 34667 - 2000);
    expect(w.largestWeeklyInstalmentPence).toBe(Math.floor((w.monthlySurplusPence * 12) / 52));
    expect(w.working).toHaveLength(3);
  });

  it('never offers a negative instalment', () => {
    const w = affordability([{ category: 'utilities', amountPence: 1000, period: 'monthly' }]);
    expect(w.monthlySurplusPence).toBe(-1000);
    expect(w.largestMonthlyInstalmentPence).toBe(0);
  });

  it.each([
    [{ category: 'earnings', amountPence: -1, period: 'monthly' }, 'amountPence', 'cannot be negative'],
    [{ category: 'earnings', amountPence: 1.5, period: 'monthly' }, 'amountPence', 'whole number'],
    [{ category: 'lottery', amountPence: 1, period: 'monthly' }, 'category', 'not a Standard Financial Statement category'],
    [{ category: 'earnings', amountPence: 1, period: 'daily' }, 'period', 'weekly or monthly'],
  ] as const)('rejects %o', (line, field, message) => {
    const errors = checkIncomeExpenditure([line as never]);
    expect(errors[0]).toMatchObject({ line: 0, field });
    expect(errors[0]!.message).toContain(message);
  });
});

describe('planning an arrangement', () => {
  const base = { arrearsPence: 100000, instalmentPence: 1000, frequency: 'weekly' as const, startDate: '2026-11-30', asOf: '2026-11-23', largestAffordablePence: null };

  it.each([
    ['weekly', 2, '2026-12-14'],
    ['fortnightly', 2, '2026-12-28'],
    ['four_weekly', 1, '2026-12-28'],
    ['monthly', 2, '2027-01-30'],
  ] as const)('dates %s instalments', (frequency, k, date) => {
    expect(instalmentDate('2026-11-30', frequency, k)).toBe(date);
  });

  it('gives the day the arrears clear and the final instalment', () => {
    const plan = planArrangement({ ...base, arrearsPence: 10500 });
    expect(plan).toMatchObject({ instalments: 11, finalInstalmentPence: 500, clearsOn: '2027-02-08', problems: [] });
  });

  it.each([
    [{ instalmentPence: 0 }, 'instalmentPence', true],
    [{ startDate: '2026-11-22' }, 'startDate', true],
    [{ arrearsPence: 0 }, 'arrearsPence', true],
    [{ largestAffordablePence: 500 }, 'instalmentPence', false],
    [{ instalmentPence: 100 }, 'instalmentPence', false],
  ] as const)('flags %o', (change, field, refuse) => {
    const plan = planArrangement({ ...base, ...change });
    expect(plan.problems[0]).toMatchObject({ field, refuse });
  });
});
