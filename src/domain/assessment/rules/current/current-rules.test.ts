/**
 * §4: the first rule that matches decides, for current tenancies. Each row is a whole case assessed;
 * the base case is ten weeks behind (episode from 2026-01-02, asOf Wednesday 2026-03-04).
 */
import { describe, expect, it } from 'vitest';
import {
  aBreathingSpace,
  anAction,
  anArrangement,
  anArrearsCase,
  anEvent,
  aNotice,
  aPayment,
  aPreAction,
  aTransaction,
  type ArrearsCaseOptions,
} from '../../../../../test/builders/case-file';
import type { CaseEvent } from '../../../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../../../policy/default-policy';
import { assessCase } from '../../assess-case';
import type { AssessmentOutput } from '../../types';

type DeepPartial<T> = { [K in keyof T]?: NonNullable<T[K]> extends object ? DeepPartial<NonNullable<T[K]>> | Extract<T[K], null> : T[K] };
type Expected = DeepPartial<AssessmentOutput>;

function assess(options: ArrearsCaseOptions): AssessmentOutput {
  return assessCase(anArrearsCase(options)).output;
}

const NOTICE_CHECKLIST = ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'].map((item) => aPreAction('2026-01-05', item));
const LADDER_DONE = [anAction('2026-01-05', 'send_letter_1'), anAction('2026-01-12', 'send_letter_2'), anAction('2026-01-19', 'home_visit'), anAction('2026-01-26', 'send_final_warning')];
const CLAIM_CHECKLIST = [
  ...NOTICE_CHECKLIST,
  aPreAction('2026-01-19', 'debt_advice_referral'),
  aPreAction('2026-02-09', 'post_notice_contact'),
  aPreAction('2026-02-20', 'rent_statement_sent'),
  anEvent('psed_assessment', '2026-03-01', { stage: 'claim' }),
];
const NOSP_FEB_02 = aNotice('2026-02-02', 'nosp', ['1']); // earliest 03-02, expires 2027-03-02

