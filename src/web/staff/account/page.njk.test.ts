import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';
import type { AccountView } from '../../../application/account/account-view';
import { caseFlags } from '../../../application/caseload/case-flags';
import type { TenancyRow } from '../../../persistence/stores/tenancy-store';
import { buildTimelinePage } from './timeline-view-model';
import { buildAccountPage } from './view-model';

const tenancy: TenancyRow = {
  id: 7,
  ref: 'TEN-7',
  payment_reference: 'P7',
  tenure: 'secure',
  landlord_type: 'local_authority',
  start_date: '2020-01-06',
  end_date: null,
  end_reason: null,
  rent_frequency: 'weekly',
  patch_id: 1,
  patch_name: 'Northgate',
  address: '1 Test Street',
  postcode: 'TS1 1AA',
};

function view(overrides: Partial<AccountView> = {}): AccountView {
  const events = overrides.events ?? [];
  return {
    tenancy,
    tenantNames: ['Alice Smith', 'Bob Smith'],
    assessment: {
      id: 55,
      tenancy_id: 7,
      as_of: '2026-11-23',
      trigger: 'daily',
      policy_version: 1,
      action: 'serve_notice',
      priority: 63,
      created_at: new Date('2026-11-23T06:00:00Z'),
      result: {
        balancePence: 51240,
        arrearsPence: 51240,
        technicalArrearsPence: 12000,
        realArrearsPence: 39240,
        weeksInArrears: 4.34,
        weeklyChargePence: 11820,
        episodeStart: '2026-08-25',
        arrangement: { status: 'broken', shortfallPence: 3000 },
        notice: { type: 'nosp', servedOn: '2026-10-20', earliestProceedingsDate: '2026-11-23', expiresOn: '2027-11-23', valid: true },
        recommendation: { action: 'serve_notice', notice: 'nosp', grounds: ['1'], proposedDates: { earliestProceedingsDate: '2026-12-21', expiresOn: '2027-12-21' }, needsApproval: false, missing: [] },
        alsoConsider: ['request_managed_payment'],
        blockedBy: [],
        reasons: ['4.34 weeks of real arrears', 'final warning sent 2026-11-02, 21 days ago'],
        priority: 63,
      },
      trace: [],
    },
    trace: [
      { rule: 'measures', matched: true, detail: 'balance', figures: { balancePence: 51240, weeksInArrears: 4.34 } },
      { rule: 'breathing-space', matched: false, detail: 'none active', figures: null },
    ],
    flags: caseFlags(events, '2026-11-23'),
    benefits: [{ type: 'housing_benefit', status: 'in_payment', from_date: '2024-01-01', weekly_pence: 10000, paid_every_weeks: 4, evidence_complete: true, housing_costs_to: null, monthly_housing_pence: null }],
    ledgers: [
      {
        subAccount: 'rent',
        balancePence: 51240,
        lines: [
          { id: 1, date: '2026-11-16', kind: 'charge', method: null, description: 'Rent w/c 16 Nov 2026', amountPence: 11820, runningBalancePence: 63060 },
          { id: 2, date: '2026-11-18', kind: 'payment', method: 'direct_debit', description: 'Direct debit payment', amountPence: -11820, runningBalancePence: 51240 },
        ],
        earlierLineCount: 30,
      },
      { subAccount: 'court_costs', balancePence: 0, lines: [], earlierLineCount: 0 },
    ],
    balancePence: 51240,
    events,
    arrangementEvent: null,
    letters: [{ id: 3, tenancy_id: 7, template: 'send_letter_1', letter_date: '2026-09-01', case_event_id: 9, created_by: 'officer', created_at: new Date('2026-09-01T09:00:00Z') }],
    approvals: [],
    tasks: [],
    canAct: true,
    ...overrides,
  };
}

