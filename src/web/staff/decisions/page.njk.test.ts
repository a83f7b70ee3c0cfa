import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';

const base = (kind: 'override' | 'reject', extra: object = {}) => ({
  pageTitle: 'x',
  title: kind === 'override' ? 'Take another action' : 'Do not take the recommended action',
  kind,
  ref: 'TEN-1',
  names: 'Alice Smith',
  recommendedLabel: 'Send letter 1',
  assessmentId: '55',
  values: {},
  errors: {},
  errorList: [],
  actionItems: [{ value: '', text: 'Select an action' }, { value: 'home_visit', text: 'Home visit' }, { value: 'apply_for_possession', text: 'Apply for possession (approval)' }],
  reasonItems: [{ value: 'payment_promised', text: 'Tenant has promised a payment' }, { value: 'other', text: 'Another reason' }],
  formAction: `/tenancies/TEN-1/decision/${kind}`,
  backHref: '/tenancies/TEN-1',
  submitText: 'Save',
  ...extra,
});

describe('decision forms', () => {
  it('override: the action to take instead and a reason, with the assessment it answers', () => {
    const $ = renderPage('staff/decisions/decision.njk', base('override'));
    expect($(qa('current-recommendation')).text()).toContain('Send letter 1');
    expect($(qa('decision-form')).attr('action')).toBe('/tenancies/TEN-1/decision/override');
    expect($('select[name=action] option').length).toBe(3);
    expect($('textarea[name=reason]').length).toBe(1);
    expect($('input[name=assessmentId]').val()).toBe('55');
    expect($('input[name=_csrf]').val()).toBe('test-csrf-token');
  });

  it('reject: a reason code and a note; errors shown', () => {
    const $ = renderPage('staff/decisions/decision.njk', base('reject', { errors: { reasonCode: 'Select why you are not taking the recommended action' }, errorList: [{ text: 'Select why you are not taking the recommended action', href: '#reasonCode' }] }));
    expect($('input[name=reasonCode]').length).toBe(2);
    expect($('#reasonCode-error').text()).toContain('Select why');
    expect($('.govuk-error-summary a').attr('href')).toBe('#reasonCode');
  });
});
