/**
 * The ⚙ policy parameters of the arrears recovery policy (docs/recovery-policy.md): what a landlord may
 * change, stored as a validated, versioned policy document. The ⚖ legal guardrails are not here: they
 * are code, and a policy document that names one is refused (see guardrail-keys.ts).
 */
import type { BusinessDate } from '../calendar/business-date';
import type { LandlordType, PreActionItem, Tenure } from '../case-file/case-file';

export const LADDER_ACTIONS = ['send_letter_1', 'send_letter_2', 'home_visit', 'send_final_warning', 'serve_notice'] as const;
export type LadderAction = (typeof LADDER_ACTIONS)[number];

/** One step of the ladder (§4 rule 9). */
export interface LadderStep {
  action: LadderAction;
  /** weeksInArrears at least this (2 decimals, e.g. 4 for 4.00). */
  minWeeksInArrears: number;
  /** Calendar days since the previous step at least this; null: no days condition. */
  minDaysSincePrevious: number | null;
}

export interface PolicyParameters {
  /** §1 part 1: Housing Benefit expected next + this many days. */
  housingBenefitGraceDays: number;
  /** §1 part 2: Universal Credit (paid to the landlord) expected next + this many days. */
  universalCreditGraceDays: number;
  /** §1 part 3: a regular payer's expected next payment + this many days. */
  regularPayerGraceDays: number;
  /** §1 part 3: each of the three payments at least this percent of one interval's charge. */
  regularPayerMinimumPercent: number;
  /** §4 rule 9, in order; serve_notice is the last step. */
  ladder: LadderStep[];
  /** §3 "Before a notice". */
  noticeChecklist: PreActionItem[];
  /** §4 rule 8: weeksInArrears at least this → the claim stage (2 decimals). */
  claimThresholdWeeks: number;
  /** §4 rule 7: a broken arrangement reviewed less than this many days ago → monitor. */
  arrangementReviewDays: number;
  /** §3: pre_issue_warning on or before asOf − this many days. */
  preIssueWarningDays: number;
  /** §2: the section 8 switch-over date for assured and starter tenancies; null: not set. */
  section8SwitchOverDate: BusinessDate | null;
  /** §7 rule 10: the latest FTA letter at least this many days before asOf. */
  ftaLetterWaitDays: number;
  /** §7 rule 5: a former-tenant balance below this is uneconomic to pursue. */
  uneconomicBalancePence: number;
}

export type PolicyParameterKey = keyof PolicyParameters;

export const POLICY_PARAMETER_KEYS: readonly PolicyParameterKey[] = [
  'housingBenefitGraceDays',
  'universalCreditGraceDays',
  'regularPayerGraceDays',
  'regularPayerMinimumPercent',
  'ladder',
  'noticeChecklist',
  'claimThresholdWeeks',
  'arrangementReviewDays',
  'preIssueWarningDays',
  'section8SwitchOverDate',
  'ftaLetterWaitDays',
  'uneconomicBalancePence',
];

/** Parameters that differ for one tenure and/or one landlord type. */
export interface PolicyOverride {
  tenure?: Tenure;
  landlordType?: LandlordType;
  parameters: Partial<PolicyParameters>;
}

/** A landlord's policy: parameters over the defaults, then overrides by tenure and landlord type. */
export interface PolicyDocument {
  version: number;
  name: string;
  parameters: Partial<PolicyParameters>;
  overrides: PolicyOverride[];
}
