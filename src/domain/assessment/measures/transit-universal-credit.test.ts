import { describe, expect, it } from 'vitest';
import { aBenefit, aUcCredit } from '../../../../test/builders/case-file';
import { anIndex, day } from '../../../../test/builders/case-index';
import type { BenefitEntry, Transaction } from '../../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../../policy/default-policy';
import { universalCreditWeeklyEquivalentPence } from './equivalents';
import { universalCreditInTransitOn } from './transit-universal-credit';

function ucPart(on: string, credits: Transaction[], entry: Partial<BenefitEntry> = {}): number {
  const benefits = [
    aBenefit({ type: 'universal_credit', from: '2026-01-15', housingCostsTo: 'landlord', monthlyHousingPence: 52000, weeklyPence: null, paidEveryWeeks: null, ...entry }),
  ];
  return universalCreditInTransitOn(anIndex({ asOf: '2026-12-31', transactions: credits, benefits }), DEFAULT_POLICY_PARAMETERS, day(on));
}

describe('payments in transit: Universal Credit paid to the landlord', () => {
  it.each([
    [52000, 12000],
    [50000, 11538], // 11538.46
    [50050, 11550], // 11550.00
    [50028, 11545], // 11545.0 → exactly
    [50030, 11545], // 11545.38
    [50032, 11546], // 11545.85
  ])('weekly equivalent of %i a month is %i', (monthly, weekly) => {
    expect(universalCreditWeeklyEquivalentPence(monthly)).toBe(weekly);
  });

  // A credit on Fri 2026-01-30; expected next 02-28; grace to 03-05. Counted after 01-23.
  const credit = aUcCredit('2026-01-30', 52000);
  it.each([
    ['on the credit day: Monday 01-26 since 01-23', '2026-01-30', 12000],
    ['three weeks later', '2026-02-16', 4 * 12000],
    ['last day of grace (next + 5): 6 Mondays, cap 6', '2026-03-05', 6 * 12000],
    ['the day after the grace', '2026-03-06', 0],
  ])('%s', (_name, on, expected) => {
    expect(ucPart(on, [credit])).toBe(expected);
  });

  it('a credit on the 31st: the next is due on the last day of the shorter month', () => {
    const late = aUcCredit('2026-01-31', 52000);
    expect(ucPart('2026-03-05', [late])).toBeGreaterThan(0); // 02-28 + 5
    expect(ucPart('2026-03-06', [late])).toBe(0);
  });

  it.each([
    ['on from', '2026-01-15', 0], // Thursday: no Monday yet
    ['the Monday after from', '2026-01-19', 12000],
    ['from + 1 month + 12 days', '2026-02-27', 6 * 12000],
    ['a day later', '2026-02-28', 0],
  ])('with no credit yet: %s', (_name, on, expected) => {
    expect(ucPart(on, [])).toBe(expected);
  });

  it.each([
    ['paid to the tenant', { housingCostsTo: 'tenant' }],
    ['housingCostsTo missing', { housingCostsTo: null }],
    ['claimed, not in payment', { status: 'claimed' }],
  ])('nothing when %s', (_name, entry) => {
    expect(ucPart('2026-02-16', [credit], entry)).toBe(0);
  });
});
