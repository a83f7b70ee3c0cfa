/**
 * §4 rule 3: the latest `eviction_scheduled`, if its evictionDate is on or after asOf and no
 * `eviction_cancelled` is dated on or after it (the scheduling event): cash arrears 0 →
 * cancel_eviction; else prepare_eviction.
 */
import { latest } from '../../events';
import { pounds } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';

export const evictionScheduledRule: Rule = {
  name: '§4.3 eviction scheduled',
  evaluate(ctx) {
    const scheduled = latest(ctx.index.events, (e) => e.type === 'eviction_scheduled');
    if (scheduled === null) return goesOn('no eviction scheduled');
    const evictionDate = scheduled.evictionDate as string;
    const cancelled = ctx.index.events.some((e) => e.type === 'eviction_cancelled' && e.day >= scheduled.day);
    const figures = { scheduledOn: scheduled.date, evictionDate, cancelled, arrearsPence: ctx.arrearsPence };
    if (evictionDate < ctx.asOf) return goesOn(`the eviction date ${evictionDate} has passed`, figures);
    if (cancelled) return goesOn('the eviction was cancelled', figures);
    if (ctx.arrearsPence === 0) {
      return decides(decision('cancel_eviction', [`eviction set for ${evictionDate} but the account is clear: cancel it`]), 'cash arrears 0 → cancel_eviction', figures);
    }
    return decides(
      decision('prepare_eviction', [`eviction set for ${evictionDate}; ${pounds(ctx.arrearsPence)} still owed`]),
      'cash arrears → prepare_eviction',
      figures,
    );
  },
};
