/**
 * §5: `blockedBy` lists, in order, every guardrail whose condition holds and whose list contains the
 * action chosen before any replacement; the first of them replaces the action, and the new action has
 * no notice, grounds or proposedDates, and an empty missing.
 */
import type { AssessmentContext } from '../assessment-context';
import type { Decision } from '../rules/rule';
import type { Trace } from '../trace';
import type { BlockedBy } from '../types';
import { breathingSpaceGuardrail, formerTenancyBreathingSpaceGuardrail } from './breathing-space.guardrail';
import { benefitClaimPendingGuardrail } from './benefit-claim-pending.guardrail';
import { disputeOpenGuardrail } from './dispute-open.guardrail';
import type { Guardrail } from './guardrail';
import { vulnerabilityReviewDueGuardrail } from './vulnerability-review-due.guardrail';

export const CURRENT_TENANCY_GUARDRAILS: readonly Guardrail[] = [
  breathingSpaceGuardrail,
  disputeOpenGuardrail,
  vulnerabilityReviewDueGuardrail,
  benefitClaimPendingGuardrail,
];

export const FORMER_TENANCY_GUARDRAILS: readonly Guardrail[] = [formerTenancyBreathingSpaceGuardrail];

export interface GuardedDecision {
  decision: Decision;
  blockedBy: BlockedBy[];
}

export function applyGuardrails(ctx: AssessmentContext, chosen: Decision, trace: Trace): GuardedDecision {
  const guardrails = ctx.isFormer ? FORMER_TENANCY_GUARDRAILS : CURRENT_TENANCY_GUARDRAILS;
  const blockedBy: BlockedBy[] = [...(chosen.blockedBy ?? [])];
  let final = chosen;
  for (const guardrail of guardrails) {
    const condition = guardrail.condition(ctx);
    const listsAction = guardrail.blocks.includes(chosen.action);
    const blocks = condition.holds && listsAction;
    trace.add(
      guardrail.name,
      blocks,
      blocks
        ? `${chosen.action} blocked: ${condition.because}`
        : condition.holds
          ? `${condition.because}, but ${chosen.action} is not a step it stops`
          : condition.because,
      { ...condition.figures, action: chosen.action, listsAction },
    );
    if (!blocks) continue;
    blockedBy.push(guardrail.code === 'breathing_space' ? { code: 'breathing_space', until: condition.until ?? null } : { code: guardrail.code });
    if (final === chosen) {
      final = {
        action: guardrail.replacement,
        missing: [],
        reasons: [...chosen.reasons, `${chosen.action} blocked: ${condition.because}`],
      };
    } else {
      final = { ...final, reasons: [...final.reasons, `${chosen.action} also blocked: ${condition.because}`] };
    }
  }
  return { decision: final, blockedBy };
}
