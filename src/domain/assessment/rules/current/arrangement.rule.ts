/**
 * §4 rule 7, an arrangement in force: kept → monitor_arrangement. Broken, and no review_arrangement
 * action in the episode on or after its start → review_arrangement. Broken, and the latest such
 * review less than 14 days (⚙) before asOf → monitor. Broken, reviewed 14 or more days ago → the
 * arrangement no longer protects: go on.
 */
import { isAction, latest } from '../../events';
import { daysAgoText, pounds } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';
import { realArrearsReason } from '../steps';

export const arrangementRule: Rule = {
  name: '§4.7 arrangement in force',
  evaluate(ctx) {
    const arrangement = ctx.arrangement;
    if (arrangement === null) return goesOn('no arrangement in force');
    const { event, compliance } = arrangement;
    const figures = { startedOn: event.date, instalmentPence: compliance.instalmentPence, status: compliance.status, shortfallPence: compliance.shortfallPence };
    const what = `arrangement of ${event.date} (${pounds(compliance.instalmentPence)} ${compliance.frequency} on top of the rent)`;
    if (compliance.status === 'kept') {
      return decides(decision('monitor_arrangement', [realArrearsReason(ctx), `${what} is being kept`]), 'kept → monitor_arrangement', figures);
    }
    const review = latest(ctx.episodeEvents, (e) => isAction(e, 'review_arrangement') && e.day >= event.day);
    const broken = `${what} is broken: ${pounds(compliance.shortfallPence)} short`;
    if (review === null) {
      return decides(decision('review_arrangement', [realArrearsReason(ctx), broken]), 'broken, not reviewed → review_arrangement', figures);
    }
    const daysSinceReview = ctx.asOfDay - review.day;
    const withReview = { ...figures, reviewedOn: review.date, daysSinceReview, reviewDays: ctx.policy.arrangementReviewDays };
    if (daysSinceReview < ctx.policy.arrangementReviewDays) {
      return decides(
        decision('monitor', [realArrearsReason(ctx), `${broken}; reviewed ${daysAgoText(ctx.asOfDay, review.day)}`]),
        'broken, reviewed recently → monitor',
        withReview,
      );
    }
    return goesOn('broken and reviewed long enough ago: it no longer protects', withReview);
  },
};
