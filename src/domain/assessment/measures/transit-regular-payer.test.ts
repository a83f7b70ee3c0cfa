import { describe, expect, it } from 'vitest';
import { aPayment, aTransaction } from '../../../../test/builders/case-file';
import { anIndex, day } from '../../../../test/builders/case-index';
import type { Transaction } from '../../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../../policy/default-policy';
import { classifyPayments } from './case-index';
import { regularPayerInTransitOn } from './transit-regular-payer';

function part(on: string, payments: Transaction[], weeklyPence = 10000): number {
  const index = anIndex({ asOf: '2026-12-31', charges: [{ from: '2020-01-06', weeklyPence }], transactions: payments });
  return regularPayerInTransitOn(index, DEFAULT_POLICY_PARAMETERS, day(on));
}

describe('regular payer class of three payments', () => {
  it.each([
    ['weekly 7, 7', ['2026-03-02', '2026-03-09', '2026-03-16'], 1],
    ['weekly 6, 8', ['2026-03-02', '2026-03-08', '2026-03-16'], 1],
    ['9 days is not weekly (nor fortnightly)', ['2026-03-02', '2026-03-09', '2026-03-18'], null],
    ['5 days is not weekly', ['2026-03-02', '2026-03-07', '2026-03-14'], null],
    ['fortnightly 12, 16', ['2026-03-02', '2026-03-14', '2026-03-30'], 2],
    ['fortnightly needs both gaps', ['2026-03-02', '2026-03-09', '2026-03-23'], null],
    ['four-weekly 26, 30', ['2026-03-02', '2026-03-28', '2026-04-27'], 4],
    ['four-weekly wins over monthly when both fit (28, 28)', ['2026-02-01', '2026-03-01', '2026-03-29'], 4],
    ['monthly: 31 then 30 days, on the same day of the month', ['2026-05-25', '2026-06-25', '2026-07-25'], 'monthly'],
    ['monthly: within 3 days of a month later', ['2026-01-31', '2026-03-03', '2026-04-06'], 'monthly'],
    ['monthly: 4 days late is not', ['2026-01-31', '2026-03-04', '2026-04-04'], null],
  ])('%s', (_name, dates, expected) => {
    const [a, b, c] = dates.map(day) as [number, number, number];
    expect(classifyPayments(a, b, c)).toBe(expected);
  });
});

describe('payments in transit: a regular payer', () => {
  const weekly = [aPayment('2026-03-02'), aPayment('2026-03-09'), aPayment('2026-03-16')];
  it.each([
    ['on the last payment day', '2026-03-16', 0],
    ['the next Monday (expected next)', '2026-03-23', 10000],
    ['expected next + 3 (grace)', '2026-03-26', 10000],
    ['expected next + 4', '2026-03-27', 0],
  ])('weekly: %s', (_name, on, expected) => {
    expect(part(on, weekly)).toBe(expected);
  });

  it('needs three payment credits', () => {
    expect(part('2026-03-23', weekly.slice(1))).toBe(0);
  });

  it.each([
    [9000, 10000, 10000], // 10 × 9000 = 9 × 10000: regular
    [8999, 10000, 0],
  ])('each payment at least 90%% of the charge: %i against %i', (paid, weeklyPence, expected) => {
    const payments = [aPayment('2026-03-02', 10000), aPayment('2026-03-09', paid), aPayment('2026-03-16', 10000)];
    expect(part('2026-03-23', payments, weeklyPence)).toBe(expected);
  });

  it('fortnightly: capped at 2 weeks; grace to +17', () => {
    const p = [aPayment('2026-03-02', 20000), aPayment('2026-03-16', 20000), aPayment('2026-03-30', 20000)];
    expect(part('2026-04-13', p)).toBe(20000);
    expect(part('2026-04-16', p)).toBe(20000);
    expect(part('2026-04-17', p)).toBe(0);
  });

  it.each([
    [39000, 50000],
    [38999, 0], // 10 × 38999 < 9 × 43333
  ])('monthly: charge is the monthly equivalent (43333), cap 5 weeks: first payment %i', (first, expected) => {
    // gaps 31 and 30: not four-weekly (26–30 for both), so monthly
    const p = [aPayment('2026-05-25', first), aPayment('2026-06-25', 43333), aPayment('2026-07-25', 43333)];
    expect(part('2026-08-28', p)).toBe(expected); // 08-25 + 3; Mondays 07-27 … 08-24 = 5 weeks
    expect(part('2026-08-29', p)).toBe(0);
  });

  it('four-weekly beats monthly when the gaps fit both (29, 30 days)', () => {
    const p = [aPayment('2026-01-30', 40000), aPayment('2026-02-28', 40000), aPayment('2026-03-30', 40000)];
    expect(part('2026-04-30', p)).toBe(40000); // next 04-27 + 3, capped at 4 weeks
    expect(part('2026-05-01', p)).toBe(0);
  });

  it('a reversal does not take a payment out of the three', () => {
    const p = [...weekly, aTransaction('reversal', '2026-03-17', 10000)];
    expect(part('2026-03-23', p)).toBe(10000);
  });
});
