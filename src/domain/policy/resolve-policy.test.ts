import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_DOCUMENT, DEFAULT_POLICY_PARAMETERS } from './default-policy';
import { guardrailRefusal } from './guardrail-keys';
import type { PolicyDocument } from './policy-parameters';
import { resolvePolicy } from './resolve-policy';

describe('the default policy', () => {
  it('has the ⚙ settings of recovery-policy.md version 1', () => {
    expect(DEFAULT_POLICY_DOCUMENT.version).toBe(1);
    expect(DEFAULT_POLICY_PARAMETERS).toMatchObject({
      housingBenefitGraceDays: 7,
      universalCreditGraceDays: 5,
      regularPayerGraceDays: 3,
      regularPayerMinimumPercent: 90,
      claimThresholdWeeks: 8,
      arrangementReviewDays: 14,
      preIssueWarningDays: 14,
      section8SwitchOverDate: null,
      ftaLetterWaitDays: 28,
      uneconomicBalancePence: 5000,
      noticeChecklist: ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'],
    });
    expect(DEFAULT_POLICY_PARAMETERS.ladder.map((s) => [s.action, s.minWeeksInArrears, s.minDaysSincePrevious])).toEqual([
      ['send_letter_1', 1, null],
      ['send_letter_2', 2, 7],
      ['home_visit', 3, 7],
      ['send_final_warning', 4, 7],
      ['serve_notice', 4, 14],
    ]);
  });

  it('resolves to the defaults for every tenure', () => {
    expect(resolvePolicy(DEFAULT_POLICY_DOCUMENT, 'assured', 'private_registered_provider')).toEqual(DEFAULT_POLICY_PARAMETERS);
  });
});

describe('resolvePolicy', () => {
  const document: PolicyDocument = {
    version: 3,
    name: 'Testshire',
    parameters: { claimThresholdWeeks: 10 },
    overrides: [
      { landlordType: 'private_registered_provider', parameters: { section8SwitchOverDate: '2027-05-01', claimThresholdWeeks: 9 } },
      { tenure: 'starter', landlordType: 'private_registered_provider', parameters: { claimThresholdWeeks: 6 } },
      { tenure: 'starter', parameters: { claimThresholdWeeks: 7, uneconomicBalancePence: 1000 } },
    ],
  };

  it.each([
    ['secure', 'local_authority', 10, null, 5000],
    ['assured', 'private_registered_provider', 9, '2027-05-01', 5000],
    ['starter', 'local_authority', 7, null, 1000],
    // the override naming both tenure and landlord type is the most specific: applied last
    ['starter', 'private_registered_provider', 6, '2027-05-01', 1000],
  ] as const)('%s / %s', (tenure, landlordType, claimThresholdWeeks, switchOver, uneconomic) => {
    const p = resolvePolicy(document, tenure, landlordType);
    expect(p.claimThresholdWeeks).toBe(claimThresholdWeeks);
    expect(p.section8SwitchOverDate).toBe(switchOver);
    expect(p.uneconomicBalancePence).toBe(uneconomic);
    expect(p.housingBenefitGraceDays).toBe(7);
  });

  it('words the guardrail refusal', () => {
    expect(guardrailRefusal('breathingSpace')).toMatch(/^⚖ guardrail "breathingSpace" .*cannot be changed by a policy document$/);
  });
});
