/** §4 rule 2: an `insolvency` of kind dro or bankruptcy (an iva has no effect) → hold. */
import type { IndexedEvent } from '../../measures/case-index';
import { latest } from '../../events';
import { decides, decision, goesOn, type Rule } from '../rule';

export function holdingInsolvencyEvent(events: readonly IndexedEvent[]): IndexedEvent | null {
  return latest(events, (e) => e.type === 'insolvency' && (e.kind === 'dro' || e.kind === 'bankruptcy'));
}

export const insolvencyRule: Rule = {
  name: '§4.2 insolvency',
  evaluate(ctx) {
    const event = holdingInsolvencyEvent(ctx.index.events);
    if (event === null) return goesOn('no debt relief order or bankruptcy');
    return decides(
      decision('hold', [`${event.kind === 'dro' ? 'a debt relief order' : 'a bankruptcy'} recorded ${event.date}: recovery is on hold`], {
        blockedBy: [{ code: 'insolvency' }],
        isAccountHeld: true,
      }),
      `${event.kind} → hold`,
      { kind: event.kind, recordedOn: event.date },
    );
  },
};
