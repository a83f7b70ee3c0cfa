import { describe, expect, it } from 'vitest';
import type { ArrangementRow, MoneyPage, SnapshotRow } from '../../../application/arrangements/money';
import { affordability } from '../../../domain/arrangements/income-expenditure';
import { planArrangement } from '../../../domain/arrangements/plan-arrangement';
import { qa, renderPage } from '../../../../test/support/render-page';
import { SFS_LABELS, SFS_SECTIONS } from './form';
import { buildMoneyPage, planView } from './view-model';

const header = { ref: 'TEN-X1', base: '/tenancies/TEN-X1', names: 'Ann Example', address: '1 Test Street', patchName: 'Northgate', former: false, canAct: true, badges: [] };
const subNavigation = [{ text: 'Income and arrangements', href: '/tenancies/TEN-X1/money', active: true }];
const lines = [
  { category: 'earnings' as const, amountPence: 120_000, period: 'monthly' as const },
  { category: 'food_and_housekeeping' as const, amountPence: 10_000, period: 'weekly' as const },
];
const w = affordability(lines);
const snapshot: SnapshotRow = {
  id: 1, tenancy_id: 1, taken_on: '2026-11-23', lines, monthly_income_pence: w.monthlyIncomePence, monthly_surplus_pence: w.monthlySurplusPence,
  largest_weekly_pence: w.largestWeeklyInstalmentPence, largest_monthly_pence: w.largestMonthlyInstalmentPence, working: w.working, recorded_by: 'officer.northgate', recorded_at: new Date(0),
};
const arrangement = (change: Partial<ArrangementRow>): ArrangementRow => ({
  id: 7, tenancy_id: 1, case_event_id: 3, snapshot_id: 1, instalment_pence: 1000, frequency: 'weekly', start_date: '2026-11-30', arrears_pence: 20_000, instalments: 20,
  final_instalment_pence: 1000, clears_on: '2027-04-12', warnings: [], status: 'active', ended_on: null, ended_reason: null, replaced_by: null, letter_id: 5, created_by: 'officer.northgate', created_at: new Date(0),
  ...change,
});

function page(change: Partial<MoneyPage> = {}) {
  const p: MoneyPage = { arrearsPence: 20_000, snapshots: [snapshot], arrangements: [], active: null, engineStatus: { status: 'none', shortfallPence: null }, recordedOnCase: null, suggestedStarts: [], ...change };
  return renderPage('staff/money/money.njk', { header, subNavigation, base: '/tenancies/TEN-X1/money', canAct: true, errorList: [], cancel: null, pageTitle: 'money', ...buildMoneyPage(p) });
}

describe('money page', () => {
  it('shows the surplus, the largest instalment and the working, and offers an arrangement', () => {
    const $ = page();
    expect($(qa('surplus')).text()).toBe('£766.67');
    expect($(qa('largest')).text()).toContain('£176.92 a week');
    expect($(qa('working')).find('li')).toHaveLength(3);
    expect($(qa('agree-arrangement')).attr('href')).toBe('/tenancies/TEN-X1/money/arrangement');
    expect($(qa('engine-status')).text()).toContain('No arrangement in force');
  });

  it('shows an arrangement recorded on the case outside these pages (imported, migrated), as the engine monitors it', () => {
    const $ = page({ engineStatus: { status: 'broken', shortfallPence: 1500 }, recordedOnCase: { date: '2026-06-01', instalmentPence: 500, frequency: 'weekly' } });
    expect($(qa('arrangement-on-case')).text()).toContain('£5.00 weekly on top of the rent, from 1 June 2026');
    expect($(qa('no-arrangement')).length).toBe(0);
    expect($(qa('agree-arrangement')).attr('href')).toBe('/tenancies/TEN-X1/money/arrangement');
  });

  it('shows the early warning of the arrangement in force, its letter and the history with reasons', () => {
    const active = arrangement({});
    const $ = page({
      arrangements: [active, arrangement({ id: 6, status: 'renegotiated', ended_on: '2026-11-20', ended_reason: 'Hours cut' })],
      active: { arrangement: active, watch: { state: 'late', instalmentsDue: 2, lateInstalmentOn: '2026-12-07', daysLate: 1, shortfallPence: 1000, paidTowardsInstalmentsPence: 1000, tolerancePence: 1000, breaksOn: '2026-12-14' } },
      engineStatus: { status: 'kept', shortfallPence: 1000 },
    });
    expect($(qa('watch')).attr('data-state')).toBe('late');
    expect($(qa('watch')).text()).toContain('7 December 2026 is 1 day late');
    expect($(qa('engine-status')).text()).toContain('Kept: shortfall £10.00');
    expect($(qa('confirmation-letter')).attr('href')).toBe('/tenancies/TEN-X1/letters/5');
    expect($(qa('renegotiate')).attr('href')).toBe('/tenancies/TEN-X1/money/arrangement?replaces=7');
    expect($(qa('cancel-form')).find('input[name=_csrf]').val()).toBe('test-csrf-token');
    expect($(qa('ended-reason')).text()).toBe('Hours cut');
  });
});

