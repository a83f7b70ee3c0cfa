/**
 * assessCase: the whole recovery policy (docs/recovery-policy.md) on one case file, pure.
 *   §1–§2 measures → §4 (current) or §7 (former) rules, the first that decides → §5 guardrails →
 *   §6 benefit checks → §8 priority. Every rule and check considered is traced, in order.
 */
import { fromDayNumber } from '../calendar/business-date';
import type { CaseFile } from '../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../policy/default-policy';
import type { PolicyParameters } from '../policy/policy-parameters';
import { considerBenefits } from './also-consider/also-consider';
import { buildAssessmentContext, type AssessmentContext } from './assessment-context';
import { applyGuardrails } from './guardrails/apply-guardrails';
import { computePriority } from './measures/priority';
import { CURRENT_TENANCY_RULES, FORMER_TENANCY_RULES } from './rules/rule-order';
import type { Decision } from './rules/rule';
import { Trace } from './trace';
import type { ActionCode, ArrangementView, AssessmentOutput, AssessmentResult, NoticeView, Recommendation } from './types';

const NEEDS_APPROVAL: readonly ActionCode[] = ['apply_for_possession', 'apply_for_warrant', 'apply_to_fix_date', 'apply_to_restore', 'propose_write_off'];

function decide(ctx: AssessmentContext, trace: Trace): Decision {
  const rules = ctx.isFormer ? FORMER_TENANCY_RULES : CURRENT_TENANCY_RULES;
  for (const rule of rules) {
    const outcome = rule.evaluate(ctx);
    trace.add(rule.name, outcome.decision !== null, outcome.detail, outcome.figures);
    if (outcome.decision !== null) return outcome.decision;
  }
  // Unreachable: the last rule of each list always decides.
  throw new Error('no rule decided');
}

function recommendationOf(decision: Decision): Recommendation {
  const recommendation: Recommendation = {
    action: decision.action,
    needsApproval: NEEDS_APPROVAL.includes(decision.action),
    missing: decision.missing,
  };
  if (decision.action === 'serve_notice') {
    if (decision.notice !== undefined) recommendation.notice = decision.notice;
    recommendation.grounds = decision.grounds ?? [];
    if (decision.proposedDates !== undefined) recommendation.proposedDates = decision.proposedDates;
  }
  if (decision.action === 'propose_write_off' && decision.writeOffReason !== undefined) recommendation.writeOffReason = decision.writeOffReason;
  return recommendation;
}

function arrangementView(ctx: AssessmentContext): ArrangementView {
  if (ctx.arrangement === null) return { status: 'none' };
  const { compliance } = ctx.arrangement;
  return { status: compliance.status, shortfallPence: Math.max(0, compliance.shortfallPence) };
}

function noticeView(ctx: AssessmentContext): NoticeView | null {
  const n = ctx.notice;
  if (n === null) return null;
  return {
    type: n.type,
    servedOn: fromDayNumber(n.servedOnDay),
    earliestProceedingsDate: fromDayNumber(n.earliestDay),
    expiresOn: n.expiresDay === null ? null : fromDayNumber(n.expiresDay),
    valid: n.valid,
  };
}

export function assessCase(caseFile: CaseFile, policy: PolicyParameters = DEFAULT_POLICY_PARAMETERS): AssessmentResult {
  const trace = new Trace();
  const ctx = buildAssessmentContext(caseFile, policy, trace);
  const chosen = decide(ctx, trace);
  const guarded = applyGuardrails(ctx, chosen, trace);
  const { decision, alsoConsider } = considerBenefits(ctx, guarded.decision, trace);
  const { priority, figures } = computePriority({
    action: decision.action,
    weeksHundredths: ctx.weeksHundredths,
    asOfDay: ctx.asOfDay,
    noticeExpiresDay: ctx.notice?.expiresDay ?? null,
    balancePence: ctx.balancePence,
    balance28DaysAgoPence: ctx.balance28DaysAgoPence,
    hasVulnerability: ctx.index.events.some((e) => e.type === 'vulnerability'),
  });
  trace.add('§8 priority', true, `priority ${priority}`, figures);

  const output: AssessmentOutput = {
    version: 1,
    tenancyRef: caseFile.tenancy.ref,
    asOf: caseFile.asOf,
    balancePence: ctx.balancePence,
    weeklyChargePence: ctx.weeklyChargePence,
    arrearsPence: ctx.arrearsPence,
    technicalArrearsPence: ctx.technicalArrearsPence,
    realArrearsPence: ctx.realArrearsPence,
    weeksInArrears: ctx.weeksHundredths / 100,
    episodeStart: ctx.episodeStartDay === null ? null : fromDayNumber(ctx.episodeStartDay),
    arrangement: arrangementView(ctx),
    notice: noticeView(ctx),
    recommendation: recommendationOf(decision),
    alsoConsider,
    blockedBy: guarded.blockedBy,
    reasons: decision.reasons,
    priority,
  };
  return { output, trace: trace.entries };
}
