import { describe, expect, it } from 'vitest';
import { chargesDue, type ChargeInputs } from './charges-due';

const base: ChargeInputs = {
  startDate: '2026-01-05', // a Monday
  endDate: null,
  schedule: [{ subAccount: 'rent', effectiveFrom: '2026-01-05', weeklyPence: 10000 }],
  rentFreeWeeks: new Set(),
};

describe('chargesDue', () => {
  it('charges every Monday up to asOf', () => {
    const due = chargesDue(base, null, '2026-01-26');
    expect(due.map((d) => [d.businessDate, d.amountPence])).toEqual([
      ['2026-01-05', 10000],
      ['2026-01-12', 10000],
      ['2026-01-19', 10000],
      ['2026-01-26', 10000],
    ]);
  });

  it('posts nothing already charged (idempotent by position)', () => {
    expect(chargesDue(base, '2026-01-26', '2026-01-26')).toEqual([]);
    expect(chargesDue(base, '2026-01-19', '2026-01-27').map((d) => d.weekCommencing)).toEqual(['2026-01-26']);
  });

  it('skips rent-free weeks', () => {
    const due = chargesDue({ ...base, rentFreeWeeks: new Set(['2026-01-12']) }, null, '2026-01-19');
    expect(due.map((d) => d.weekCommencing)).toEqual(['2026-01-05', '2026-01-19']);
  });

  it.each([
    // start Wednesday: Wed–Sun = 5 days of 10000/7 = 7142.86 → 7143
    ['2026-01-07', null, '2026-01-07', 5, 7143],
    // start Sunday: 1 day = 1428.57 → 1429
    ['2026-01-11', null, '2026-01-11', 1, 1429],
  ])('pro-rates a first part-week (start %s)', (startDate, endDate, postedOn, days, amountPence) => {
    const due = chargesDue({ ...base, startDate, endDate, schedule: [{ subAccount: 'rent', effectiveFrom: startDate, weeklyPence: 10000 }] }, null, '2026-01-11');
    expect(due[0]).toMatchObject({ businessDate: postedOn, days, amountPence });
  });

  it('pro-rates a last part-week and stops at the end date', () => {
    const due = chargesDue({ ...base, endDate: '2026-01-13' }, null, '2026-02-01');
    expect(due.map((d) => [d.weekCommencing, d.days, d.amountPence])).toEqual([
      ['2026-01-05', 7, 10000],
      ['2026-01-12', 2, 2857],
    ]);
  });

  it('applies the schedule entry in force and each sub-account', () => {
    const due = chargesDue(
      {
        ...base,
        schedule: [
          { subAccount: 'rent', effectiveFrom: '2026-01-05', weeklyPence: 10000 },
          { subAccount: 'rent', effectiveFrom: '2026-01-12', weeklyPence: 10500 },
          { subAccount: 'service_charge', effectiveFrom: '2026-01-05', weeklyPence: 700 },
        ],
      },
      null,
      '2026-01-12',
    );
    expect(due.map((d) => [d.weekCommencing, d.subAccount, d.amountPence])).toEqual([
      ['2026-01-05', 'rent', 10000],
      ['2026-01-05', 'service_charge', 700],
      ['2026-01-12', 'rent', 10500],
      ['2026-01-12', 'service_charge', 700],
    ]);
  });
});
