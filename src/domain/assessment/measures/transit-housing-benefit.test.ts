import { describe, expect, it } from 'vitest';
import { aBenefit, anHbCredit } from '../../../../test/builders/case-file';
import { anIndex, day } from '../../../../test/builders/case-index';
import { DEFAULT_POLICY_PARAMETERS } from '../../policy/default-policy';
import type { BenefitEntry, Transaction } from '../../case-file/case-file';
import { housingBenefitInTransitOn } from './transit-housing-benefit';

const policy = DEFAULT_POLICY_PARAMETERS;

function hbPart(on: string, credits: Transaction[], entry: Partial<BenefitEntry> = {}): number {
  const index = anIndex({ asOf: '2026-12-31', transactions: credits, benefits: [aBenefit({ from: '2026-01-05', weeklyPence: 9000, paidEveryWeeks: 4, ...entry })] });
  return housingBenefitInTransitOn(index, policy, day(on));
}

// HB of 9000 a week (rent is 10000), paid every 4 weeks in arrears: a credit on Wed 2026-03-04 for the
// period to Sunday 2026-03-01. Expected next 03-04 + 28 = 04-01; grace to 04-08.
const credit = anHbCredit('2026-03-04', 36000, '2026-03-01');

describe('payments in transit: Housing Benefit', () => {
  it.each([
    ['on the credit day: the Monday 03-02 after periodTo counts', '2026-03-04', 9000],
    ['four weeks after periodTo', '2026-03-29', 36000],
    ['on the expected next date', '2026-04-01', 45000],
    ['last day of grace (expected next + 7): capped at 5 weeks', '2026-04-08', 45000],
    ['the day after the grace: nothing', '2026-04-09', 0],
  ])('%s', (_name, on, expected) => {
    expect(hbPart(on, [credit])).toBe(expected);
  });

  it('uses the HB award, not the rent, and caps at paidEveryWeeks + 1 weeks', () => {
    expect(hbPart('2026-04-06', [credit])).toBe(5 * 9000);
  });

  it('a missing periodTo is the day before the credit', () => {
    // counted after 03-03: Mondays 03-09, 03-16 by 03-16
    expect(hbPart('2026-03-16', [anHbCredit('2026-03-04', 36000, null)])).toBe(2 * 9000);
  });

  it('of two credits on one date, the later periodTo counts', () => {
    const credits = [anHbCredit('2026-03-04', 36000, '2026-03-01'), anHbCredit('2026-03-04', 9000, '2026-03-08')];
    // counted after 03-08 (Mondays 03-09 and 03-16), not after 03-01 (three Mondays)
    expect(hbPart('2026-03-16', credits)).toBe(2 * 9000);
    expect(hbPart('2026-03-16', [...credits].reverse())).toBe(2 * 9000);
  });

  it.each([
    ['missing', null, 2 * 9000],
    ['0', 0, 2 * 9000],
  ])('a %s paidEveryWeeks means 1 (cap 2 weeks, grace from 7 days)', (_name, paidEveryWeeks, expected) => {
    expect(hbPart('2026-03-16', [credit], { paidEveryWeeks })).toBe(expected);
    expect(hbPart('2026-03-18', [credit], { paidEveryWeeks })).toBe(expected); // 03-04 + 7 + 7
    expect(hbPart('2026-03-19', [credit], { paidEveryWeeks })).toBe(0);
  });

  it.each([
    ['before from', '2026-01-04', 0],
    ['on from (a Monday): that week', '2026-01-05', 9000],
    ['from + 7 × (paidEveryWeeks + 1) = from + 35: capped at 5 weeks', '2026-02-09', 45000],
    ['from + 36: nothing', '2026-02-10', 0],
  ])('with no credit yet: %s', (_name, on, expected) => {
    expect(hbPart(on, [])).toBe(expected);
  });

  it.each([
    ['an entry not in payment', { status: 'suspended' }],
    ['an entry starting after the day', { from: '2026-03-20' }],
    ['another benefit type', { type: 'universal_credit' }],
  ])('nothing for %s', (_name, entry) => {
    expect(hbPart('2026-03-16', [credit], entry)).toBe(0);
  });

  it('of several entries in payment, the latest from is used', () => {
    const index = anIndex({
      asOf: '2026-12-31',
      transactions: [credit],
      benefits: [aBenefit({ from: '2026-03-10', weeklyPence: 5000, paidEveryWeeks: 1 }), aBenefit({ from: '2026-01-05', weeklyPence: 9000, paidEveryWeeks: 4 })],
    });
    expect(housingBenefitInTransitOn(index, policy, day('2026-03-09'))).toBe(2 * 9000); // only the older one has started
    // the newer one: weekly, so grace to 03-04 + 7 + 7 = 03-18; 3 weeks since 03-01 capped at 2 × 5000
    expect(housingBenefitInTransitOn(index, policy, day('2026-03-16'))).toBe(10000);
    expect(housingBenefitInTransitOn(index, policy, day('2026-03-19'))).toBe(0);
  });
});
