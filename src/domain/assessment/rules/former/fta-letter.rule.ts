/** §7 rule 9: no send_fta_letter action dated on or after endDate → send_fta_letter. */
import { isAction, latest } from '../../events';
import { pounds } from '../../format';
import { decides, decision, goesOn, type Rule } from '../rule';
import type { AssessmentContext } from '../../assessment-context';
import type { IndexedEvent } from '../../measures/case-index';

export function latestFtaLetter(ctx: AssessmentContext): IndexedEvent | null {
  const endDate = ctx.caseFile.tenancy.endDate ?? '';
  return latest(ctx.index.events, (e) => isAction(e, 'send_fta_letter') && e.date >= endDate);
}

export const ftaLetterRule: Rule = {
  name: '§7.9 former-tenant arrears letter',
  evaluate(ctx) {
    const letter = latestFtaLetter(ctx);
    if (letter !== null) return goesOn(`letter sent ${letter.date}`, { latestLetterOn: letter.date });
    return decides(
      decision('send_fta_letter', [`former tenancy ended ${ctx.caseFile.tenancy.endDate} owing ${pounds(ctx.balancePence)}; no letter sent since`]),
      'no FTA letter since the end → send_fta_letter',
      { latestLetterOn: null },
    );
  },
};
