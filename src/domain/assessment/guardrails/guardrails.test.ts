/** §5 guardrails on the chosen action, in order, and §6 benefit suggestions. */
import { describe, expect, it } from 'vitest';
import {
  aBenefit,
  aBreathingSpace,
  anAction,
  anArrearsCase,
  anEvent,
  aNotice,
  aPreAction,
  type ArrearsCaseOptions,
} from '../../../../test/builders/case-file';
import type { CaseEvent } from '../../case-file/case-file';
import { assessCase } from '../assess-case';
import type { AssessmentOutput } from '../types';

function assess(options: ArrearsCaseOptions): AssessmentOutput {
  return assessCase(anArrearsCase(options)).output;
}

const CLAIM_READY: CaseEvent[] = [
  ...['initial_contact', 'income_expenditure_offered', 'benefit_advice_given', 'debt_advice_referral'].map((item) => aPreAction('2026-01-05', item)),
  aNotice('2026-02-02', 'nosp', ['1']),
  aPreAction('2026-02-09', 'post_notice_contact'),
  aPreAction('2026-02-20', 'rent_statement_sent'),
];
const LETTER_DUE: CaseEvent[] = [anAction('2026-02-20', 'send_letter_1')]; // send_letter_2 due
const bs = aBreathingSpace('2026-02-01'); // to 2026-04-01
const dispute = anEvent('dispute', '2026-02-01');
const vulnerable = anEvent('vulnerability', '2025-12-01', { flag: 'mental_health' });
const claimPending = aBenefit({ status: 'claimed', evidenceComplete: true, from: '2026-06-01' });

describe('§5 guardrails', () => {
  it.each<[string, ArrearsCaseOptions, string, object[]]>([
    ['breathing space: a letter becomes hold', { events: [...LETTER_DUE, bs] }, 'hold', [{ code: 'breathing_space', until: '2026-04-01' }]],
    ['breathing space started on asOf', { events: [...LETTER_DUE, aBreathingSpace('2026-03-04')] }, 'hold', [{ code: 'breathing_space', until: '2026-05-02' }]],
    ['breathing space ended the day before', { events: [...LETTER_DUE, aBreathingSpace('2026-01-03')] }, 'send_letter_2', []],
    ['mental health crisis: until null', { events: [...LETTER_DUE, aBreathingSpace('2026-02-01', 'mental_health_crisis')] }, 'hold', [{ code: 'breathing_space', until: null }]],
    [
      'of two active, the earliest started gives until',
      { events: [...LETTER_DUE, aBreathingSpace('2026-02-10', 'mental_health_crisis'), bs] },
      'hold',
      [{ code: 'breathing_space', until: '2026-04-01' }],
    ],
    ['breathing space cancelled before asOf: not active', { events: [...LETTER_DUE, aBreathingSpace('2026-02-01', 'standard', { cancelledOn: '2026-03-04' })] }, 'send_letter_2', []],
    ['a dispute does not stop a letter', { events: [...LETTER_DUE, dispute] }, 'send_letter_2', []],
    ['a dispute stops a claim', { events: [...CLAIM_READY, dispute] }, 'resolve_dispute', [{ code: 'dispute_open' }]],
    ['a dispute resolved on asOf is closed', { events: [...CLAIM_READY, anEvent('dispute', '2026-02-01', { resolvedOn: '2026-03-04' })] }, 'apply_for_possession', []],
    ['a dispute resolved after asOf is open', { events: [...CLAIM_READY, anEvent('dispute', '2026-02-01', { resolvedOn: '2026-03-05' })] }, 'resolve_dispute', [{ code: 'dispute_open' }]],
    ['a vulnerability with no review stops a claim', { events: [...CLAIM_READY, vulnerable] }, 'review_vulnerability', [{ code: 'vulnerability_review_due' }]],
    ['reviewed after it, within the year', { events: [...CLAIM_READY, vulnerable, anEvent('vulnerability_review', '2026-01-10')] }, 'apply_for_possession', []],
    [
      'reviewed, then a new vulnerability recorded',
      { events: [...CLAIM_READY, vulnerable, anEvent('vulnerability_review', '2026-01-10'), anEvent('vulnerability', '2026-01-11')] },
      'review_vulnerability',
      [{ code: 'vulnerability_review_due' }],
    ],
    [
      'a review exactly 365 days ago still counts',
      { events: [...CLAIM_READY, anEvent('vulnerability', '2025-03-01'), anEvent('vulnerability_review', '2025-03-04')] },
      'apply_for_possession',
      [],
    ],
    [
      'a review 366 days ago does not',
      { events: [...CLAIM_READY, anEvent('vulnerability', '2025-03-01'), anEvent('vulnerability_review', '2025-03-03')] },
      'review_vulnerability',
      [{ code: 'vulnerability_review_due' }],
    ],
    ['a benefit claim pending stops a claim', { events: CLAIM_READY, benefits: [claimPending] }, 'chase_benefit_claim', [{ code: 'benefit_claim_pending' }]],
    ['a claim without complete evidence does not', { events: CLAIM_READY, benefits: [{ ...claimPending, evidenceComplete: false }] }, 'apply_for_possession', []],
    [
      'all four hold: the first replaces, all are listed',
      // (a breathing space started after the notice: one active when it was served would void it)
      { events: [...CLAIM_READY, aBreathingSpace('2026-02-20'), dispute, vulnerable], benefits: [claimPending] },
      'hold',
      [{ code: 'breathing_space', until: '2026-04-20' }, { code: 'dispute_open' }, { code: 'vulnerability_review_due' }, { code: 'benefit_claim_pending' }],
    ],
    ['the list is of the action chosen before any replacement', { events: [...LETTER_DUE, bs, dispute, vulnerable], benefits: [claimPending] }, 'hold', [{ code: 'breathing_space', until: '2026-04-01' }]],
    [
      'prepare_eviction: breathing space and vulnerability, not dispute',
      { events: [anEvent('eviction_scheduled', '2026-02-01', { evictionDate: '2026-03-20' }), dispute, vulnerable] },
      'review_vulnerability',
      [{ code: 'vulnerability_review_due' }],
    ],
  ])('%s', (_name, options, action, blockedBy) => {
    const output = assess(options);
    expect(output.recommendation.action).toBe(action);
    expect(output.blockedBy).toEqual(blockedBy);
  });

  it('the replacement has no notice, grounds or dates, and nothing missing', () => {
    const ladder = ['send_letter_1', 'send_letter_2', 'home_visit', 'send_final_warning'].map((a, i) => anAction(`2026-01-0${5 + i}`, a));
    const checklist = ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'].map((item) => aPreAction('2026-01-05', item));
    const output = assess({ events: [...ladder, ...checklist, dispute] });
    expect(output.recommendation).toEqual({ action: 'resolve_dispute', needsApproval: false, missing: [] });
    expect(output.blockedBy).toEqual([{ code: 'dispute_open' }]);
  });

  it('needsApproval follows the final action', () => {
    const output = assess({ events: [anEvent('court_order', '2026-02-10', { order: 'outright' }), bs] });
    expect(output.recommendation).toEqual({ action: 'hold', needsApproval: false, missing: [] });
  });
});

