/** §7 rule 3: tenant_deceased without a surviving joint tenant (as §4 rule 1) → propose_write_off (deceased). */
import { soleTenantDeceasedEvent } from '../current/tenant-deceased.rule';
import { decides, decision, goesOn, type Rule } from '../rule';

export const deceasedWriteOffRule: Rule = {
  name: '§7.3 tenant deceased',
  evaluate(ctx) {
    const event = soleTenantDeceasedEvent(ctx.index.events);
    if (event === null) return goesOn('no tenant_deceased event without a surviving joint tenant');
    return decides(
      decision('propose_write_off', [`the tenant died (recorded ${event.date}) with no surviving joint tenant: propose writing off the debt`], {
        writeOffReason: 'deceased',
      }),
      'deceased → propose_write_off (deceased)',
      { recordedOn: event.date },
    );
  },
};
