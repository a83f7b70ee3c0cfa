/**
 * §2 and §5.1: a breathing space runs from its start to its last day: `endDate`, else start + 59 days
 * (standard) or open (mental health crisis), or the day before `cancelledOn` if that is earlier.
 * A `kind` outside the list is taken as standard (the bounded reading; the policy names only two).
 */
import { toDayNumber } from '../../calendar/business-date';
import type { IndexedEvent } from './case-index';

export interface BreathingSpace {
  startDay: number;
  /** null: open (a mental health crisis moratorium with no end or cancellation yet). */
  lastDay: number | null;
  kind: string | null;
}

export function breathingSpaceOf(event: IndexedEvent): BreathingSpace {
  let lastDay: number | null;
  if (event.endDate !== null) lastDay = toDayNumber(event.endDate);
  else lastDay = event.kind === 'mental_health_crisis' ? null : event.day + 59;
  if (event.cancelledOn !== null) {
    const dayBeforeCancelled = toDayNumber(event.cancelledOn) - 1;
    if (lastDay === null || dayBeforeCancelled < lastDay) lastDay = dayBeforeCancelled;
  }
  return { startDay: event.day, lastDay, kind: event.kind };
}

export function breathingSpacesOf(events: readonly IndexedEvent[]): BreathingSpace[] {
  return events.filter((e) => e.type === 'breathing_space').map(breathingSpaceOf);
}

export function isActiveOn(space: BreathingSpace, day: number): boolean {
  return space.startDay <= day && (space.lastDay === null || day <= space.lastDay);
}

/** Breathing spaces active on a day, the earliest started first. */
export function activeOn(spaces: readonly BreathingSpace[], day: number): BreathingSpace[] {
  return spaces.filter((s) => isActiveOn(s, day));
}

/**
 * §2: if `expires` falls within a breathing space (active or ended), it moves to that last day + 56
 * days, and again if the new date falls within another; within an open one it is null (the notice
 * stays in force). Of several covering the date, the one with the latest last day is used.
 */
export function moveExpiryForBreathingSpaces(spaces: readonly BreathingSpace[], expiresDay: number): { expiresDay: number | null; moves: number } {
  let day = expiresDay;
  let moves = 0;
  for (;;) {
    const covering = activeOn(spaces, day);
    if (covering.length === 0) return { expiresDay: day, moves };
    if (covering.some((s) => s.lastDay === null)) return { expiresDay: null, moves: moves + 1 };
    day = Math.max(...covering.map((s) => s.lastDay as number)) + 56;
    moves++;
  }
}
