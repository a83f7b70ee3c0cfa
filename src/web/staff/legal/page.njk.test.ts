import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';
import type { LegalSituation } from '../../../application/legal/legal-case';
import { claimGate, type ClaimGateInput } from '../../../domain/legal-case/protocol-gate';
import { LEGAL_TRANSITIONS, NEXT_STEP } from '../../../domain/legal-case/legal-case-stages';
import { buildLegalPage } from './view-model';

const gateInput: ClaimGateInput = {
  episodeStart: '2026-08-17',
  events: [{ id: 5, type: 'pre_action', date: '2026-10-05', item: 'initial_contact', evidence: { kind: 'letter', id: '12' } }],
  notice: { type: 'nosp', servedOn: '2026-09-28', earliestProceedingsDate: '2026-10-26', expiresOn: '2027-10-26' },
  guardrails: [{ code: 'breathing_space', because: 'a breathing space started 2026-11-20 is active until 2027-01-18' }],
  possessionApproved: false,
  preIssueWarningDays: 14,
};

function situation(): LegalSituation {
  return {
    tenancyId: 1,
    asOf: '2026-11-23',
    assessment: { episodeStart: '2026-08-17', notice: { ...gateInput.notice!, valid: true }, arrearsPence: 135000, weeklyChargePence: 9000 } as LegalSituation['assessment'],
    stage: 'notice_served',
    nextStep: NEXT_STEP.notice_served,
    transitions: LEGAL_TRANSITIONS.filter((t) => t.from === 'notice_served'),
    events: [
      { id: 5, tenancy_id: 1, event_date: '2026-10-05', type: 'pre_action', details: { item: 'initial_contact', evidence: { kind: 'letter', id: '12' } }, note: null, recorded_at: new Date(), recorded_by: 'officer.northgate' },
      { id: 6, tenancy_id: 1, event_date: '2026-11-01', type: 'psed_assessment', details: { stage: 'notice', considered: ['disability'], adjustments: 'Large print', reasoning: 'Proportionate', decision: 'proceed', decisionMakerName: 'Olive Officer' }, note: null, recorded_at: new Date(), recorded_by: 'officer.northgate' },
    ],
    gateInput,
    claimGate: claimGate(gateInput, '2026-11-23'),
    noticeGate: { open: false, reasons: ['Guardrail: a breathing space started 2026-11-20 is active until 2027-01-18'], missingItems: [] },
    guardrailsHolding: [...gateInput.guardrails],
  };
}

const page = (extra: Partial<Parameters<typeof buildLegalPage>[0]> = {}) =>
  renderPage('staff/legal/legal.njk', {
    pageTitle: 'x',
    header: { ref: 'TEN-N002', names: 'Bob Jones and Carol Jones', address: '4 Mill Lane', patchName: 'Northgate', badges: [], canAct: true },
    subNavigation: [{ text: 'Legal', href: '/tenancies/TEN-N002/legal', active: true }],
    noticePdf: null,
    ...buildLegalPage({ ref: 'TEN-N002', situation: situation(), canAct: true, evidence: { letters: [{ id: 12, template: 'send_letter_1', date: '2026-10-05' }], contacts: [] }, values: {}, errors: {}, claimRefusal: null, defaultWarningDays: 14, ...extra }),
  });

