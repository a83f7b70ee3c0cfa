/** §7 rule 5: balance below 5000 pence (⚙) → propose_write_off (uneconomic). */
import { pounds } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';

export const uneconomicRule: Rule = {
  name: '§7.5 uneconomic balance',
  evaluate(ctx) {
    const limit = ctx.policy.uneconomicBalancePence;
    const figures = { balancePence: ctx.balancePence, uneconomicBalancePence: limit };
    if (ctx.balancePence >= limit) return goesOn('balance worth pursuing', figures);
    return decides(
      decision('propose_write_off', [`former-tenant balance ${pounds(ctx.balancePence)} is below ${pounds(limit)}: uneconomic to pursue`], {
        writeOffReason: 'uneconomic',
      }),
      'below the uneconomic balance → propose_write_off (uneconomic)',
      figures,
    );
  },
};