describe('account page', () => {
  it('shows the summary: balance, real and technical arrears with money in transit explained, weeks, arrangement, notice dates, benefits', () => {
    const $ = renderPage('staff/account/account.njk', buildAccountPage(view(), '2026-11-23', { fullLedger: false }));
    expect($(qa('account-names')).text()).toBe('Alice Smith and Bob Smith');
    expect($(qa('account-address')).text()).toBe('1 Test Street, TS1 1AA');
    expect($(qa('summary-balance')).text()).toContain('£512.40');
    expect($(qa('summary-real-arrears')).text()).toContain('£392.40');
    expect($(qa('summary-technical-arrears')).text()).toContain('£120.00: money in transit');
    expect($(qa('summary-weeks')).text()).toContain('4.34');
    expect($(qa('summary-arrangement')).text()).toContain('Broken');
    expect($(qa('summary-notice')).text()).toContain('served 20 October 2026, proceedings from 23 November 2026, expires 23 November 2027');
    expect($(qa('summary-benefits')).text()).toContain('Housing Benefit: in payment');
    expect($(qa('summary-vulnerability')).text()).toContain('None recorded');
  });

  it('shows the recommendation with its reasons, decisions, and the full rule trace in a details component', () => {
    const $ = renderPage('staff/account/account.njk', buildAccountPage(view(), '2026-11-23', { fullLedger: false }));
    expect($(qa('recommended-action')).text()).toBe('Serve notice');
    expect($(qa('reasons')).find('li').length).toBe(2);
    expect($(qa('also-consider')).text()).toContain('Request managed payment');
    expect($(qa('confirm-recommendation')).text()).toContain('Confirm: Serve notice');
    expect($('form[action="/tenancies/TEN-7/decision/confirm"] input[name=assessmentId]').val()).toBe('55');
    expect($(qa('override-link')).attr('href')).toBe('/tenancies/TEN-7/decision/override');
    expect($(qa('reject-link')).attr('href')).toBe('/tenancies/TEN-7/decision/reject');
    expect($('details.govuk-details' + qa('trace')).length).toBe(1);
    expect($(qa('trace-step')).length).toBe(2);
    expect($(qa('trace-step')).first().text()).toContain('balancePence: £512.40');
  });

  it('shows the ledger per sub-account with a running balance, and statement downloads', () => {
    const $ = renderPage('staff/account/account.njk', buildAccountPage(view(), '2026-11-23', { fullLedger: false }));
    expect($('.govuk-tabs__tab').map((_i, el) => $(el).text().trim()).get()).toEqual(['Rent', 'Court costs']);
    expect($(qa('ledger-line')).length).toBe(2);
    expect($(qa('running-balance')).map((_i, el) => $(el).text()).get()).toEqual(['£630.60', '£512.40']);
    // The older lines were not read (summed into the opening balance): the page says how many there are.
    expect($('#ledger-rent').text()).toContain('(30 older)');
    expect($(qa('statement-pdf')).attr('href')).toBe('/tenancies/TEN-7/statement?format=pdf');
    expect($(qa('statement-csv')).attr('href')).toBe('/tenancies/TEN-7/statement?format=csv');
    expect($(qa('letter-link')).attr('href')).toBe('/tenancies/TEN-7/letters/3');
  });

  it('is read-only for an officer of another patch, and says when approval is pending or nothing is assessed', () => {
    const readOnly = renderPage('staff/account/account.njk', buildAccountPage(view({ canAct: false }), '2026-11-23', { fullLedger: false }));
    expect(readOnly(qa('read-only')).length).toBe(1);
    expect(readOnly(qa('decision-buttons')).length).toBe(0);
    const pending = renderPage(
      'staff/account/account.njk',
      buildAccountPage(
        view({
          approvals: [
            {
              id: 1, tenancy_id: 7, tenancy_ref: 'TEN-7', patch_id: 1, patch_name: 'N', action: 'apply_for_possession', assessment_id: 55, recommended_action: 'apply_for_possession',
              requested_by: 2, requested_by_name: 'Jo', requested_at: new Date('2026-11-23T09:00:00Z'), request_note: null, status: 'pending', decided_by: null, decided_by_name: null,
              decided_at: null, decided_on: null, decision_reason: null, action_event_id: null, real_arrears_pence: 1, names: 'A',
            },
          ],
        }),
        '2026-11-23',
        { fullLedger: false },
      ),
    );
    expect(pending(qa('pending-approval')).text()).toContain('Apply for possession is waiting');
    const none = renderPage('staff/account/account.njk', buildAccountPage(view({ assessment: null, trace: [] }), '2026-11-23', { fullLedger: false }));
    expect(none(qa('not-assessed')).length).toBe(1);
  });

  it('shows flags as badges: vulnerability, breathing space, dispute', () => {
    const events = [
      { id: 1, tenancy_id: 7, event_date: '2026-11-01', type: 'vulnerability', details: { flag: 'bereavement' }, note: null, recorded_at: new Date(), recorded_by: 'x' },
      { id: 2, tenancy_id: 7, event_date: '2026-11-10', type: 'breathing_space', details: { kind: 'mental_health_crisis' }, note: null, recorded_at: new Date(), recorded_by: 'x' },
      { id: 3, tenancy_id: 7, event_date: '2026-11-11', type: 'dispute', details: {}, note: null, recorded_at: new Date(), recorded_by: 'x' },
    ];
    const $ = renderPage('staff/account/account.njk', buildAccountPage(view({ events, flags: caseFlags(events, '2026-11-23') }), '2026-11-23', { fullLedger: false }));
    expect($(qa('account-flags')).find('.moj-badge').map((_i, el) => $(el).text().trim()).get()).toEqual(['Breathing space', 'Vulnerable', 'Dispute']);
    expect($(qa('summary-breathing-space')).text()).toContain('Mental health crisis from 10 November 2026, open-ended');
    expect($(qa('summary-dispute')).text()).toContain('Open since 11 November 2026');
  });
});