describe('§4 rules 1–5: holds and the court stage', () => {
  it.each<[string, ArrearsCaseOptions, Expected]>([
    ['1 a sole tenant died → hold', { events: [anEvent('tenant_deceased', '2026-02-01')] }, { recommendation: { action: 'hold' }, blockedBy: [{ code: 'tenant_deceased' }] }],
    ['1 a joint tenant survives → goes on', { events: [anEvent('tenant_deceased', '2026-02-01', { survivingJointTenant: true })] }, { recommendation: { action: 'send_letter_1' } }],
    ['1 before the court stage', { events: [anEvent('tenant_deceased', '2026-02-01'), anEvent('claim_issued', '2026-02-02')] }, { recommendation: { action: 'hold' } }],
    ['2 a DRO → hold', { events: [anEvent('insolvency', '2026-02-01', { kind: 'dro' })] }, { recommendation: { action: 'hold' }, blockedBy: [{ code: 'insolvency' }], alsoConsider: [] }],
    ['2 bankruptcy → hold', { events: [anEvent('insolvency', '2026-02-01', { kind: 'bankruptcy' })] }, { recommendation: { action: 'hold' } }],
    ['2 an IVA has no effect', { events: [anEvent('insolvency', '2026-02-01', { kind: 'iva' })] }, { recommendation: { action: 'send_letter_1' }, blockedBy: [] }],
    ['3 eviction set for asOf → prepare_eviction', { events: [anEvent('eviction_scheduled', '2026-02-01', { evictionDate: '2026-03-04' })] }, { recommendation: { action: 'prepare_eviction' }, priority: 85 }],
    ['3 eviction date passed → goes on', { events: [anEvent('eviction_scheduled', '2026-02-01', { evictionDate: '2026-03-03' })] }, { recommendation: { action: 'send_letter_1' } }],
    [
      '3 cancelled on the day it was scheduled → goes on',
      { events: [anEvent('eviction_scheduled', '2026-02-01', { evictionDate: '2026-03-10' }), anEvent('eviction_cancelled', '2026-02-01')] },
      { recommendation: { action: 'send_letter_1' } },
    ],
    [
      '3 a cancellation before the latest scheduling does not count',
      { events: [anEvent('eviction_cancelled', '2026-01-31'), anEvent('eviction_scheduled', '2026-02-01', { evictionDate: '2026-03-10' })] },
      { recommendation: { action: 'prepare_eviction' } },
    ],
    [
      '3 no cash arrears → cancel_eviction',
      { transactions: [aPayment('2026-03-03', 100000)], events: [anEvent('eviction_scheduled', '2026-02-01', { evictionDate: '2026-03-10' })] },
      { recommendation: { action: 'cancel_eviction' } },
    ],
    [
      '4 outright order before its possession date → monitor_order',
      { events: [anEvent('claim_issued', '2026-01-10'), anEvent('court_order', '2026-02-10', { order: 'outright', possessionDate: '2026-03-05' })] },
      { recommendation: { action: 'monitor_order' } },
    ],
    [
      '4 outright order on its possession date with arrears → apply_for_warrant',
      { events: [anEvent('claim_issued', '2026-01-10'), anEvent('court_order', '2026-02-10', { order: 'outright', possessionDate: '2026-03-04' })] },
      { recommendation: { action: 'apply_for_warrant', needsApproval: true, missing: ['psed_assessment'] }, priority: 85 },
    ],
    [
      '4 outright order, no possession date: from the order date; PSED done',
      {
        events: [
          anEvent('claim_issued', '2026-01-10'),
          anEvent('court_order', '2026-02-10', { order: 'outright' }),
          anEvent('psed_assessment', '2026-02-11', { stage: 'warrant' }),
        ],
      },
      { recommendation: { action: 'apply_for_warrant', missing: [] } },
    ],
    [
      '4 outright order, warrant requested on the order date → monitor_order',
      { events: [anEvent('court_order', '2026-02-10', { order: 'outright' }), anEvent('warrant_requested', '2026-02-10')] },
      { recommendation: { action: 'monitor_order' } },
    ],
    [
      '4 suspended order, terms broken → apply_for_warrant',
      { events: [anEvent('claim_issued', '2026-01-10'), anEvent('court_order', '2026-02-10', { order: 'suspended', instalmentPence: 500 })] },
      { recommendation: { action: 'apply_for_warrant' } },
    ],
    [
      '4 suspended order, terms kept → monitor_order',
      {
        transactions: [aPayment('2026-02-16', 10500), aPayment('2026-02-23', 10500), aPayment('2026-03-02', 10500)],
        events: [anEvent('court_order', '2026-02-16', { order: 'suspended', instalmentPence: 500, frequency: 'weekly' })],
      },
      { recommendation: { action: 'monitor_order' }, arrangement: { status: 'none' } },
    ],
    [
      '4 suspended order with no instalment: the rent alone must be paid',
      { transactions: [aPayment('2026-02-16'), aPayment('2026-02-23'), aPayment('2026-03-02')], events: [anEvent('court_order', '2026-02-16', { order: 'suspended' })] },
      { recommendation: { action: 'monitor_order' } },
    ],
    [
      '4 postponed order broken → apply_to_fix_date',
      { events: [anEvent('court_order', '2026-02-10', { order: 'postponed', instalmentPence: 500 })] },
      { recommendation: { action: 'apply_to_fix_date', needsApproval: true, missing: [] } },
    ],
    [
      '4 adjourned on terms, broken → apply_to_restore',
      { events: [anEvent('court_order', '2026-02-10', { order: 'adjourned_on_terms', instalmentPence: 500 })] },
      { recommendation: { action: 'apply_to_restore', needsApproval: true } },
    ],
    ['4 money judgment → monitor_order', { events: [anEvent('court_order', '2026-02-10', { order: 'money_judgment' })] }, { recommendation: { action: 'monitor_order' } }],
    ['4 an unknown order kind → monitor_order', { events: [anEvent('court_order', '2026-02-10', { order: 'stayed' })] }, { recommendation: { action: 'monitor_order' } }],
    [
      '4 an order before the latest claim is not in force → 5 prepare_hearing',
      { events: [anEvent('court_order', '2026-01-10', { order: 'outright' }), anEvent('claim_issued', '2026-02-10')] },
      { recommendation: { action: 'prepare_hearing' }, priority: 85 },
    ],
    [
      '5 an order on the claim date is not after it → prepare_hearing',
      { events: [anEvent('claim_issued', '2026-02-10'), anEvent('court_order', '2026-02-10', { order: 'outright' })] },
      { recommendation: { action: 'prepare_hearing' } },
    ],
    [
      '4 dismissed: the court stage ends, the notice before it is spent; ladder again',
      { events: [NOSP_FEB_02, anEvent('claim_issued', '2026-02-10'), anEvent('court_order', '2026-02-20', { order: 'dismissed' })] },
      { notice: null, recommendation: { action: 'send_letter_1' } },
    ],
    [
      '4 dismissed: a notice served on the day of the order is not spent',
      { events: [anEvent('court_order', '2026-02-02', { order: 'dismissed' }), NOSP_FEB_02, ...CLAIM_CHECKLIST] },
      { notice: { type: 'nosp', servedOn: '2026-02-02', earliestProceedingsDate: '2026-03-02', expiresOn: '2027-03-02', valid: true }, recommendation: { action: 'apply_for_possession' } },
    ],
  ])('%s', (_name, options, expected) => {
    expect(assess(options)).toMatchObject(expected);
  });

  it('3–5 come before rule 6: a court stage with no real arrears', () => {
    const output = assess({ weeksBehind: 0, events: [anEvent('claim_issued', '2026-02-10')] });
    expect(output.realArrearsPence).toBe(0);
    expect(output.recommendation.action).toBe('prepare_hearing');
  });
});

