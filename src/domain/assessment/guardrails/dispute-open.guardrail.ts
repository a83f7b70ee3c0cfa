/** §5.2 dispute open (a `dispute` without a `resolvedOn` on or before asOf): serve_notice, apply_* → resolve_dispute. */
import { latest } from '../events';
import { APPLY_ACTIONS, type Guardrail, type GuardrailCondition } from './guardrail';

export const disputeOpenGuardrail: Guardrail = {
  name: '§5.2 dispute open',
  code: 'dispute_open',
  blocks: ['serve_notice', ...APPLY_ACTIONS],
  replacement: 'resolve_dispute',
  condition(ctx): GuardrailCondition {
    const open = latest(ctx.index.events, (e) => e.type === 'dispute' && e.resolvedOn === null);
    if (open === null) return { holds: false, because: 'no open dispute', figures: { openDisputeSince: null } };
    return { holds: true, because: `the tenant has disputed the account since ${open.date}`, figures: { openDisputeSince: open.date } };
  },
};
