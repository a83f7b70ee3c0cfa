/** Small queries over the ordered events (by date, then file order: "latest" is the last). */
import type { IndexedEvent } from './measures/case-index';

export function latest<T>(items: readonly T[], predicate: (item: T) => boolean): T | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    if (predicate(item)) return item;
  }
  return null;
}

export function ofType(events: readonly IndexedEvent[], type: string): IndexedEvent[] {
  return events.filter((e) => e.type === type);
}

export function isAction(event: IndexedEvent, action: string): boolean {
  return event.type === 'action' && event.action === action;
}

/** An arrangement neither cancelled (cancelledOn <= asOf) nor ended (endDate < asOf). */
export function isLiveArrangement(event: IndexedEvent, asOf: string): boolean {
  return event.type === 'arrangement' && event.cancelledOn === null && !(event.endDate !== null && event.endDate < asOf);
}
