import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';
import { RECORD_KINDS } from './form';

const base = (kind: string, extra: object = {}) => ({
  pageTitle: 'x',
  title: 'Record',
  kind,
  ref: 'TEN-1',
  names: 'Alice Smith',
  values: { 'date-day': '23', 'date-month': '11', 'date-year': '2026' },
  errors: {},
  errorList: [],
  channelItems: [{ value: 'phone', text: 'Phone' }],
  outcomeItems: [{ value: 'spoke', text: 'Spoke to tenant' }],
  flagItems: [{ value: 'other', text: 'Other' }],
  kindItems: [{ value: 'standard', text: 'Standard' }],
  formAction: `/tenancies/TEN-1/record/${kind}`,
  backHref: '/tenancies/TEN-1/timeline',
  ...extra,
});

const FIELDS: Record<string, string[]> = {
  contact: ['date-day', 'channel', 'outcome', 'note'],
  note: ['note'],
  'follow-up': ['dueDate-day', 'reason', 'note'],
  vulnerability: ['flag', 'note'],
  'vulnerability-review': ['note'],
  dispute: ['date-day', 'note'],
  'breathing-space': ['date-day', 'kind', 'endDate-day', 'note'],
};

describe('recording forms', () => {
  for (const kind of RECORD_KINDS) {
    it(`${kind}: posts its fields with the CSRF token`, () => {
      const $ = renderPage('staff/record/record.njk', base(kind));
      const form = $(qa('record-form'));
      expect(form.attr('action')).toBe(`/tenancies/TEN-1/record/${kind}`);
      expect(form.find('input[name=_csrf]').val()).toBe('test-csrf-token');
      for (const field of FIELDS[kind]!) expect(form.find(`[name="${field}"]`).length, field).toBeGreaterThan(0);
      expect($('.govuk-back-link').attr('href')).toBe('/tenancies/TEN-1/timeline');
    });
  }

  it('shows errors on the fields and in the summary', () => {
    const $ = renderPage(
      'staff/record/record.njk',
      base('contact', { errors: { date: 'Enter the date of the contact', channel: 'Select how you contacted the tenant' }, errorList: [{ text: 'Enter the date of the contact', href: '#date-day' }, { text: 'Select how you contacted the tenant', href: '#channel' }] }),
    );
    expect($('.govuk-error-summary li').length).toBe(2);
    expect($('#date-error').text()).toContain('Enter the date of the contact');
    expect($('#channel-error').text()).toContain('Select how you contacted the tenant');
    expect($('#date-day').hasClass('govuk-input--error')).toBe(true);
  });

  it('close form: a date when the event needs one, and errors', () => {
    const ctx = { pageTitle: 'x', title: 'Record that the dispute is resolved', description: 'Dispute recorded on 1 November 2026.', dateLabel: 'Date resolved', ref: 'TEN-1', names: 'A', values: {}, errors: { date: 'Enter date resolved' }, errorList: [{ text: 'Enter date resolved', href: '#date-day' }], formAction: '/tenancies/TEN-1/events/5/close', backHref: '/x' };
    const $ = renderPage('staff/record/close.njk', ctx);
    expect($(qa('close-form')).attr('action')).toBe('/tenancies/TEN-1/events/5/close');
    expect($('#date-error').text()).toContain('Enter date resolved');
    const noDate = renderPage('staff/record/close.njk', { ...ctx, dateLabel: null, errors: {}, errorList: [] });
    expect(noDate('#date-day').length).toBe(0);
  });
});
