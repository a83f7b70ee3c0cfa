/** The assessment engine: the recovery policy applied to one case file (pure). */
export { assessCase } from './assess-case';
export { TRANSIT_TRACE_RULE } from './assessment-context';
export type {
  ActionCode,
  ArrangementView,
  AssessmentOutput,
  AssessmentResult,
  BlockedBy,
  BlockingCode,
  NoticeView,
  ProposedNoticeDates,
  Recommendation,
  TraceEntry,
  TraceFigure,
  TraceFigures,
  WriteOffReason,
} from './types';
export { ACTION_CODES } from './types';
export { noticeTypeForTenure, noticeDatesFor, isAfterSection8SwitchOver } from './measures/notice-dates';
export { earliestByRentalPeriod, firstPeriodStartOnOrAfter, type RentalPeriods } from './measures/period-starts';
export { proposeNotice, type ProposedNotice } from './propose-notice';
