import { describe, expect, it } from 'vitest';
import type { CourtCase } from '../../../application/court/court-case';
import { SAFEGUARD_ITEMS } from '../../../domain/court/court-rules';
import { qa, renderPage } from '../../../../test/support/render-page';
import { buildCourtPage, safeguardChecklist } from './view-model';

const header = { ref: 'TEN-X1', base: '/tenancies/TEN-X1', names: 'Ann Example and Ben Example', address: '1 Test Street', patchName: 'Northgate', former: false, canAct: true, badges: [] };
const subNavigation = [{ text: 'Legal case', href: '/tenancies/TEN-X1/legal', active: true }];

function courtCase(change: Partial<CourtCase> = {}): CourtCase {
  return {
    tenancy: { id: 1, ref: 'TEN-X1', payment_reference: '1', tenure: 'secure', landlord_type: 'local_authority', start_date: '2020-01-06', end_date: null, end_reason: null, rent_frequency: 'weekly', patch_id: 1, patch_name: 'Northgate', address: '1 Test Street', postcode: 'TE1 1ST' },
    tenants: ['Ann Example', 'Ben Example'],
    today: '2026-11-23',
    ended: false,
    claim: { eventId: 1, date: '2026-10-27', hearingDate: null },
    hearingDate: '2026-12-14',
    hearingStatementDueOn: '2026-12-04',
    order: { eventId: 2, order: 'suspended', date: '2026-11-20', instalmentPence: 500, frequency: 'weekly', possessionDate: null, costsPence: 35_500, note: null, recordedBy: 'officer' },
    orders: [],
    arrearsPence: 135_000,
    recommendedAction: 'apply_for_warrant',
    warrant: { refusals: [], pendingApprovalId: null, approvedApprovalId: null, requestedOn: null, assessmentOn: null },
    eviction: { evictionDate: null, scheduledEventId: null, cancelled: null, evictedOn: null, safeguards: { complete: false, missing: [...SAFEGUARD_ITEMS] }, confirmed: [], breathingSpaceActive: false },
    n325: null,
    ...change,
  };
}

describe('court page', () => {
  it('shows the claim, the hearing and the statement date, the bundle links and the order with its terms', () => {
    const $ = renderPage('staff/court/court.njk', { header, subNavigation, pageTitle: 'x', ...buildCourtPage(courtCase(), true) });
    expect($(qa('hearing-date')).text()).toContain('14 December 2026');
    expect($(qa('statement-due')).text()).toContain('4 December 2026');
    expect($(qa('particulars-pdf')).attr('href')).toBe('/tenancies/TEN-X1/court/documents/particulars.pdf');
    expect($(qa('pcol-csv')).length).toBe(1);
    expect($(qa('order-terms')).text()).toContain('rent plus £5.00 weekly; costs of £355.00 awarded');
    expect($(qa('record-order')).length).toBe(1);
  });

  it('hides the recording links from someone who cannot act, and shows the safeguards still to do', () => {
    const c = courtCase({ warrant: { refusals: [], pendingApprovalId: null, approvedApprovalId: null, requestedOn: '2026-11-23', assessmentOn: null }, eviction: { ...courtCase().eviction, evictionDate: '2026-12-10', scheduledEventId: 9 } });
    const $ = renderPage('staff/court/court.njk', { header, subNavigation, pageTitle: 'x', ...buildCourtPage(c, false) });
    expect($(qa('record-order')).length).toBe(0);
    expect($(qa('outcome-link')).length).toBe(0);
    expect($(qa('eviction-date')).text()).toContain('10 December 2026');
    expect($(qa('safeguards')).text()).toContain("To do: Children's services checked");
    expect($(qa('safeguards')).text()).toContain('Done: No breathing space active');
  });
});

describe('court forms', () => {
  const base = { header, subNavigation, pageTitle: 'x', values: {}, errors: {}, refusals: [], errorList: [], formAction: '/tenancies/TEN-X1/court/order', backHref: '/tenancies/TEN-X1/court', checklist: safeguardChecklist(courtCase()), safeguardItems: [], missing: [], cancelItems: [], orderItems: [{ value: 'outright', text: 'Outright' }], frequencyItems: [{ value: 'weekly', text: 'Weekly' }] };

  it('the order form asks the type first, then only the fields the type needs', () => {
    const step1 = renderPage('staff/court/court-form.njk', { ...base, kind: 'order', orderType: null, needs: [] });
    expect(step1(qa('order-type-form')).attr('method')).toBe('get');
    expect(step1(`${qa('order-type-form')} input[name=_csrf]`).length).toBe(0);
    const outright = renderPage('staff/court/court-form.njk', { ...base, kind: 'order', orderType: 'outright', orderTypeLabel: 'Outright possession order', needs: ['possessionDate'] });
    expect(outright('#possessionDate-day').length).toBe(1);
    expect(outright('#instalment').length).toBe(0);
    expect(outright(`${qa('court-form')} input[name=_csrf]`).val()).toBe('test-csrf-token');
    const suspended = renderPage('staff/court/court-form.njk', { ...base, kind: 'order', orderType: 'suspended', orderTypeLabel: 'Suspended', needs: ['instalmentPence', 'frequency'], errors: { instalment: 'Enter the instalment towards the arrears' }, errorList: [{ text: 'Enter the instalment towards the arrears', href: '#instalment' }] });
    expect(suspended('#instalment').length).toBe(1);
    expect(suspended('#possessionDate-day').length).toBe(0);
    expect(suspended('.govuk-error-summary').text()).toContain('Enter the instalment towards the arrears');
    expect(suspended('#instalment-error').text()).toContain('Enter the instalment');
  });

  it('the outcome form says why the eviction cannot be recorded yet', () => {
    const $ = renderPage('staff/court/court-form.njk', { ...base, kind: 'outcome', checklistComplete: false, missing: ['Pre-eviction visit made'], refusals: ['The eviction safeguards checklist is not complete: pre eviction visit'] });
    expect($(qa('checklist-incomplete')).text()).toContain('Pre-eviction visit made');
    expect($(qa('refusals')).text()).toContain('not complete');
    expect($('input[name=outcome]').length).toBe(2);
  });
});

describe('warrant page', () => {
  it('shows the N325 data and the reasons a request is refused', () => {
    const $ = renderPage('staff/court/warrant.njk', {
      header,
      subNavigation,
      pageTitle: 'x',
      base: '/tenancies/TEN-X1/court',
      canAct: true,
      reasons: [],
      refusals: ['No equality assessment is recorded for the warrant stage since the order (record it on the legal case page)'],
      pendingApprovalId: null,
      approvedApprovalId: null,
      requestedOn: null,
      hasN325: true,
      n325Rows: [{ key: 'Amount outstanding now', value: '£1,350.00', qa: 'n325-outstanding' }],
      payments: [{ date: '1 December 2026', amount: '£20.00', kind: 'Payment' }],
    });
    expect($(qa('n325-outstanding')).text()).toContain('£1,350.00');
    expect($(qa('n325-payment-table')).text()).toContain('£20.00');
    expect($(qa('warrant-refusals')).text()).toContain('No equality assessment');
    expect($(qa('n325-pdf')).attr('href')).toBe('/tenancies/TEN-X1/court/documents/n325.pdf');
  });
});
