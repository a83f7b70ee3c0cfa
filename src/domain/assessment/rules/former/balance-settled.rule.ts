/** §7 rule 1: balance < 0 → refund_credit; balance = 0 → none. */
import { pounds } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';

export const balanceSettledRule: Rule = {
  name: '§7.1 credit or clear balance',
  evaluate(ctx) {
    const figures = { balancePence: ctx.balancePence };
    if (ctx.balancePence < 0) {
      return decides(decision('refund_credit', [`former tenancy in credit by ${pounds(-ctx.balancePence)}: refund it`]), 'credit → refund_credit', figures);
    }
    if (ctx.balancePence === 0) return decides(decision('none', ['former tenancy with a clear account']), 'balance 0 → none', figures);
    return goesOn('a debt is owed', figures);
  },
};
