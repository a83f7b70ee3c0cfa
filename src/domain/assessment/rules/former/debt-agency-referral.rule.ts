/**
 * §7 rule 10: the latest FTA letter (since endDate) at least 28 days (⚙) before asOf, no payment credit
 * dated after its day, and no debt_collection referral → debt_agency_referral.
 */
import { countAtOrBelow } from '../../measures/search';
import { daysAgoText } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';
import { latestFtaLetter } from './fta-letter.rule';

export const debtAgencyReferralRule: Rule = {
  name: '§7.10 debt agency referral',
  evaluate(ctx) {
    const letter = latestFtaLetter(ctx);
    if (letter === null) return goesOn('no FTA letter');
    const daysSinceLetter = ctx.asOfDay - letter.day;
    const paidSince = countAtOrBelow(ctx.index.paymentDays, letter.day) < ctx.index.paymentDays.length;
    const referred = ctx.index.events.some((e) => e.type === 'agency_referral' && e.agency === 'debt_collection');
    const figures = { latestLetterOn: letter.date, daysSinceLetter, waitDays: ctx.policy.ftaLetterWaitDays, paidSinceLetter: paidSince, debtCollectionReferral: referred };
    if (daysSinceLetter < ctx.policy.ftaLetterWaitDays || paidSince || referred) return goesOn('not due', figures);
    return decides(
      decision('debt_agency_referral', [`letter sent ${daysAgoText(ctx.asOfDay, letter.day)} (${letter.date}) with no payment since: refer to a debt collection agency`]),
      'letter unanswered → debt_agency_referral',
      figures,
    );
  },
};
