import type { PolicyDocument, PolicyParameters } from './policy-parameters';

/** The ⚙ settings of docs/recovery-policy.md, version 1, exactly as written there. */
const defaults: PolicyParameters = {
  housingBenefitGraceDays: 7,
  universalCreditGraceDays: 5,
  regularPayerGraceDays: 3,
  regularPayerMinimumPercent: 90,
  ladder: [
    { action: 'send_letter_1', minWeeksInArrears: 1, minDaysSincePrevious: null },
    { action: 'send_letter_2', minWeeksInArrears: 2, minDaysSincePrevious: 7 },
    { action: 'home_visit', minWeeksInArrears: 3, minDaysSincePrevious: 7 },
    { action: 'send_final_warning', minWeeksInArrears: 4, minDaysSincePrevious: 7 },
    { action: 'serve_notice', minWeeksInArrears: 4, minDaysSincePrevious: 14 },
  ],
  noticeChecklist: ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'],
  claimThresholdWeeks: 8,
  arrangementReviewDays: 14,
  preIssueWarningDays: 14,
  section8SwitchOverDate: null,
  ftaLetterWaitDays: 28,
  uneconomicBalancePence: 5000,
};

export const DEFAULT_POLICY_PARAMETERS: Readonly<PolicyParameters> = Object.freeze(defaults);

export const DEFAULT_POLICY_DOCUMENT: Readonly<PolicyDocument> = Object.freeze({
  version: 1,
  name: 'Rentwise default arrears recovery policy',
  parameters: { ...DEFAULT_POLICY_PARAMETERS },
  overrides: [],
});
