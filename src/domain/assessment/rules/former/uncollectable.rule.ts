/** §7 rule 6: an agency_referral (either agency) returned with result untraceable or uncollectable → propose_write_off (uncollectable). */
import { latest } from '../../events';
import { decides, decision, goesOn, type Rule } from '../rule';

export const uncollectableRule: Rule = {
  name: '§7.6 uncollectable',
  evaluate(ctx) {
    const referral = latest(
      ctx.index.events,
      (e) => e.type === 'agency_referral' && e.returnedOn !== null && (e.result === 'untraceable' || e.result === 'uncollectable'),
    );
    if (referral === null) return goesOn('no referral returned untraceable or uncollectable');
    return decides(
      decision('propose_write_off', [`${referral.agency ?? 'agency'} referral of ${referral.date} returned ${referral.returnedOn}: ${referral.result}`], {
        writeOffReason: 'uncollectable',
      }),
      `${referral.result} → propose_write_off (uncollectable)`,
      { agency: referral.agency, referredOn: referral.date, returnedOn: referral.returnedOn, result: referral.result },
    );
  },
};
