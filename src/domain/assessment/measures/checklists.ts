/**
 * §3 checklists. An item is done when a `pre_action` event for it is in the episode; `missing` lists
 * items in the order of the §3 item list.
 *   Before a notice (⚙): policy.noticeChecklist.
 *   Before a claim (⚖): all seven; pre_issue_warning only when an `arrangement` event is in the
 *   episode; rent_statement_sent on or after asOf − 91 days; post_notice_contact on or after the day the
 *   notice in force was served; pre_issue_warning on or before asOf − preIssueWarningDays.
 */
import { PRE_ACTION_ITEMS, type PreActionItem } from '../../case-file/case-file';
import type { PolicyParameters } from '../../policy/policy-parameters';
import type { IndexedEvent } from './case-index';

const RENT_STATEMENT_WITHIN_DAYS = 91;

function doneDays(episodeEvents: readonly IndexedEvent[], item: PreActionItem): number[] {
  return episodeEvents.filter((e) => e.type === 'pre_action' && e.item === item).map((e) => e.day);
}

function inCanonicalOrder(items: readonly PreActionItem[]): PreActionItem[] {
  return PRE_ACTION_ITEMS.filter((item) => items.includes(item));
}

export function noticeChecklistMissing(episodeEvents: readonly IndexedEvent[], policy: PolicyParameters): PreActionItem[] {
  return inCanonicalOrder(policy.noticeChecklist).filter((item) => doneDays(episodeEvents, item).length === 0);
}

export interface ClaimChecklistInput {
  episodeEvents: readonly IndexedEvent[];
  asOfDay: number;
  /** The day the notice in force was served (null: none, so post_notice_contact cannot be done). */
  noticeServedOnDay: number | null;
  policy: PolicyParameters;
}

export function claimChecklistMissing(input: ClaimChecklistInput): PreActionItem[] {
  const { episodeEvents, asOfDay, noticeServedOnDay, policy } = input;
  const arrangementInEpisode = episodeEvents.some((e) => e.type === 'arrangement');
  const isDone = (item: PreActionItem): boolean => {
    const days = doneDays(episodeEvents, item);
    switch (item) {
      case 'rent_statement_sent':
        return days.some((d) => d >= asOfDay - RENT_STATEMENT_WITHIN_DAYS);
      case 'post_notice_contact':
        return noticeServedOnDay !== null && days.some((d) => d >= noticeServedOnDay);
      case 'pre_issue_warning':
        return !arrangementInEpisode || days.some((d) => d <= asOfDay - policy.preIssueWarningDays);
      default:
        return days.length > 0;
    }
  };
  return PRE_ACTION_ITEMS.filter((item) => !isDone(item));
}
