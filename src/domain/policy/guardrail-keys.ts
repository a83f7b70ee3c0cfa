/**
 * The ⚖ legal guardrails (statute and the Pre-Action Protocol). They are code, not parameters: a policy
 * document naming one of these keys, anywhere, is refused with the reason below.
 */
export const GUARDRAIL_KEYS: Readonly<Record<string, string>> = Object.freeze({
  breathingSpace: 'breathing space: no recovery or enforcement step, void notices, moved expiry',
  breathingSpaceDays: 'breathing space: the last day of a standard moratorium',
  disputeOpen: 'an open dispute stops a notice or claim',
  dispute: 'an open dispute stops a notice or claim',
  vulnerabilityReview: 'a vulnerability review is due before a notice, claim or eviction',
  vulnerability: 'a vulnerability review is due before a notice, claim or eviction',
  benefitClaimHold: 'a complete benefit claim pending stops a claim',
  benefitClaimPending: 'a complete benefit claim pending stops a claim',
  preActionProtocol: 'the Pre-Action Protocol for Possession Claims by Social Landlords',
  claimChecklist: 'the pre-action checklist before a claim',
  rentStatementDays: 'the pre-action checklist before a claim',
  psedAssessment: 'the Public Sector Equality Duty assessment',
  noticeValidity: 'the validity window of a statutory notice',
  noticeDates: 'the statutory notice periods',
  noticePeriods: 'the statutory notice periods',
  noticeTypes: 'the notice each tenure requires',
  grounds: 'the grounds a notice can carry',
  groundEight: 'the ground 8 thresholds',
  statuteBarred: 'the Limitation Act 1980 (six years)',
  limitation: 'the Limitation Act 1980 (six years)',
  tenantDeceased: 'the hold on the account of a deceased sole tenant',
  insolvency: 'the hold on a debt relief order or bankruptcy',
  needsApproval: 'which actions need a senior officer’s approval',
  guardrails: 'the legal guardrails',
});

export function isGuardrailKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(GUARDRAIL_KEYS, key);
}

/** The refusal for a key that names a ⚖ guardrail. */
export function guardrailRefusal(key: string): string {
  const what = GUARDRAIL_KEYS[key];
  return `⚖ guardrail "${key}"${what ? ` (${what})` : ''} cannot be changed by a policy document`;
}

/** The refusal for a key that is neither a ⚙ parameter nor a known guardrail. */
export function unknownKeyRefusal(key: string, allowed: readonly string[]): string {
  return `unknown key "${key}": allowed here are ${allowed.join(', ')}; a ⚖ guardrail cannot be changed by a policy document`;
}