describe('§4 rules 6–7: no real arrears, arrangements', () => {
  it.each<[string, ArrearsCaseOptions, Expected]>([
    ['6 all paid → none', { weeksBehind: 0 }, { recommendation: { action: 'none' }, priority: 0, episodeStart: null, arrangement: { status: 'none' } }],
    ['6 a week behind, within the payer’s grace → none', { weeksBehind: 1 }, { technicalArrearsPence: 10000, realArrearsPence: 0, recommendation: { action: 'none' } }],
    [
      '7 arrangement kept → monitor_arrangement',
      { transactions: [aPayment('2026-02-16', 11000), aPayment('2026-02-23', 11000), aPayment('2026-03-02', 11000)], events: [anArrangement('2026-02-16', 1000)] },
      { recommendation: { action: 'monitor_arrangement' }, arrangement: { status: 'kept', shortfallPence: 0 } },
    ],
    [
      '7 broken, never reviewed → review_arrangement',
      { events: [anArrangement('2026-02-16', 1000)] },
      { recommendation: { action: 'review_arrangement' }, arrangement: { status: 'broken', shortfallPence: 33000 } },
    ],
    [
      '7 broken, reviewed 13 days ago → monitor',
      { events: [anArrangement('2026-02-02', 1000), anAction('2026-02-19', 'review_arrangement')] },
      { recommendation: { action: 'monitor' } },
    ],
    [
      '7 broken, reviewed 14 days ago → goes on to the ladder',
      { events: [anArrangement('2026-02-02', 1000), anAction('2026-02-18', 'review_arrangement')] },
      { recommendation: { action: 'send_letter_1' }, arrangement: { status: 'broken' } },
    ],
    [
      '7 a review before the arrangement started does not count',
      { events: [anAction('2026-02-01', 'review_arrangement'), anArrangement('2026-02-02', 1000)] },
      { recommendation: { action: 'review_arrangement' } },
    ],
    ['7 an arrangement before the episode is not in force', { events: [anArrangement('2025-12-01', 1000)] }, { arrangement: { status: 'none' }, recommendation: { action: 'send_letter_1' } }],
    [
      '7 a later cancelled arrangement leaves the earlier one in force',
      { events: [anArrangement('2026-02-02', 1000), anArrangement('2026-02-09', 2000, 'weekly', { cancelledOn: '2026-02-20' })] },
      { arrangement: { status: 'broken', shortfallPence: 55000 } },
    ],
    [
      '7 an arrangement cancelled after asOf is still in force',
      { events: [anArrangement('2026-02-02', 1000, 'weekly', { cancelledOn: '2026-03-05' })] },
      { arrangement: { status: 'broken' }, recommendation: { action: 'review_arrangement' } },
    ],
    ['7 an arrangement that ended before asOf is not', { events: [anArrangement('2026-02-02', 1000, 'weekly', { endDate: '2026-03-03' })] }, { arrangement: { status: 'none' } }],
    ['7 one ending on asOf still is', { events: [anArrangement('2026-02-02', 1000, 'weekly', { endDate: '2026-03-04' })] }, { arrangement: { status: 'broken' } }],
  ])('%s', (_name, options, expected) => {
    expect(assess(options)).toMatchObject(expected);
  });
});

