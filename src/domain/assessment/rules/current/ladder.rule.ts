/**
 * §4 rule 9, the ladder (⚙). The highest step taken is the highest step of the table with an `action`
 * event in the episode (whatever its outcome, even if earlier steps were skipped); the next step is the
 * one after it, and "the previous step" is the latest action of the highest step taken. Once
 * serve_notice has been taken and no notice is in force, the next step is serve_notice again, its
 * previous step the latest serve_notice action. If the next step's conditions hold, recommend it
 * (serve_notice: then the notice checklist); otherwise monitor.
 */
import { isAction, latest } from '../../events';
import { daysAgoText, weeksText } from '../../format';
import { toHundredths } from '../../thresholds';
import type { LadderStep } from '../../../policy/policy-parameters';
import type { IndexedEvent } from '../../measures/case-index';
import type { AssessmentContext } from '../../assessment-context';
import { decides, decision, type Rule } from '../rule';
import { realArrearsReason, serveNoticeStep } from '../steps';

export interface LadderPosition {
  highestTaken: LadderStep | null;
  next: LadderStep;
  previous: IndexedEvent | null;
}

export function ladderPosition(ctx: AssessmentContext): LadderPosition {
  const ladder = ctx.policy.ladder;
  let highest = -1;
  for (let i = ladder.length - 1; i >= 0 && highest < 0; i--) {
    const step = ladder[i] as LadderStep;
    if (ctx.episodeEvents.some((e) => isAction(e, step.action))) highest = i;
  }
  if (highest < 0) return { highestTaken: null, next: ladder[0] as LadderStep, previous: null };
  const highestTaken = ladder[highest] as LadderStep;
  const previous = latest(ctx.episodeEvents, (e) => isAction(e, highestTaken.action));
  const next = highest === ladder.length - 1 ? highestTaken : (ladder[highest + 1] as LadderStep);
  return { highestTaken, next, previous };
}

export const ladderRule: Rule = {
  name: '§4.9 ladder',
  evaluate(ctx) {
    const { highestTaken, next, previous } = ladderPosition(ctx);
    const threshold = toHundredths(next.minWeeksInArrears);
    const daysSincePrevious = previous === null ? null : ctx.asOfDay - previous.day;
    const figures = {
      highestStepTaken: highestTaken?.action ?? null,
      previousStepOn: previous?.date ?? null,
      nextStep: next.action,
      weeksInArrears: ctx.weeksHundredths / 100,
      thresholdWeeks: threshold / 100,
      daysSincePrevious,
      minDaysSincePrevious: next.minDaysSincePrevious,
    };
    const weeksHold = ctx.weeksHundredths >= threshold;
    const daysHold = next.minDaysSincePrevious === null || daysSincePrevious === null || daysSincePrevious >= next.minDaysSincePrevious;
    const previousText = previous === null ? 'no step taken yet in this episode' : `${previous.action} ${daysAgoText(ctx.asOfDay, previous.day)} (${previous.date})`;
    if (weeksHold && daysHold) {
      const why = `${realArrearsReason(ctx)}; ${previousText}`;
      const d = next.action === 'serve_notice' ? serveNoticeStep(ctx, why) : decision(next.action, [why]);
      return decides(d, `next step ${next.action} due`, figures);
    }
    const notYet = !weeksHold
      ? `${weeksText(ctx.weeksHundredths)} weeks is below the ${weeksText(threshold)} needed for ${next.action}`
      : `${next.action} needs ${next.minDaysSincePrevious} days since the previous step`;
    return decides(decision('monitor', [realArrearsReason(ctx), previousText, notYet]), `next step ${next.action} not yet due → monitor`, figures);
  },
};
