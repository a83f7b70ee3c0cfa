/**
 * §5.4 benefit claim pending: a housing_benefit or universal_credit entry with status claimed and
 * evidenceComplete true, whatever its `from`: apply_for_possession → chase_benefit_claim.
 */
import type { Guardrail, GuardrailCondition } from './guardrail';

export const benefitClaimPendingGuardrail: Guardrail = {
  name: '§5.4 benefit claim pending',
  code: 'benefit_claim_pending',
  blocks: ['apply_for_possession'],
  replacement: 'chase_benefit_claim',
  condition(ctx): GuardrailCondition {
    const claim = ctx.caseFile.benefits.find(
      (b) => (b.type === 'housing_benefit' || b.type === 'universal_credit') && b.status === 'claimed' && b.evidenceComplete,
    );
    if (claim === undefined) return { holds: false, because: 'no complete benefit claim pending', figures: { pendingClaim: null } };
    return {
      holds: true,
      because: `a ${claim.type.replace('_', ' ')} claim from ${claim.from} with complete evidence is pending`,
      figures: { pendingClaim: claim.type, claimFrom: claim.from },
    };
  },
};
