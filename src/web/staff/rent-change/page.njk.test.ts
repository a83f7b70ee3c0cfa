import { describe, expect, it } from 'vitest';
import type { RentChangePlan } from '../../../application/rent-change/rent-change';
import { renderPage } from '../../../../test/support/render-page';
import { planView } from './controller';
import { SUB_ACCOUNT_ITEMS } from './form';

const plan: RentChangePlan = {
  effectiveFrom: '2027-04-05',
  today: '2026-11-23',
  items: [
    { tenancyId: 1, ref: 'TEN-A', subAccount: 'rent', oldWeeklyPence: 9500, newWeeklyPence: 9757, alreadyApplied: false },
    { tenancyId: 2, ref: 'TEN-B', subAccount: 'rent', oldWeeklyPence: 8500, newWeeklyPence: 8730, alreadyApplied: true },
  ],
  directDebits: [{ tenancyId: 1, ref: 'TEN-A', mandateId: 1, mandateReference: 'P1-DD01', frequency: 'weekly', oldAmountPence: 9500, newAmountPence: 9757, firstCollectionOn: '2027-04-05', noticeBy: '2027-03-19' }],
  totals: { tenancies: 2, oldWeeklyPence: 18000, newWeeklyPence: 18487 },
};
const values = { 'effective-day': '5', 'effective-month': '4', 'effective-year': '2027', percent: '2.7', subAccount: 'rent' };
const render = (extra: Record<string, unknown>) =>
  renderPage('staff/rent-change/rent-change.njk', { pageTitle: 'x', values, errors: {}, errorList: [], subAccountItems: SUB_ACCOUNT_ITEMS.map((i) => ({ ...i, checked: i.value === 'rent' })), earliest: '21 December 2026', preview: null, applied: null, appliedCount: 0, ...extra });

describe('rent-change.njk', () => {
  it('the form alone', () => {
    const $ = render({});
    expect($('[data-qa=preview-form] input[name=_csrf]').length).toBe(1);
    expect($('[data-qa=preview-table]').length).toBe(0);
  });
  it('the preview: rows, totals, DD change, and the apply form carrying the plan', () => {
    const $ = render({ preview: planView(plan) });
    expect($('[data-qa=preview-row]').length).toBe(2);
    expect($('[data-qa=preview-row][data-ref=TEN-A] [data-qa=dd]').text()).toBe('£95.00 to £97.57 a week from 5 April 2027 (notice by 19 March 2027)');
    expect($('[data-qa=preview-row][data-ref=TEN-B]').text()).toContain('already applied');
    expect($('[data-qa=total-new]').text()).toBe('£184.87');
    expect($('[data-qa=apply-form] input[name=percent]').val()).toBe('2.7');
    expect($('[data-qa=apply-form] input[name=_csrf]').length).toBe(1);
    expect($('[data-qa=apply-form]').text()).toContain('produce 1 notice-of-variation letters');
  });
  it('after applying: the letters, no forms', () => {
    const $ = render({ preview: planView(plan), applied: [{ ref: 'TEN-A', href: '/tenancies/TEN-A/letters/9' }], appliedCount: 1 });
    expect($('[data-qa=letter]').attr('href')).toBe('/tenancies/TEN-A/letters/9');
    expect($('[data-qa=preview-form], [data-qa=apply-form]').length).toBe(0);
  });
});
