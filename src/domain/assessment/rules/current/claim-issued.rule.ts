/** §4 rule 5: a `claim_issued` with no court order after it → prepare_hearing. */
import { latest } from '../../events';
import { decides, decision, goesOn, type Rule } from '../rule';

export const claimIssuedRule: Rule = {
  name: '§4.5 claim issued',
  evaluate(ctx) {
    const claim = latest(ctx.index.events, (e) => e.type === 'claim_issued');
    if (claim === null) return goesOn('no claim issued');
    const orderAfter = ctx.index.events.some((e) => e.type === 'court_order' && e.day > claim.day);
    const figures = { claimIssuedOn: claim.date, hearingDate: claim.hearingDate, orderAfterClaim: orderAfter };
    if (orderAfter) return goesOn('the claim has an order after it', figures);
    const hearing = claim.hearingDate === null ? '' : `, hearing on ${claim.hearingDate}`;
    return decides(decision('prepare_hearing', [`possession claim issued ${claim.date}${hearing}`]), 'claim with no order → prepare_hearing', figures);
  },
};