describe('income and expenditure form', () => {
  it('asks every SFS category in its section, priority debts before costs, with the errors named', () => {
    const errors = { 'amount-earnings': 'Earnings (take-home pay) cannot be negative' };
    const $ = renderPage('staff/money/income-expenditure.njk', {
      ref: 'TEN-X1', values: {}, errors, errorList: [{ text: errors['amount-earnings'], href: '#amount-earnings' }], formAction: '/x', backHref: '/y',
      sections: SFS_SECTIONS.map((s) => ({ key: s.key, title: s.title, hint: s.hint, rows: s.categories.map((c) => ({ category: c, label: SFS_LABELS[c], amount: '', period: 'monthly' })) })),
    });
    expect($(qa('ie-form')).is('[novalidate]')).toBe(true);
    expect($('fieldset legend').map((_, e) => $(e).text().trim()).get()).toEqual(['Income', 'Priority debts', 'Fixed costs', 'Flexible costs']);
    expect($('input[name^=amount-]')).toHaveLength(23);
    expect($('#amount-earnings-error').text()).toContain('cannot be negative');
    expect($('.govuk-error-summary a').attr('href')).toBe('#amount-earnings');
  });
});

describe('arrangement form', () => {
  it('shows the warnings, the schedule and a confirmation button', () => {
    const plan = planArrangement({ arrearsPence: 20_000, instalmentPence: 15_000, frequency: 'weekly', startDate: '2026-11-30', asOf: '2026-11-23', largestAffordablePence: 14_230 });
    const $ = renderPage('staff/money/arrangement.njk', {
      ref: 'TEN-X1', title: 'Agree a repayment arrangement', values: { instalment: '150' }, errors: {}, errorList: [], arrears: '£200.00', affordable: null,
      frequencyItems: [{ value: 'weekly', text: 'Weekly', checked: true }], suggestions: [{ date: '27 November 2026', reason: 'The Friday the tenant usually pays on' }],
      replacing: null, warnings: plan.problems.map((p) => p.message), preview: planView(plan, '2026-11-30', 'weekly', 15_000), confirmKey: '15000|weekly|2026-11-30', formAction: '/x', backHref: '/y',
    });
    expect($(qa('warnings')).text()).toContain('£142.30');
    expect($(qa('preview-clears')).text()).toContain('the arrears clear on 7 December 2026');
    expect($(qa('preview-first')).find('li').map((_, e) => $(e).text()).get()).toEqual(['30 November 2026: £150.00', '7 December 2026: £50.00']);
    expect($('input[name=confirm]').val()).toBe('15000|weekly|2026-11-30');
    expect($(qa('suggested-starts')).text()).toContain('27 November 2026 (The Friday the tenant usually pays on)');
  });
});