describe('§6 benefits: alsoConsider', () => {
  const ucToTenant = aBenefit({ type: 'universal_credit', from: '2025-01-01', housingCostsTo: 'tenant', monthlyHousingPence: 43333, weeklyPence: null });
  it.each<[string, ArrearsCaseOptions, string, string[]]>([
    ['none apply', {}, 'send_letter_1', []],
    ['a claim waiting more than 28 days', { benefits: [aBenefit({ status: 'claimed', from: '2026-02-03', evidenceComplete: false })] }, 'send_letter_1', ['chase_benefit_claim']],
    ['a claim waiting exactly 28 days is not chased', { benefits: [aBenefit({ status: 'claimed', from: '2026-02-04', evidenceComplete: false })] }, 'send_letter_1', []],
    ['a suspended benefit', { benefits: [aBenefit({ status: 'suspended' })] }, 'send_letter_1', ['chase_benefit_claim']],
    ['UC to the tenant, 10 weeks ≥ 2 months: managed payment and deduction', { benefits: [ucToTenant] }, 'send_letter_1', ['request_managed_payment', 'request_third_party_deduction']],
    [
      'UC (weekly equivalent 9999) below the rent: DHP',
      { benefits: [{ ...ucToTenant, monthlyHousingPence: 43329 }] },
      'send_letter_1',
      ['request_managed_payment', 'request_third_party_deduction', 'offer_dhp_support'],
    ],
    [
      'UC to the tenant, below 2 months (86666): deduction only',
      { weeksBehind: 8, adjustPence: 6665, benefits: [{ ...ucToTenant, monthlyHousingPence: 60000 }] },
      'send_letter_1',
      ['request_third_party_deduction'],
    ],
    [
      'a managed payment already asked for in the episode',
      { benefits: [{ ...ucToTenant, monthlyHousingPence: 60000 }], events: [anAction('2026-02-01', 'request_managed_payment')] },
      'send_letter_1',
      ['request_third_party_deduction'],
    ],
    ['HB below the rent: DHP', { benefits: [aBenefit({ weeklyPence: 9999, from: '2026-03-01' })] }, 'send_letter_1', ['offer_dhp_support']],
    ['HB equal to the rent: no DHP', { benefits: [aBenefit({ weeklyPence: 10000, from: '2026-03-01' })] }, 'send_letter_1', []],
    [
      'with monitor: the first becomes the action and is not also listed',
      { events: [anAction('2026-03-01', 'send_letter_1')], benefits: [aBenefit({ status: 'suspended' }), aBenefit({ weeklyPence: 9000, from: '2026-03-01' })] },
      'chase_benefit_claim',
      ['offer_dhp_support'],
    ],
    ['none during a breathing space', { events: [bs], benefits: [aBenefit({ status: 'suspended' })] }, 'hold', []],
    ['none for a held account', { events: [anEvent('insolvency', '2026-01-05', { kind: 'dro' })], benefits: [aBenefit({ status: 'suspended' })] }, 'hold', []],
    ['none without real arrears', { weeksBehind: 0, benefits: [aBenefit({ status: 'suspended' })] }, 'none', []],
    [
      'never the action itself (guardrail 4 chose chase_benefit_claim)',
      { events: CLAIM_READY, benefits: [aBenefit({ status: 'claimed', evidenceComplete: true, from: '2026-01-01' })] },
      'chase_benefit_claim',
      [],
    ],
  ])('%s', (_name, options, action, alsoConsider) => {
    const output = assess(options);
    expect(output.recommendation.action).toBe(action);
    expect(output.alsoConsider).toEqual(alsoConsider);
  });
});
