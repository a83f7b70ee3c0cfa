/**
 * The steps several rules lead to, with their checklists (§3):
 *   serve_notice: the notice checklist (⚙), else complete_pre_action; the notice for the tenure, its
 *   grounds and the dates if served on asOf (§2); psed_assessment (notice) listed when missing.
 *   apply_for_possession: the claim checklist (⚖), else complete_pre_action; psed_assessment (claim).
 *   apply_for_warrant: psed_assessment (warrant).
 */
import { fromDayNumber } from '../../calendar/business-date';
import type { AssessmentContext } from '../assessment-context';
import { dayText, pounds, weeksText } from '../format';
import { moveExpiryForBreathingSpaces } from '../measures/breathing-space';
import { claimChecklistMissing, noticeChecklistMissing } from '../measures/checklists';
import { groundEightTest, type GroundEightTest } from '../measures/ground-eight';
import { noticeDatesFor, noticeTypeForTenure } from '../measures/notice-dates';
import { decision, type Decision } from './rule';

export type PsedStage = 'notice' | 'claim' | 'warrant';

/** ['psed_assessment'] when no psed_assessment event for the stage is in the episode. */
export function psedMissing(ctx: AssessmentContext, stage: PsedStage): string[] {
  return ctx.episodeEvents.some((e) => e.type === 'psed_assessment' && e.stage === stage) ? [] : ['psed_assessment'];
}

/** The §2 ground 8 test on asOf for a section 8 notice served on `servedOnDay`. */
export function groundEightOn(ctx: AssessmentContext, servedOnDay: number): GroundEightTest {
  return groundEightTest(ctx.policy, servedOnDay, {
    rentArrearsPence: ctx.rentArrearsPence,
    universalCreditInTransitPence: ctx.transit.universalCreditPence,
    weeklyChargePence: ctx.weeklyChargePence,
    rentFrequency: ctx.caseFile.tenancy.rentFrequency,
  });
}

export function serveNoticeStep(ctx: AssessmentContext, why: string): Decision {
  const missingItems = noticeChecklistMissing(ctx.episodeEvents, ctx.policy);
  if (missingItems.length > 0) {
    return decision('complete_pre_action', [`${why}, but the pre-action steps before a notice are not all done: ${missingItems.join(', ')}`], {
      missing: missingItems,
    });
  }
  const type = noticeTypeForTenure(ctx.caseFile.tenancy.tenure);
  const dates = noticeDatesFor(type, ctx.asOfDay, ctx.periods, ctx.policy);
  const expiresDay = dates.expiresDay === null ? null : moveExpiryForBreathingSpaces(ctx.breathingSpaces, dates.expiresDay).expiresDay;
  let grounds: string[] = [];
  const reasons = [why];
  if (type === 'nosp') grounds = ['1'];
  if (type === 'section_8') {
    const g8 = groundEightOn(ctx, ctx.asOfDay);
    grounds = g8.met ? ['8', '10', '11'] : ['10', '11'];
    reasons.push(
      g8.met
        ? `rent arrears ${pounds(g8.comparedPence)} reach the ground 8 threshold of ${pounds(g8.thresholdPence)}: grounds 8, 10 and 11`
        : `rent arrears ${pounds(g8.comparedPence)} are below the ground 8 threshold of ${pounds(g8.thresholdPence)}: grounds 10 and 11`,
    );
  }
  reasons.push(
    `if served on ${ctx.asOf}, proceedings can start from ${dayText(dates.earliestDay)}` +
      (expiresDay === null ? '' : `; the notice lapses on ${fromDayNumber(expiresDay)}`),
  );
  return decision('serve_notice', reasons, {
    notice: type,
    grounds,
    proposedDates: { earliestProceedingsDate: fromDayNumber(dates.earliestDay), expiresOn: expiresDay === null ? null : fromDayNumber(expiresDay) },
    missing: psedMissing(ctx, 'notice'),
  });
}

export function applyForPossessionStep(ctx: AssessmentContext, why: string): Decision {
  const missingItems = claimChecklistMissing({
    episodeEvents: ctx.episodeEvents,
    asOfDay: ctx.asOfDay,
    noticeServedOnDay: ctx.notice?.servedOnDay ?? null,
    policy: ctx.policy,
  });
  if (missingItems.length > 0) {
    return decision('complete_pre_action', [`${why}, but the pre-action protocol steps before a claim are not all done: ${missingItems.join(', ')}`], {
      missing: missingItems,
    });
  }
  return decision('apply_for_possession', [why, 'the pre-action protocol steps before a claim are done'], { missing: psedMissing(ctx, 'claim') });
}

export function applyForWarrantStep(ctx: AssessmentContext, why: string): Decision {
  return decision('apply_for_warrant', [why], { missing: psedMissing(ctx, 'warrant') });
}

export function realArrearsReason(ctx: AssessmentContext): string {
  return `${weeksText(ctx.weeksHundredths)} weeks of real arrears (${pounds(ctx.realArrearsPence)})`;
}
