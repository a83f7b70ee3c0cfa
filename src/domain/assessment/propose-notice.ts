/**
 * The notice the policy gives a tenancy if served on the case file's asOf (§2): its type (the tenure's,
 * unless another is asked for), dates (with breathing-space moves), grounds on rent arrears on that day,
 * and the §5 guardrails that would stop serving it today. For `rentwise notice`.
 */
import { fromDayNumber, type BusinessDate } from '../calendar/business-date';
import type { CaseFile, NoticeType } from '../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../policy/default-policy';
import type { PolicyParameters } from '../policy/policy-parameters';
import { buildAssessmentContext } from './assessment-context';
import { CURRENT_TENANCY_GUARDRAILS } from './guardrails/apply-guardrails';
import { moveExpiryForBreathingSpaces } from './measures/breathing-space';
import { noticeDatesFor, noticeTypeForTenure } from './measures/notice-dates';
import { groundEightOn } from './rules/steps';
import { Trace } from './trace';
import type { BlockedBy } from './types';

export interface ProposedNotice {
  type: NoticeType;
  servedOn: BusinessDate;
  earliestProceedingsDate: BusinessDate;
  expiresOn: BusinessDate | null;
  grounds: string[];
  /** Cash arrears on the day of service. */
  arrearsPence: number;
  /** Rent arrears (§1: court costs left out) on the day of service. */
  rentArrearsPence: number;
  /** §5 guardrails that would stop serve_notice on that day (a breathing space also voids the notice). */
  blockedBy: BlockedBy[];
}

export function proposeNotice(caseFile: CaseFile, policy: PolicyParameters = DEFAULT_POLICY_PARAMETERS, type?: NoticeType): ProposedNotice {
  const ctx = buildAssessmentContext(caseFile, policy, new Trace());
  const noticeType = type ?? noticeTypeForTenure(caseFile.tenancy.tenure);
  const dates = noticeDatesFor(noticeType, ctx.asOfDay, ctx.periods, policy);
  const expiresDay = dates.expiresDay === null ? null : moveExpiryForBreathingSpaces(ctx.breathingSpaces, dates.expiresDay).expiresDay;
  let grounds: string[] = [];
  if (noticeType === 'nosp') grounds = ['1'];
  if (noticeType === 'section_8') grounds = groundEightOn(ctx, ctx.asOfDay).met ? ['8', '10', '11'] : ['10', '11'];
  const blockedBy: BlockedBy[] = [];
  for (const guardrail of CURRENT_TENANCY_GUARDRAILS) {
    if (!guardrail.blocks.includes('serve_notice')) continue;
    const condition = guardrail.condition(ctx);
    if (!condition.holds) continue;
    blockedBy.push(guardrail.code === 'breathing_space' ? { code: 'breathing_space', until: condition.until ?? null } : { code: guardrail.code });
  }
  return {
    type: noticeType,
    servedOn: caseFile.asOf,
    earliestProceedingsDate: fromDayNumber(dates.earliestDay),
    expiresOn: expiresDay === null ? null : fromDayNumber(expiresDay),
    grounds,
    arrearsPence: ctx.arrearsPence,
    rentArrearsPence: ctx.rentArrearsPence,
    blockedBy,
  };
}
