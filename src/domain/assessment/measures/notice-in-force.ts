/**
 * §2: the notice in force is the latest `notice_served` in the episode that is not void and not spent;
 * an event whose `notice` is not one of the four types is ignored. Void: served on a day a breathing
 * space is active. Spent: a `court_order` of kind `dismissed` dated after the day it was served.
 * Its dates follow the type recorded, whatever the tenure; `expires` moves for breathing spaces.
 * Valid on asOf: asOf >= earliest proceedings date and (expires null or asOf <= expires).
 */
import { NOTICE_TYPES, type NoticeType } from '../../case-file/case-file';
import type { PolicyParameters } from '../../policy/policy-parameters';
import { isActiveOn, moveExpiryForBreathingSpaces, type BreathingSpace } from './breathing-space';
import type { IndexedEvent } from './case-index';
import { noticeDatesFor } from './notice-dates';
import type { RentalPeriods } from './period-starts';

export interface NoticeInForce {
  type: NoticeType;
  servedOnDay: number;
  earliestDay: number;
  /** After breathing-space moves; null: does not lapse, or held open by an open breathing space. */
  expiresDay: number | null;
  expiryMoves: number;
  valid: boolean;
  /** asOf is before the earliest proceedings date. */
  isBeforeEarliestDate: boolean;
  /** asOf is after expiresOn. */
  isExpired: boolean;
  /** The grounds recorded on the notice_served event. */
  recordedGrounds: string[];
}

export function isNoticeType(value: string | null): value is NoticeType {
  return value !== null && (NOTICE_TYPES as readonly string[]).includes(value);
}

export interface NoticeSearch {
  notice: NoticeInForce | null;
  voidCount: number;
  spentCount: number;
}

export interface NoticeSearchInput {
  episodeEvents: readonly IndexedEvent[];
  events: readonly IndexedEvent[];
  breathingSpaces: readonly BreathingSpace[];
  periods: RentalPeriods;
  policy: PolicyParameters;
  asOfDay: number;
}

export function findNoticeInForce(input: NoticeSearchInput): NoticeSearch {
  const { episodeEvents, events, breathingSpaces, periods, policy, asOfDay } = input;
  const dismissedDays = events.filter((e) => e.type === 'court_order' && e.order === 'dismissed').map((e) => e.day);
  const served = episodeEvents.filter((e) => e.type === 'notice_served' && isNoticeType(e.notice));
  let voidCount = 0;
  let spentCount = 0;
  for (let i = served.length - 1; i >= 0; i--) {
    const event = served[i] as IndexedEvent;
    if (breathingSpaces.some((s) => isActiveOn(s, event.day))) {
      voidCount++;
      continue;
    }
    if (dismissedDays.some((d) => d > event.day)) {
      spentCount++;
      continue;
    }
    const type = event.notice as NoticeType;
    const dates = noticeDatesFor(type, event.day, periods, policy);
    const moved = dates.expiresDay === null ? { expiresDay: null, moves: 0 } : moveExpiryForBreathingSpaces(breathingSpaces, dates.expiresDay);
    const isBeforeEarliestDate = asOfDay < dates.earliestDay;
    const isExpired = moved.expiresDay !== null && asOfDay > moved.expiresDay;
    return {
      notice: {
        type,
        servedOnDay: event.day,
        earliestDay: dates.earliestDay,
        expiresDay: moved.expiresDay,
        expiryMoves: moved.moves,
        valid: !isBeforeEarliestDate && !isExpired,
        isBeforeEarliestDate,
        isExpired,
        recordedGrounds: event.grounds ?? [],
      },
      voidCount,
      spentCount,
    };
  }
  return { notice: null, voidCount, spentCount };
}
