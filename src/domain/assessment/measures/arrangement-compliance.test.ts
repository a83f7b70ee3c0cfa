import { describe, expect, it } from 'vitest';
import { aCharge, aPayment, aTransaction } from '../../../../test/builders/case-file';
import { anIndex, day } from '../../../../test/builders/case-index';
import type { Transaction } from '../../case-file/case-file';
import { assessCompliance, countInstalmentDates, instalmentFrequency, type InstalmentFrequency } from './arrangement-compliance';

describe('instalment dates from the start to asOf inclusive', () => {
  it.each<[string, string, InstalmentFrequency, number]>([
    ['2026-05-04', '2026-06-29', 'weekly', 9],
    ['2026-05-04', '2026-06-28', 'weekly', 8],
    ['2026-05-04', '2026-05-04', 'weekly', 1],
    ['2026-05-04', '2026-05-03', 'weekly', 0],
    ['2026-05-04', '2026-06-01', 'fortnightly', 3],
    ['2026-05-04', '2026-05-31', 'four_weekly', 1],
    ['2026-05-04', '2026-06-01', 'four_weekly', 2],
    ['2025-04-25', '2025-08-06', 'monthly', 4],
    ['2025-04-25', '2025-08-24', 'monthly', 4],
    ['2025-04-25', '2025-08-25', 'monthly', 5],
    // the 31st: 02-28, 03-31, 04-30 (each counted from the start date itself)
    ['2026-01-31', '2026-02-27', 'monthly', 1],
    ['2026-01-31', '2026-02-28', 'monthly', 2],
    ['2026-01-31', '2026-03-30', 'monthly', 2],
    ['2026-01-31', '2026-03-31', 'monthly', 3],
    ['2026-01-31', '2026-04-30', 'monthly', 4],
  ])('from %s to %s %s: %i', (start, to, frequency, expected) => {
    expect(countInstalmentDates(day(start), day(to), frequency)).toBe(expected);
  });

  it.each([
    ['weekly', 'weekly'],
    ['monthly', 'monthly'],
    [null, 'weekly'],
    ['quarterly', 'weekly'],
  ])('frequency %s means %s', (value, expected) => {
    expect(instalmentFrequency(value)).toBe(expected);
  });
});

describe('arrangement compliance', () => {
  // 2000 a week on top of 10000 rent from Monday 2026-05-04; asOf Monday 05-18: 3 instalment dates.
  const charges = [aCharge('2026-05-04'), aCharge('2026-05-11'), aCharge('2026-05-18')];
  function compliance(payments: Transaction[], transitPence = 0) {
    const index = anIndex({ asOf: '2026-05-18', transactions: [aCharge('2026-04-27'), ...charges, ...payments] });
    return assessCompliance(index, day('2026-05-04'), 2000, 'weekly', transitPence);
  }

  it('all paid: kept, shortfall ≤ 0', () => {
    const c = compliance([aPayment('2026-05-04', 12000), aPayment('2026-05-11', 12000), aPayment('2026-05-18', 12000)]);
    expect(c).toMatchObject({ status: 'kept', requiredPence: 36000, paidPence: 36000, shortfallPence: 0 });
  });

  it.each([
    [34000, 0, 'kept'], // shortfall 2000 = one instalment
    [33999, 0, 'broken'],
    [24000, 10000, 'kept'], // 12000 short: instalment + 10000 in transit
    [23999, 10000, 'broken'],
  ])('paid %i with %i in transit: %s', (paid, transit, status) => {
    expect(compliance([aPayment('2026-05-18', paid)], transit).status).toBe(status);
  });

  it('counts credits of any kind, takes positive reversals off, ignores other debits and charges before the start', () => {
    const c = compliance([
      aPayment('2026-05-04', 12000),
      aTransaction('benefit', '2026-05-11', -12000, { method: 'housing_benefit' }),
      aTransaction('adjustment', '2026-05-18', -12000),
      aTransaction('reversal', '2026-05-18', 5000),
      aTransaction('court_costs', '2026-05-18', 30000),
      aPayment('2026-05-03', 99999),
    ]);
    expect(c).toMatchObject({ chargesPence: 30000, requiredPence: 36000, paidPence: 31000, shortfallPence: 5000, status: 'broken' });
  });
});
