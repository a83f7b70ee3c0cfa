/** §7 rule 11: otherwise → monitor. */
import { pounds } from '../../format';
import { decides, decision, type Rule } from '../rule';

export const formerMonitorRule: Rule = {
  name: '§7.11 otherwise',
  evaluate(ctx) {
    return decides(decision('monitor', [`former-tenant debt of ${pounds(ctx.balancePence)}: nothing new to do`]), '→ monitor', {});
  },
};