describe('§4 rule 8: a notice in force', () => {
  it.each<[string, ArrearsCaseOptions, Expected]>([
    [
      'before its earliest proceedings date → monitor_notice',
      { events: [aNotice('2026-02-09', 'nosp')] },
      { notice: { type: 'nosp', servedOn: '2026-02-09', earliestProceedingsDate: '2026-03-09', expiresOn: '2027-03-09', valid: false }, recommendation: { action: 'monitor_notice' } },
    ],
    ['valid, 10 weeks, checklists done → apply_for_possession', { events: [NOSP_FEB_02, ...CLAIM_CHECKLIST] }, { recommendation: { action: 'apply_for_possession', needsApproval: true, missing: [] } }],
    [
      'valid, claim checklist incomplete → complete_pre_action',
      { events: [NOSP_FEB_02, ...NOTICE_CHECKLIST] },
      { recommendation: { action: 'complete_pre_action', needsApproval: false, missing: ['rent_statement_sent', 'debt_advice_referral', 'post_notice_contact'] } },
    ],
    [
      'valid, PSED for the claim missing: listed, still apply_for_possession',
      { events: [NOSP_FEB_02, ...CLAIM_CHECKLIST.filter((e) => e.type !== 'psed_assessment')] },
      { recommendation: { action: 'apply_for_possession', missing: ['psed_assessment'] } },
    ],
    ['valid, 7.9999 weeks rounds to 8.00 → apply_for_possession', { adjustPence: -20001, events: [NOSP_FEB_02, ...CLAIM_CHECKLIST] }, { weeksInArrears: 8, recommendation: { action: 'apply_for_possession' } }],
    ['valid, 7.99 weeks → monitor_notice', { adjustPence: -20051, events: [NOSP_FEB_02, ...CLAIM_CHECKLIST] }, { weeksInArrears: 7.99, recommendation: { action: 'monitor_notice' } }],
    [
      'expired, 4+ weeks, notice checklist done → serve_notice again',
      {
        historyFrom: '2024-06-03',
        weeksBehind: 100,
        events: [aNotice('2024-07-01', 'nosp'), ...NOTICE_CHECKLIST, anEvent('psed_assessment', '2026-02-01', { stage: 'notice' })],
      },
      {
        episodeStart: '2024-06-03',
        notice: { type: 'nosp', servedOn: '2024-07-01', earliestProceedingsDate: '2024-07-29', expiresOn: '2025-07-29', valid: false },
        recommendation: { action: 'serve_notice', notice: 'nosp', grounds: ['1'], missing: [] },
      },
    ],
    [
      'expired, 4+ weeks, notice checklist incomplete → complete_pre_action',
      { historyFrom: '2024-06-03', weeksBehind: 100, events: [aNotice('2024-07-01', 'nosp')] },
      { recommendation: { action: 'complete_pre_action', missing: ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'] } },
    ],
    [
      'expired, below 4 weeks → monitor',
      { historyFrom: '2024-06-03', weeksBehind: 100, transactions: [aPayment('2026-03-03', 900000)], events: [aNotice('2024-07-01', 'nosp')] },
      { recommendation: { action: 'monitor' } },
    ],
    [
      'a void notice (served in a breathing space) is not in force',
      { events: [aBreathingSpace('2026-01-10', 'standard', { endDate: '2026-02-10' }), aNotice('2026-02-02', 'nosp'), ...LADDER_DONE, ...NOTICE_CHECKLIST] },
      { notice: null, recommendation: { action: 'serve_notice' } },
    ],
    ['a notice of an unknown type is ignored', { events: [aNotice('2026-02-02', 'section_21'), ...LADDER_DONE] }, { notice: null }],
    ['a notice served before the episode is not in force', { events: [aNotice('2025-12-01', 'nosp')] }, { notice: null, recommendation: { action: 'send_letter_1' } }],
    [
      'the latest of two: the later one counts',
      { events: [aNotice('2026-01-05', 'nosp'), aNotice('2026-02-09', 'nosp')] },
      { notice: { servedOn: '2026-02-09' }, recommendation: { action: 'monitor_notice' } },
    ],
  ])('%s', (_name, options, expected) => {
    expect(assess(options)).toMatchObject(expected);
  });

  it('a breathing space over the expiry moves it to its last day + 56 days', () => {
    // nosp served 2024-07-01: earliest 07-29, expires 2025-07-29, inside a breathing space to 2026-02-01
    const events: CaseEvent[] = [
      aNotice('2024-07-01', 'nosp'),
      aBreathingSpace('2025-07-01', 'mental_health_crisis', { endDate: '2026-02-01' }),
      ...CLAIM_CHECKLIST,
    ];
    const output = assess({ historyFrom: '2024-06-03', weeksBehind: 100, events });
    expect(output.notice).toEqual({ type: 'nosp', servedOn: '2024-07-01', earliestProceedingsDate: '2024-07-29', expiresOn: '2026-03-29', valid: true });
    expect(output.recommendation.action).toBe('apply_for_possession');
    expect(output.priority).toBe(60 + 10 + 10); // expires within 56 days; balance rising
  });

  it('an open breathing space over the expiry: expiresOn null, still valid (and the claim is held)', () => {
    const events: CaseEvent[] = [aNotice('2024-07-01', 'nosp'), aBreathingSpace('2025-07-01', 'mental_health_crisis'), ...CLAIM_CHECKLIST];
    const output = assess({ historyFrom: '2024-06-03', weeksBehind: 100, events });
    expect(output.notice).toMatchObject({ expiresOn: null, valid: true });
    expect(output.recommendation.action).toBe('hold');
    expect(output.blockedBy).toEqual([{ code: 'breathing_space', until: null }]);
  });

  it('dates follow the type recorded, whatever the tenure', () => {
    const output = assess({ tenancy: { tenure: 'assured' }, events: [aNotice('2026-02-02', 'nosp')] });
    expect(output.notice).toMatchObject({ type: 'nosp', earliestProceedingsDate: '2026-03-02' });
  });

  it('a section 8 notice with ground 8: the ground 8 test decides, not 8.00 weeks', () => {
    const events: CaseEvent[] = [aNotice('2026-02-02', 'section_8', ['8', '10', '11']), ...CLAIM_CHECKLIST];
    const tenancy = { tenure: 'assured' as const };
    // 10 weeks with 30000 of court costs: rent arrears 70000 < 8 weeks, cash 100000 ≥ 8 weeks
    const costs = [aTransaction('court_costs', '2026-02-20', 30000), aPayment('2026-03-03', 30000)];
    expect(assess({ tenancy, events, transactions: costs }).recommendation.action).toBe('monitor_notice');
    expect(assess({ tenancy, events }).recommendation.action).toBe('apply_for_possession');
    // without ground 8 recorded: weeksInArrears (real arrears, costs included: 10.00) against 8.00
    const noGround8: CaseEvent[] = [aNotice('2026-02-02', 'section_8', ['10', '11']), ...CLAIM_CHECKLIST];
    expect(assess({ tenancy, events: noGround8, transactions: costs }).recommendation.action).toBe('apply_for_possession');
  });
});

describe('§4 rule 9: the ladder', () => {
  it.each<[string, ArrearsCaseOptions, Expected]>([
    ['no step, 1.00 weeks → send_letter_1', { weeksBehind: 2, adjustPence: -10000 }, { weeksInArrears: 1, recommendation: { action: 'send_letter_1' } }],
    ['no step, 0.995 weeks rounds to 1.00 → send_letter_1', { weeksBehind: 2, adjustPence: -10050 }, { weeksInArrears: 1, recommendation: { action: 'send_letter_1' } }],
    ['no step, 0.99 weeks → monitor', { weeksBehind: 2, adjustPence: -10051 }, { weeksInArrears: 0.99, recommendation: { action: 'monitor' } }],
    ['letter 1 six days ago → monitor', { events: [anAction('2026-02-26', 'send_letter_1')] }, { recommendation: { action: 'monitor' } }],
    ['letter 1 seven days ago → send_letter_2', { events: [anAction('2026-02-25', 'send_letter_1')] }, { recommendation: { action: 'send_letter_2' } }],
    ['letter 1 sent twice: the latest counts', { events: [anAction('2026-02-01', 'send_letter_1'), anAction('2026-02-26', 'send_letter_1')] }, { recommendation: { action: 'monitor' } }],
    ['a letter 1 before the episode does not count', { events: [anAction('2025-12-01', 'send_letter_1')] }, { recommendation: { action: 'send_letter_1' } }],
    ['steps skipped: the highest taken decides', { events: [anAction('2026-02-01', 'home_visit')] }, { recommendation: { action: 'send_final_warning' } }],
    ['letter 2 due but only 1.99 weeks → monitor', { weeksBehind: 2, adjustPence: -1, events: [anAction('2026-02-27', 'send_letter_1')] }, { recommendation: { action: 'monitor' } }],
    ['final warning 13 days ago → monitor', { events: [...LADDER_DONE.slice(0, 3), anAction('2026-02-19', 'send_final_warning'), ...NOTICE_CHECKLIST] }, { recommendation: { action: 'monitor' } }],
    [
      'final warning 14 days ago, checklist done → serve_notice, PSED missing',
      { events: [...LADDER_DONE.slice(0, 3), anAction('2026-02-18', 'send_final_warning'), ...NOTICE_CHECKLIST] },
      {
        recommendation: {
          action: 'serve_notice',
          notice: 'nosp',
          grounds: ['1'],
          proposedDates: { earliestProceedingsDate: '2026-04-06', expiresOn: '2027-04-06' },
          missing: ['psed_assessment'],
        },
      },
    ],
    [
      'serve_notice due, checklist incomplete → complete_pre_action',
      { events: [...LADDER_DONE, aPreAction('2026-01-05', 'benefit_advice_given')] },
      { recommendation: { action: 'complete_pre_action', missing: ['initial_contact', 'income_expenditure_offered'] } },
    ],
    [
      'serve_notice taken but no notice recorded → serve_notice again after 14 days',
      { events: [...LADDER_DONE, anAction('2026-02-18', 'serve_notice'), ...NOTICE_CHECKLIST] },
      { recommendation: { action: 'serve_notice' } },
    ],
    [
      'serve_notice taken 13 days ago, no notice recorded → monitor',
      { events: [...LADDER_DONE, anAction('2026-02-19', 'serve_notice'), ...NOTICE_CHECKLIST] },
      { recommendation: { action: 'monitor' } },
    ],
  ])('%s', (_name, options, expected) => {
    expect(assess(options)).toMatchObject(expected);
  });

  it.each([
    ['introductory', 'section_128', [], '2026-04-06', null],
    ['licence', 'notice_to_quit', [], '2026-04-06', null],
    ['assured', 'section_8', ['8', '10', '11'], '2026-03-18', '2027-03-04'],
  ] as const)('serve_notice for a %s tenancy: %s', (tenure, notice, grounds, earliest, expires) => {
    const output = assess({ tenancy: { tenure }, events: [...LADDER_DONE, ...NOTICE_CHECKLIST] });
    expect(output.recommendation).toMatchObject({ action: 'serve_notice', notice, grounds, proposedDates: { earliestProceedingsDate: earliest, expiresOn: expires } });
  });

  it('section 8 grounds: below 8 weeks of rent arrears, 10 and 11 only', () => {
    const output = assess({ adjustPence: -20001, tenancy: { tenure: 'starter' }, events: [...LADDER_DONE, ...NOTICE_CHECKLIST] });
    expect(output.weeksInArrears).toBe(8); // 7.9999 rounds to 8.00, but the ground 8 test is on pence
    expect(output.recommendation.grounds).toEqual(['10', '11']);
  });

  it('section 8 after the switch-over date: S + 28 and 13 weeks', () => {
    const policy = { section8SwitchOverDate: '2026-03-04' };
    const caseFile = anArrearsCase({ weeksBehind: 12, tenancy: { tenure: 'assured' }, events: [...LADDER_DONE, ...NOTICE_CHECKLIST] });
    const { output } = assessCase(caseFile, { ...defaults(), ...policy });
    expect(output.recommendation).toMatchObject({ grounds: ['10', '11'], proposedDates: { earliestProceedingsDate: '2026-04-01', expiresOn: '2027-03-04' } });
  });

  it('monthly rent: a nosp runs to a period start a full period on', () => {
    const output = assess({ tenancy: { rentFrequency: 'monthly', startDate: '2020-01-05' }, events: [...LADDER_DONE, ...NOTICE_CHECKLIST] });
    // served 03-04: + 28 = 04-01 → 04-05; second period start on or after 03-04 is 04-05
    expect(output.recommendation.proposedDates).toEqual({ earliestProceedingsDate: '2026-04-05', expiresOn: '2027-04-05' });
  });
});

function defaults() {
  return { ...DEFAULT_POLICY_PARAMETERS };
}
