import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';

describe('admin audit page', () => {
  it('has the search form and lists entries; errors for bad dates', () => {
    const $ = renderPage('staff/admin-audit/audit.njk', {
      pageTitle: 'Audit log',
      q: { actor: 'jo', ref: '', action: '', from: '2026-13-01', to: '' },
      errors: { from: 'Enter the from date as YYYY-MM-DD' },
      errorList: [{ text: 'Enter the from date as YYYY-MM-DD', href: '#from' }],
      actionItems: [{ value: '', text: 'Anything' }],
      countText: '1 entry',
      entries: [{ at: '23 November 2026 at 9:00am', actor: 'jo', action: 'read', entity: 'tenancy', entityId: 'TEN-1', ref: 'TEN-1', origin: '127.0.0.1', details: '' }],
      pagination: null,
    });
    expect($(qa('audit-filter')).attr('method')).toBe('get');
    expect($(qa('audit-row')).text()).toContain('127.0.0.1');
    expect($('#from-error').text()).toContain('YYYY-MM-DD');
    expect($(qa('audit-count')).text()).toBe('1 entry');
  });
});
