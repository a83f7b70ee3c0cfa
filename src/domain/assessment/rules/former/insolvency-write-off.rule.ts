/** §7 rule 2: an insolvency (dro, bankruptcy, as §4 rule 2) → propose_write_off (insolvency). */
import { holdingInsolvencyEvent } from '../current/insolvency.rule';
import { decides, decision, goesOn, type Rule } from '../rule';

export const insolvencyWriteOffRule: Rule = {
  name: '§7.2 insolvency',
  evaluate(ctx) {
    const event = holdingInsolvencyEvent(ctx.index.events);
    if (event === null) return goesOn('no debt relief order or bankruptcy');
    return decides(
      decision('propose_write_off', [`${event.kind} recorded ${event.date}: propose writing off the former-tenant debt`], { writeOffReason: 'insolvency' }),
      `${event.kind} → propose_write_off (insolvency)`,
      { kind: event.kind, recordedOn: event.date },
    );
  },
};
