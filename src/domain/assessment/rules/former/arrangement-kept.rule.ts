/**
 * §7 rule 7: the latest arrangement dated after endDate that is neither cancelled nor ended, kept →
 * monitor_arrangement (broken: go on). Not limited to the episode: the text does not ask it.
 */
import { pounds } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';

export const formerArrangementRule: Rule = {
  name: '§7.7 arrangement kept',
  evaluate(ctx) {
    const arrangement = ctx.arrangement;
    if (arrangement === null) return goesOn('no arrangement since the tenancy ended');
    const { event, compliance } = arrangement;
    const figures = { startedOn: event.date, status: compliance.status, shortfallPence: compliance.shortfallPence };
    if (compliance.status === 'broken') return goesOn('arrangement broken', figures);
    return decides(
      decision('monitor_arrangement', [`arrangement of ${event.date} (${pounds(compliance.instalmentPence)} ${compliance.frequency}) is being kept`]),
      'kept → monitor_arrangement',
      figures,
    );
  },
};
