/**
 * §4 rule 8, a notice in force:
 *   before its earliest proceedings date → monitor_notice;
 *   expired → the ladder's serve_notice step without its days condition: weeksInArrears at least its
 *   threshold and then the notice checklist → serve_notice, else monitor;
 *   valid, and weeksInArrears >= 8.00 (⚙; for a section_8 notice whose recorded grounds include "8",
 *   instead the ground 8 test of its row in §2, on rent arrears) → the claim checklist, then
 *   apply_for_possession;
 *   valid, below the threshold → monitor_notice.
 */
import { fromDayNumber } from '../../../calendar/business-date';
import { dayText, weeksText } from '../../format';
import { toHundredths } from '../../thresholds';
import { decides, decision, goesOn, type Rule } from '../rule';
import { applyForPossessionStep, groundEightOn, realArrearsReason, serveNoticeStep } from '../steps';

export const noticeRule: Rule = {
  name: '§4.8 notice in force',
  evaluate(ctx) {
    const notice = ctx.notice;
    if (notice === null) return goesOn('no notice in force');
    const what = `${notice.type} served ${dayText(notice.servedOnDay)}`;
    const figures = {
      type: notice.type,
      servedOn: dayText(notice.servedOnDay),
      earliestProceedingsDate: dayText(notice.earliestDay),
      expiresOn: notice.expiresDay === null ? null : fromDayNumber(notice.expiresDay),
      weeksInArrears: ctx.weeksHundredths / 100,
    };
    if (notice.isBeforeEarliestDate) {
      return decides(
        decision('monitor_notice', [realArrearsReason(ctx), `${what}: proceedings cannot start before ${dayText(notice.earliestDay)}`]),
        'before the earliest proceedings date → monitor_notice',
        figures,
      );
    }
    if (notice.isExpired) {
      const step = ctx.policy.ladder.find((s) => s.action === 'serve_notice');
      const threshold = toHundredths(step?.minWeeksInArrears ?? 0);
      const expired = `${what} expired on ${dayText(notice.expiresDay as number)}`;
      if (ctx.weeksHundredths >= threshold) {
        return decides(serveNoticeStep(ctx, `${realArrearsReason(ctx)}; ${expired}`), 'expired, arrears at the serve_notice threshold → serve a new notice', {
          ...figures,
          thresholdWeeks: threshold / 100,
        });
      }
      return decides(decision('monitor', [realArrearsReason(ctx), expired]), 'expired, arrears below the serve_notice threshold → monitor', {
        ...figures,
        thresholdWeeks: threshold / 100,
      });
    }
    const groundEight = notice.type === 'section_8' && notice.recordedGrounds.includes('8');
    let reached: boolean;
    let test: string;
    if (groundEight) {
      const g8 = groundEightOn(ctx, notice.servedOnDay);
      reached = g8.met;
      test = `rent arrears ${g8.comparedPence} pence against the ground 8 threshold of ${g8.thresholdPence} pence`;
      Object.assign(figures, { groundEight: true, groundEightComparedPence: g8.comparedPence, groundEightThresholdPence: g8.thresholdPence });
    } else {
      const threshold = toHundredths(ctx.policy.claimThresholdWeeks);
      reached = ctx.weeksHundredths >= threshold;
      test = `${weeksText(ctx.weeksHundredths)} weeks against the claim threshold of ${weeksText(threshold)}`;
      Object.assign(figures, { claimThresholdWeeks: threshold / 100 });
    }
    if (reached) {
      return decides(applyForPossessionStep(ctx, `${realArrearsReason(ctx)}; ${what} is valid; ${test}`), 'valid, threshold reached → the claim stage', figures);
    }
    return decides(decision('monitor_notice', [realArrearsReason(ctx), `${what} is valid; ${test}`]), 'valid, below the threshold → monitor_notice', figures);
  },
};
