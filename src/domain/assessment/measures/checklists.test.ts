import { describe, expect, it } from 'vitest';
import { anArrangement, aPreAction } from '../../../../test/builders/case-file';
import { anIndex, day } from '../../../../test/builders/case-index';
import type { CaseEvent } from '../../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../../policy/default-policy';
import { claimChecklistMissing, noticeChecklistMissing } from './checklists';

const asOf = '2026-12-09';
function episodeEvents(events: CaseEvent[]) {
  return anIndex({ asOf, events }).events;
}

const allButTimed = ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given', 'debt_advice_referral'].map((item) => aPreAction('2026-09-11', item));

describe('notice checklist (⚙)', () => {
  it('lists the missing items in the §3 order', () => {
    expect(noticeChecklistMissing(episodeEvents([aPreAction('2026-09-11', 'income_expenditure_offered')]), DEFAULT_POLICY_PARAMETERS)).toEqual([
      'initial_contact',
      'benefit_advice_given',
    ]);
  });

  it('follows the policy’s items, in the §3 order', () => {
    const policy = { ...DEFAULT_POLICY_PARAMETERS, noticeChecklist: ['debt_advice_referral' as const, 'initial_contact' as const] };
    expect(noticeChecklistMissing([], policy)).toEqual(['initial_contact', 'debt_advice_referral']);
  });
});

describe('claim checklist (⚖)', () => {
  const served = day('2026-10-12');
  it.each<[string, CaseEvent[], string[]]>([
    ['nothing done', [], ['initial_contact', 'income_expenditure_offered', 'rent_statement_sent', 'benefit_advice_given', 'debt_advice_referral', 'post_notice_contact']],
    ['all done, no arrangement: no warning needed', [...allButTimed, aPreAction('2026-09-09', 'rent_statement_sent'), aPreAction('2026-10-12', 'post_notice_contact')], []],
    ['a statement older than 91 days', [...allButTimed, aPreAction('2026-09-08', 'rent_statement_sent'), aPreAction('2026-10-12', 'post_notice_contact')], ['rent_statement_sent']],
    ['contact before the notice', [...allButTimed, aPreAction('2026-11-20', 'rent_statement_sent'), aPreAction('2026-10-11', 'post_notice_contact')], ['post_notice_contact']],
    [
      'an arrangement: the warning is needed 14 days before',
      [...allButTimed, aPreAction('2026-11-20', 'rent_statement_sent'), aPreAction('2026-10-19', 'post_notice_contact'), anArrangement('2026-09-20', 500, 'weekly', { cancelledOn: '2026-10-01' })],
      ['pre_issue_warning'],
    ],
    [
      'a warning on asOf − 14',
      [...allButTimed, aPreAction('2026-11-20', 'rent_statement_sent'), aPreAction('2026-10-19', 'post_notice_contact'), anArrangement('2026-09-20', 500), aPreAction('2026-11-25', 'pre_issue_warning')],
      [],
    ],
    [
      'a warning on asOf − 13',
      [...allButTimed, aPreAction('2026-11-20', 'rent_statement_sent'), aPreAction('2026-10-19', 'post_notice_contact'), anArrangement('2026-09-20', 500), aPreAction('2026-11-26', 'pre_issue_warning')],
      ['pre_issue_warning'],
    ],
  ])('%s', (_name, events, missing) => {
    expect(claimChecklistMissing({ episodeEvents: episodeEvents(events), asOfDay: day(asOf), noticeServedOnDay: served, policy: DEFAULT_POLICY_PARAMETERS })).toEqual(missing);
  });
});
