import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';

const result = { ref: 'TEN-1', href: '/tenancies/TEN-1', paymentReference: 'P1', names: 'Alice Smith', address: '1 Road, AB1 2CD', patch: 'Northgate', former: false, action: 'Send letter 1', arrears: '£200.00' };

describe('search page', () => {
  it('is a GET form, with results linking to the accounts', () => {
    const $ = renderPage('staff/search/search.njk', { pageTitle: 'Search', q: 'smith', searched: true, errors: {}, errorList: [], truncated: false, results: [result] });
    expect($(qa('search-form')).attr('method')).toBe('get');
    expect($('#q').val()).toBe('smith');
    expect($(qa('search-count')).text()).toContain('1 result for ‘smith’');
    expect($(qa('search-result')).find('a').attr('href')).toBe('/tenancies/TEN-1');
  });

  it('says when nothing is found, and shows the error for a too-short search', () => {
    const none = renderPage('staff/search/search.njk', { pageTitle: 'Search', q: 'zz', searched: true, errors: {}, errorList: [], truncated: false, results: [] });
    expect(none(qa('search-results')).length).toBe(0);
    expect(none('main').text()).toContain('Check the spelling');
    const error = renderPage('staff/search/search.njk', { pageTitle: 'Search', q: 'z', searched: false, errors: { q: 'Enter at least 2 characters to search for' }, errorList: [{ text: 'Enter at least 2 characters to search for', href: '#q' }], truncated: false, results: [] });
    expect(error('#q-error').text()).toContain('Enter at least 2 characters');
  });
});