describe('timeline page', () => {
  const events = [
    { id: 9, tenancy_id: 7, event_date: '2026-09-01', type: 'action', details: { action: 'send_letter_1', decision: 'confirmed' }, note: null, recorded_at: new Date('2026-09-01T09:00:00Z'), recorded_by: 'officer' },
    { id: 10, tenancy_id: 7, event_date: '2026-10-02', type: 'contact', details: { channel: 'phone', outcome: 'no_answer' }, note: 'Tried twice', recorded_at: new Date('2026-10-02T09:00:00Z'), recorded_by: 'officer' },
    { id: 11, tenancy_id: 7, event_date: '2026-10-20', type: 'notice_served', details: { notice: 'nosp' }, note: null, recorded_at: new Date('2026-10-20T09:00:00Z'), recorded_by: 'system' },
    { id: 12, tenancy_id: 7, event_date: '2026-11-01', type: 'dispute', details: {}, note: 'Disputes charge', recorded_at: new Date('2026-11-01T09:00:00Z'), recorded_by: 'officer' },
  ];

  it('lists contacts, letters, actions, payments and legal events newest first (MOJ timeline), with the letter download', () => {
    const $ = renderPage('staff/account/timeline.njk', buildTimelinePage(view({ events }), '2026-11-23', null));
    const types = $(qa('timeline-item')).map((_i, el) => $(el).attr('data-type')).get();
    expect(types).toEqual(['payment', 'dispute', 'notice_served', 'contact', 'letter', 'action']);
    expect($('.moj-timeline').length).toBe(1);
    expect($(qa('timeline-item')).eq(3).text()).toContain('Contact by phone');
    expect($(qa('timeline-item')).eq(3).text()).toContain('Tried twice');
    expect($(qa('timeline-letter-link')).first().attr('href')).toBe('/tenancies/TEN-7/letters/3');
    expect($('a[href="/tenancies/TEN-7/events/12/close"]').text()).toBe('Record as resolved');
    expect($(qa('record-links')).find('a').length).toBe(7);
  });

  it('filters by type, and hides recording for read-only viewers', () => {
    const $ = renderPage('staff/account/timeline.njk', buildTimelinePage(view({ events, canAct: false }), '2026-11-23', 'legal'));
    expect($(qa('timeline-item')).map((_i, el) => $(el).attr('data-type')).get()).toEqual(['notice_served']);
    expect($(qa('record-links')).length).toBe(0);
    expect($('a[href$="/close"]').length).toBe(0);
    const empty = renderPage('staff/account/timeline.njk', buildTimelinePage(view({ events: [], ledgers: [], letters: [] }), '2026-11-23', 'contact'));
    expect(empty(qa('timeline-empty')).length).toBe(1);
  });
});

describe('household page', () => {
  it('shows the property and each tenant\'s contact details, noting that the view is audited', () => {
    const $ = renderPage('staff/account/household.njk', {
      pageTitle: 'x',
      header: { ref: 'TEN-7', base: '/tenancies/TEN-7', names: 'Alice Smith', address: '1 Test Street', patchName: 'Northgate', former: false, canAct: true, badges: [] },
      subNavigation: [{ text: 'Account', href: '/tenancies/TEN-7', active: false }, { text: 'Household and contact details', href: '/tenancies/TEN-7/household', active: true }],
      propertyRows: [{ key: { text: 'Address' }, value: { text: '1 Test Street' } }],
      tenants: [{ position: 1, name: 'Alice Smith', rows: [{ key: { text: 'Phone' }, value: { text: '07700 900001' } }] }],
    });
    expect($(qa('tenant-heading')).text()).toContain('Tenant 1: Alice Smith');
    expect($(qa('tenant-contact')).text()).toContain('07700 900001');
    expect($('main').text()).toContain('recorded in the audit log');
    expect($('.moj-sub-navigation__link[aria-current=page]').text().trim()).toBe('Household and contact details');
  });
});
