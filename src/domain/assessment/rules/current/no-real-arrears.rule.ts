/** §4 rule 6: realArrears(asOf) = 0 → none (technical arrears alone never start recovery). */
import { pounds } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';

export const noRealArrearsRule: Rule = {
  name: '§4.6 no real arrears',
  evaluate(ctx) {
    const figures = { realArrearsPence: ctx.realArrearsPence, technicalArrearsPence: ctx.technicalArrearsPence };
    if (ctx.realArrearsPence > 0) return goesOn('real arrears', figures);
    const reasons =
      ctx.technicalArrearsPence > 0
        ? [`${pounds(ctx.technicalArrearsPence)} owed is all payments in transit (technical arrears only)`]
        : ctx.balancePence < 0
          ? [`the account is in credit by ${pounds(-ctx.balancePence)}`]
          : [];
    return decides(decision('none', reasons), 'no real arrears → none', figures);
  },
};
