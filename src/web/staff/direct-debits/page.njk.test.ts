import { describe, expect, it } from 'vitest';
import { viewOfMandate, type MandateRow } from '../../../application/direct-debits/direct-debits';
import { renderPage } from '../../../../test/support/render-page';
import { COLLECTION_DAY_OPTIONS } from './form';
import { mandateRows } from './view-model';

const header = { ref: 'TEN-X1', base: '/tenancies/TEN-X1', names: 'Ann Example', address: '1 Test Street', patchName: 'Northgate', former: false, canAct: true, badges: [] };
const subNavigation = [{ text: 'Direct debits', href: '/tenancies/TEN-X1/direct-debits', active: true }];
const mandate: MandateRow = {
  id: 3, tenancy_id: 1, reference: 'P1-DD01', payer_name: 'Ann Example', sort_code: '309457', account_number: '12345678', frequency: 'monthly', collection_day: 1, amount_pence: 43333,
  start_on: '2026-12-01', first_collection_on: '2027-01-04', status: 'active', cancelled_on: null, cancel_reason: null, created_by: 'officer.northgate',
};
const history = [
  { id: 1, mandate_id: 3, event_on: '2026-11-23', type: 'created', details: { amountPence: 43333, firstCollectionOn: '2027-01-04', noticeBy: '2026-12-17' }, recorded_by: 'x' },
  { id: 2, mandate_id: 3, event_on: '2026-11-24', type: 'amount_changed', details: { oldAmountPence: 43333, newAmountPence: 44503, firstCollectionOn: '2027-02-01', noticeBy: '2027-01-18' }, recorded_by: 'x' },
];

function page(mandates: MandateRow[], extra: Record<string, unknown> = {}) {
  const rows = mandateRows(mandates.map((m) => viewOfMandate(m, history, '2026-11-23', 3)));
  return renderPage('staff/direct-debits/direct-debits.njk', { header, subNavigation, base: '/tenancies/TEN-X1/direct-debits', canAct: true, active: rows.find((r) => r.active) ?? null, earlier: rows.filter((r) => !r.active), cancel: null, errorList: [], pageTitle: 'dd', ...extra });
}

describe('direct-debits.njk', () => {
  it('shows the mandate masked, the schedule with the new amount from its first collection, and the history', () => {
    const $ = page([mandate]);
    expect($('[data-qa=sort-code]').text()).toBe('**-**-57');
    expect($('[data-qa=account-number]').text()).toBe('****5678');
    expect($('[data-qa=collection-amount]').map((_i, e) => $(e).text()).get()).toEqual(['£433.33', '£445.03', '£445.03']);
    expect($('[data-qa=history-row]').eq(1).text()).toContain('£433.33 to £445.03 from the collection on 1 February 2027');
    expect($('[data-qa=cancel-form] input[name=_csrf]').length).toBe(1);
    expect($.html()).not.toContain('12345678');
  });
  it('a cancelled mandate is listed as earlier, with the set-up link', () => {
    const $ = page([{ ...mandate, status: 'cancelled', cancelled_on: '2026-11-30', cancel_reason: 'ARUDD B: Account closed' }]);
    expect($('[data-qa=no-mandate]').length).toBe(1);
    expect($('[data-qa=set-up]').length).toBe(1);
    expect($('[data-qa=earlier]').text()).toContain('ARUDD B: Account closed');
  });
  it('the cancel error is shown against the reason', () => {
    const $ = page([mandate], { cancel: { id: 3, reason: '', errors: { reason: 'Enter why the direct debit is being cancelled' } }, errorList: [{ text: 'Enter why the direct debit is being cancelled', href: '#reason' }] });
    expect($('#reason-error').text()).toContain('Enter why');
    expect($('[data-qa=error-summary] a').attr('href')).toBe('#reason');
  });
});

describe('new.njk', () => {
  it('names every field error and keeps the values', () => {
    const errors = { sortCode: 'Enter a real sort code: this one is not used by any bank', amount: 'Amount must be more than £0' };
    const $ = renderPage('staff/direct-debits/new.njk', {
      pageTitle: 'Error: new', ref: 'TEN-X1', values: { sortCode: '00-00-00', amount: '0' }, errors, errorList: [{ text: errors.sortCode, href: '#sortCode' }, { text: errors.amount, href: '#amount' }],
      collectionDayItems: COLLECTION_DAY_OPTIONS.map((o) => ({ ...o, checked: o.value === 'weekly:0' })), earliest: '7 December 2026', formAction: '/x', backHref: '/y',
    });
    expect($('[data-qa=error-summary] a').length).toBe(2);
    expect($('#sortCode').val()).toBe('00-00-00');
    expect($('#sortCode-error').text()).toContain('Enter a real sort code');
    expect($('input[name=collectionDay][value="weekly:0"]').is('[checked]')).toBe(true);
    expect($('[data-qa=mandate-form]').is('[novalidate]')).toBe(true);
    expect($('[data-qa=mandate-form] input[name=_csrf]').length).toBe(1);
  });
});
