import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';
import type { BenefitClaimRow } from '../../../application/benefits/benefits';
import { accountNavigation } from '../account/view-model';
import { claimView, dwpRequestView } from './view-model';

const header = { ref: 'TEN-X1', names: 'Test Tenant', address: '1 Test Street', patchName: 'Northgate', badges: [], canAct: true, former: false, base: '/tenancies/TEN-X1' };
const claim: BenefitClaimRow = {
  id: 7, tenancy_id: 1, type: 'housing_benefit', status: 'in_payment', from_date: '2026-04-06', weekly_pence: 8000, paid_every_weeks: 4, next_payment_on: '2026-11-02',
  evidence_complete: true, housing_costs_to: 'tenant', monthly_housing_pence: null, assessment_period_start_day: null, benefit_cap_weekly_pence: 500,
  spare_bedrooms: 2, under_occupancy_weekly_pence: 2500, deductions_from: '2026-04-06', ended_on: null, version: 2, recorded_by: 'officer.northgate', position: 0,
};

describe('benefits.njk', () => {
  const render = (canAct: boolean, tasks: unknown[] = []) =>
    renderPage('staff/benefits/benefits.njk', {
      pageTitle: 'TEN-X1: benefits', header, subNavigation: accountNavigation('TEN-X1', 'benefits'), base: '/tenancies/TEN-X1/benefits', tasksBase: '/tenancies/TEN-X1/tasks',
      canAct, claims: [claimView(claim, 10000, '2026-11-23')], history: [], tasks, end: null, errorList: [],
    });

  it('shows the HB schedule, deductions and the shortfall worked out', () => {
    const $ = render(true);
    expect($(qa('amount')).text()).toBe('£80.00');
    expect($(qa('schedule')).text()).toBe('4 weeks');
    expect($(qa('next-payment')).text()).toBe('30 November 2026');
    expect($(qa('under-occupancy')).text()).toBe('£25.00 a week (25%, two or more spare bedrooms) from 6 April 2026');
    expect($(qa('benefit-cap')).text()).toBe('£5.00 a week from 6 April 2026');
    expect($(qa('shortfall')).text()).toBe('£20.00 a week (£86.67 a month): £20.00 under-occupancy');
    expect($('[data-qa="update-7"]').attr('href')).toBe('/tenancies/TEN-X1/benefits/7/edit');
    expect($('[data-qa="end-form-7"] input[name=_csrf]').val()).toBe('test-csrf-token');
    expect($('.moj-sub-navigation a[aria-current=page]').text().trim()).toBe('Benefits');
  });

  it('lists benefit tasks with Mark as done, and offers no actions off-patch', () => {
    const $ = render(true, [{ id: 3, kind: 'dwp_managed_payment', label: 'Request a managed payment (APA) from the DWP', due: '23 November 2026' }]);
    expect($(qa('benefit-task')).attr('data-kind')).toBe('dwp_managed_payment');
    expect($('[data-qa="benefit-task"] form').attr('action')).toBe('/tenancies/TEN-X1/tasks/3');
    const off = render(false, [{ id: 3, kind: 'dwp_managed_payment', label: 'x', due: 'y' }]);
    expect(off(qa('record-benefit')).length).toBe(0);
    expect(off('[data-qa="benefit-task"] form').length).toBe(0);
    expect(off('[data-qa="end-form-7"]').length).toBe(0);
  });
});

describe('dwp-requests.njk', () => {
  it('lists the requests with the export form, and the exports to mark as sent', () => {
    const $ = renderPage('staff/benefits/dwp-requests.njk', {
      pageTitle: 'DWP requests', scope: 'your patch (Northgate)',
      requests: [dwpRequestView({ taskId: 12, tenancyId: 1, ref: 'TEN-X1', patchId: 1, kind: 'dwp_managed_payment', requestType: 'APA', tenantName: 'Test Tenant', dateOfBirth: null, address: '1 Test Street', postcode: 'AB1 2CD', arrearsPence: 135000, rentFrequency: 'weekly', weeklyRentPence: 9000, weeklyServiceChargePence: 0, reason: '15.0 weeks of rent in arrears', raisedOn: '2026-11-23' })],
      exports: [{ id: 4, count: 1, openCount: 1, on: '23 November 2026' }],
    });
    const row = $(qa('dwp-request'));
    expect(row.attr('data-type')).toBe('APA');
    expect(row.find('td').map((_, e) => $(e).text().trim()).get()).toEqual(['RW-12', 'TEN-X1', 'Test Tenant', 'APA', '£1,350.00', '15.0 weeks of rent in arrears', '23 November 2026']);
    expect($(qa('export-form')).attr('method')).toBe('post');
    expect($(qa('export-form')).attr('action')).toBe('/benefits/dwp-requests.csv');
    expect($(qa('export-form')).find('input[name=_csrf]').length).toBe(1);
    expect($('[data-qa="export"] form').attr('action')).toBe('/benefits/dwp-requests/exports/4/done');
  });
});
