/** §4 rule 1: a `tenant_deceased` event whose `survivingJointTenant` is not true → hold. */
import type { IndexedEvent } from '../../measures/case-index';
import { latest } from '../../events';
import { decides, decision, goesOn, type Rule } from '../rule';

export function soleTenantDeceasedEvent(events: readonly IndexedEvent[]): IndexedEvent | null {
  return latest(events, (e) => e.type === 'tenant_deceased' && !e.survivingJointTenant);
}

export const tenantDeceasedRule: Rule = {
  name: '§4.1 tenant deceased',
  evaluate(ctx) {
    const event = soleTenantDeceasedEvent(ctx.index.events);
    if (event === null) return goesOn('no tenant_deceased event without a surviving joint tenant');
    return decides(
      decision('hold', [`the tenant died (recorded ${event.date}) with no surviving joint tenant: recovery is on hold`], {
        blockedBy: [{ code: 'tenant_deceased' }],
        isAccountHeld: true,
      }),
      'tenant deceased, no surviving joint tenant → hold',
      { recordedOn: event.date },
    );
  },
};
