/** §7 rule 8: no forwarding address (no forwarding_address event, no tenant with forwardingAddress true) and no agency_referral to trace → trace_referral. */
import { decides, decision, goesOn, type Rule } from '../rule';

export const traceReferralRule: Rule = {
  name: '§7.8 trace referral',
  evaluate(ctx) {
    const hasForwardingAddress = ctx.index.events.some((e) => e.type === 'forwarding_address') || ctx.caseFile.tenancy.tenants.some((t) => t.forwardingAddress);
    const tracedAlready = ctx.index.events.some((e) => e.type === 'agency_referral' && e.agency === 'trace');
    const figures = { hasForwardingAddress, traceReferralMade: tracedAlready };
    if (hasForwardingAddress || tracedAlready) return goesOn(hasForwardingAddress ? 'forwarding address known' : 'already referred for tracing', figures);
    return decides(decision('trace_referral', ['no forwarding address for the former tenant: refer for tracing']), 'no address, no trace referral → trace_referral', figures);
  },
};