describe('legal.njk', () => {
  it('shows the stage, the notice with its validity, the guardrail, the checklist with evidence and the PSEDs', () => {
    const $ = page();
    expect($(qa('stage')).attr('data-stage')).toBe('notice_served');
    expect($(qa('notice')).text()).toContain('26 October 2027');
    expect($(qa('notice-validity')).text()).toBe('Valid');
    expect($(qa('guardrails')).text()).toContain('breathing space');
    expect($(qa('notice-gate')).text()).toContain('breathing space');
    expect($(`${qa('checklist-item')}[data-item="initial_contact"] a`).attr('href')).toBe('/tenancies/TEN-N002/letters/12');
    expect($(`${qa('checklist-item')}[data-item="post_notice_contact"]`).attr('data-status')).toBe('Missing');
    expect($(qa('psed-list')).text()).toContain('Olive Officer');
    expect($(qa('transitions')).text()).toContain('manager approval');
    expect($(qa('gate-reasons')).text()).toContain('Guardrail');
    expect($(qa('legal-history')).find('tbody tr').length).toBe(2);
    expect($('form[novalidate] input[name="_csrf"]').length).toBe(3);
  });

  it('shows the claim refusal and field errors linked from the error summary', () => {
    const $ = page({ claimRefusal: ['A manager has not approved applying for possession'], errors: { claimNumber: 'Enter the claim number' } });
    expect($(qa('claim-refused')).text()).toContain('manager has not approved');
    expect($('.govuk-error-summary a[href="#claimNumber"]').text()).toBe('Enter the claim number');
    expect($('#claimNumber-error').text()).toContain('Enter the claim number');
  });

  it('links the court page once a claim can be started, and shows court events in the history', () => {
    const $ = page();
    expect($(qa('court-link')).attr('href')).toBe('/tenancies/TEN-N002/court');
    const s = situation();
    const claimed: LegalSituation = {
      ...s,
      stage: 'order_suspended',
      events: [
        ...s.events,
        { id: 7, tenancy_id: 1, event_date: '2026-12-14', type: 'claim_issued', details: { claimNumber: 'K1', court: 'Northtown', hearingDate: '2027-01-20' }, note: null, recorded_at: new Date(), recorded_by: 'officer.northgate' },
        { id: 8, tenancy_id: 1, event_date: '2027-01-20', type: 'court_order', details: { order: 'suspended' }, note: null, recorded_at: new Date(), recorded_by: 'officer.northgate' },
        { id: 9, tenancy_id: 1, event_date: '2027-03-01', type: 'warrant_requested', details: { approvalId: 3 }, note: null, recorded_at: new Date(), recorded_by: 'manager' },
        { id: 10, tenancy_id: 1, event_date: '2027-03-08', type: 'eviction_scheduled', details: { evictionDate: '2027-04-01' }, note: null, recorded_at: new Date(), recorded_by: 'officer.northgate' },
      ],
    };
    const $$ = page({ situation: claimed });
    expect($$(qa('court-section')).text()).toContain('The claim is issued');
    const history = $$(qa('legal-history')).text();
    expect(history).toContain('Court order');
    expect(history).toContain('Warrant requested');
    expect(history).toContain("bailiffs' date 1 April 2027");
    const none = page({ situation: { ...s, stage: 'pre_action' } });
    expect(none(qa('court-link')).length).toBe(0);
  });

  it('hides the forms from someone who cannot act', () => {
    const $ = page({ canAct: false });
    expect($(qa('claim-form')).length).toBe(0);
    expect($(qa('pre-action-form')).length).toBe(0);
  });
});

describe('notice.njk and psed.njk', () => {
  it('previews the notice with the hidden fields to record it', () => {
    const $ = renderPage('staff/legal/notice.njk', {
      pageTitle: 'x',
      ref: 'TEN-N001',
      values: {},
      errors: {},
      errorList: [],
      refusals: [],
      proposalRefused: [],
      methodItems: [],
      groundItems: [],
      preview: { rows: [{ key: { text: 'Earliest date proceedings can begin' }, value: { text: '28 December 2026' } }], hidden: [{ name: 'method', value: 'hand' }], grounds: ['1'], canRecord: true },
      formAction: '/tenancies/TEN-N001/legal/notice',
      backHref: '/tenancies/TEN-N001/legal',
    });
    expect($(qa('notice-preview')).text()).toContain('28 December 2026');
    expect($('input[name="confirm"]').val()).toBe('yes');
    expect($('input[name="grounds"]').val()).toBe('1');
    expect($(qa('record-served')).length).toBe(1);
  });

  it('shows the PSED form errors by field', () => {
    const $ = renderPage('staff/legal/psed.njk', {
      pageTitle: 'x',
      ref: 'TEN-N001',
      values: {},
      errors: { reasoning: 'Enter why the step is, or is not, proportionate' },
      errorList: [{ text: 'Enter why the step is, or is not, proportionate', href: '#reasoning' }],
      stageItems: [{ value: 'notice', text: 'Serving a notice' }],
      consideredItems: [{ value: 'age', text: 'Age' }],
      decisionItems: [{ value: 'proceed', text: 'Proceed' }],
      formAction: '/x',
      backHref: '/y',
    });
    expect($('#reasoning-error').text()).toContain('Enter why');
    expect($('input[name="stage"]').length).toBe(1);
  });
});
