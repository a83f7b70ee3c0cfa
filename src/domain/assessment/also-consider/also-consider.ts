/**
 * §6: for current tenancies with real arrears, no breathing space active and not held by §4 rules
 * 1–2, the benefit checks in order. When the action after §5 is none or monitor, the first of them
 * becomes the action; alsoConsider never contains the action.
 */
import type { AssessmentContext } from '../assessment-context';
import type { Decision } from '../rules/rule';
import type { Trace } from '../trace';
import type { ActionCode } from '../types';
import { BENEFIT_CHECKS } from './benefit-checks';

export interface AlsoConsidered {
  decision: Decision;
  alsoConsider: ActionCode[];
}

export function considerBenefits(ctx: AssessmentContext, afterGuardrails: Decision, trace: Trace): AlsoConsidered {
  const applies = !ctx.isFormer && ctx.realArrearsPence > 0 && ctx.activeBreathingSpaces.length === 0 && afterGuardrails.isAccountHeld !== true;
  if (!applies) {
    trace.add('§6 benefits', false, 'not considered: former tenancy, no real arrears, breathing space active or account held', {
      isFormer: ctx.isFormer,
      realArrearsPence: ctx.realArrearsPence,
      breathingSpaceActive: ctx.activeBreathingSpaces.length > 0,
    });
    return { decision: afterGuardrails, alsoConsider: [] };
  }
  const found: { action: ActionCode; because: string }[] = [];
  for (const check of BENEFIT_CHECKS) {
    const result = check.check(ctx);
    trace.add(check.name, result.matched, result.because, result.figures);
    if (result.matched) found.push({ action: check.action, because: result.because });
  }
  let decision = afterGuardrails;
  const first = found[0];
  if (first !== undefined && (decision.action === 'none' || decision.action === 'monitor')) {
    decision = { action: first.action, missing: [], reasons: [...decision.reasons, first.because] };
    trace.add('§6 benefit step becomes the action', true, `${afterGuardrails.action} → ${first.action}`, { replaced: afterGuardrails.action, action: first.action });
  }
  return { decision, alsoConsider: found.map((f) => f.action).filter((a) => a !== decision.action) };
}
