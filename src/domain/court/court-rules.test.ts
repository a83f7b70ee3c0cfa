import { describe, expect, it } from 'vitest';
import {
  breathingSpaceActiveOn,
  creditsSincePence,
  dailyRatePence,
  formerTenantArrearsTransfer,
  hearingStatementDueOn,
  orderFieldsNeeded,
  ORDER_TYPES,
  rentScheduleFrom,
  safeguardsStatus,
  SAFEGUARD_ITEMS,
  warrantRefusals,
  type WarrantFacts,
} from './court-rules';

describe('daily rate of rent: weekly / 7, half-up to the penny', () => {
  it.each([
    [10_000, 1_429], // 1428.57 → 1429
    [9_000, 1_286], // 1285.71 → 1286
    [7_000, 1_000],
    [11_820, 1_689], // 1688.57 → 1689
    [3_500, 500],
    [3_503, 500], // 500.43 → 500
    [3_504, 501], // 500.57 → 501
    [0, 0],
  ])('%i a week → %i a day', (weekly, daily) => {
    expect(dailyRatePence(weekly)).toBe(daily);
  });
  it('refuses a negative or fractional charge', () => {
    expect(() => dailyRatePence(-1)).toThrow(RangeError);
    expect(() => dailyRatePence(1.5)).toThrow(RangeError);
  });
});

describe('rent schedule start', () => {
  const tx = (businessDate: string, amountPence: number) => ({ businessDate, amountPence, subAccount: 'rent' as const, kind: amountPence > 0 ? 'charge' : 'payment', method: null, periodFrom: null, periodTo: null, note: null, reason: null });
  it.each([
    ['arrears from 2026-06-01, two years back from 2026-11-23 on a Monday', [tx('2026-06-01', 10_000)], '2026-11-23', '2020-01-06', '2024-11-18'],
    ['never before the tenancy began', [tx('2026-06-01', 10_000)], '2026-11-23', '2026-06-01', '2026-06-01'],
    ['arrears older than two years: from when they began', [tx('2023-03-06', 10_000)], '2026-11-23', '2020-01-06', '2023-03-06'],
    ['not in arrears: the two years', [tx('2026-06-01', 10_000), tx('2026-06-02', -10_000)], '2026-11-23', '2020-01-06', '2024-11-18'],
  ])('%s', (_name, transactions, asOf, start, from) => {
    expect(rentScheduleFrom(transactions, asOf, start)).toBe(from);
  });
});

describe('hearing statement due 10 days before the hearing', () => {
  it.each([
    ['2027-01-20', '2027-01-10'],
    ['2027-03-05', '2027-02-23'],
    ['2028-03-01', '2028-02-20'], // across a leap day
  ])('hearing %s → %s', (hearing, due) => {
    expect(hearingStatementDueOn(hearing)).toBe(due);
  });
});

describe('fields each order type needs', () => {
  it.each([
    ['outright', ['possessionDate']],
    ['suspended', ['instalmentPence', 'frequency']],
    ['postponed', ['instalmentPence', 'frequency']],
    ['adjourned_on_terms', ['instalmentPence', 'frequency']],
    ['adjourned_generally', []],
    ['money_judgment', []],
    ['dismissed', []],
  ] as const)('%s → %o', (order, fields) => {
    expect(orderFieldsNeeded(order)).toEqual(fields);
  });
  it('covers every order type of the contract', () => {
    expect(ORDER_TYPES).toHaveLength(7);
  });
});

describe('eviction safeguards complete', () => {
  const all = new Set<string>(SAFEGUARD_ITEMS);
  it.each([
    ['every item, no breathing space', all, false, true, []],
    ['every item but a breathing space active', all, true, false, ['breathing_space']],
    ['visit missing', new Set([...all].filter((i) => i !== 'pre_eviction_visit')), false, false, ['pre_eviction_visit']],
    ['nothing', new Set<string>(), false, false, [...SAFEGUARD_ITEMS]],
  ])('%s', (_name, confirmed, bs, complete, missing) => {
    expect(safeguardsStatus(confirmed, bs)).toEqual({ complete, missing });
  });
});

describe('breathing space active', () => {
  it.each([
    ['standard, day 60 is the last', [{ date: '2026-11-01' }], '2026-12-30', true],
    ['standard, day 61 is over', [{ date: '2026-11-01' }], '2026-12-31', false],
    ['not started', [{ date: '2026-11-01' }], '2026-10-31', false],
    ['ended by endDate', [{ date: '2026-11-01', endDate: '2026-11-10' }], '2026-11-11', false],
    ['cancelled', [{ date: '2026-11-01', cancelledOn: '2026-11-05' }], '2026-11-05', false],
    ['mental health crisis, open', [{ date: '2026-01-01', kind: 'mental_health_crisis' }], '2026-11-23', true],
    ['none', [], '2026-11-23', false],
  ])('%s', (_name, events, today, active) => {
    expect(breathingSpaceActiveOn(events, today)).toBe(active);
  });
});

describe('warrant refusals', () => {
  const ok: WarrantFacts = {
    today: '2026-11-23',
    order: { order: 'suspended', date: '2026-08-01', possessionDate: null },
    termsBroken: true,
    arrearsPence: 50_000,
    warrantAssessmentRecorded: true,
    breathingSpaceActive: false,
    warrantAlreadyRequested: false,
    approvalPending: false,
  };
  it.each([
    ['suspended, terms broken, everything recorded', {}, []],
    ['no order', { order: null }, [/no possession order/]],
    ['terms kept', { termsBroken: false }, [/being kept/]],
    ['outright before the possession date', { order: { order: 'outright', date: '2026-11-01', possessionDate: '2026-11-29' } }, [/has not passed/]],
    ['outright after the possession date', { order: { order: 'outright', date: '2026-10-01', possessionDate: '2026-10-29' } }, []],
    ['adjourned', { order: { order: 'adjourned_generally', date: '2026-10-01', possessionDate: null } }, [/cannot be enforced/]],
    ['no equality assessment', { warrantAssessmentRecorded: false }, [/equality assessment/]],
    ['breathing space', { breathingSpaceActive: true }, [/breathing space/]],
    ['no arrears', { arrearsPence: 0 }, [/no arrears/]],
    ['pending', { approvalPending: true }, [/waiting for a manager/]],
  ] as const)('%s', (_name, change, expected) => {
    const reasons = warrantRefusals({ ...ok, ...change } as WarrantFacts);
    expect(reasons).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(reasons[i]).toMatch(re));
  });
});

describe('transfer to former tenant arrears', () => {
  it.each([
    ['rent and costs', [{ subAccount: 'rent', balancePence: 150_001 }, { subAccount: 'court_costs', balancePence: 35_500 }], [{ subAccount: 'rent', amountPence: -150_001 }, { subAccount: 'court_costs', amountPence: -35_500 }, { subAccount: 'former_tenant_arrears', amountPence: 185_501 }]],
    ['a credit moves too', [{ subAccount: 'rent', balancePence: -1_000 }], [{ subAccount: 'rent', amountPence: 1_000 }, { subAccount: 'former_tenant_arrears', amountPence: -1_000 }]],
    ['nothing to move', [{ subAccount: 'rent', balancePence: 0 }], []],
    ['other sub-accounts stay', [{ subAccount: 'garage', balancePence: 5_000 }], []],
  ] as const)('%s', (_name, balances, entries) => {
    const result = formerTenantArrearsTransfer(balances);
    expect(result).toEqual(entries);
    expect(result.reduce((s, e) => s + e.amountPence, 0)).toBe(0);
  });
});

describe('credits since the order', () => {
  it('sums payments and benefit credits on or after the date', () => {
    const txs = [
      { businessDate: '2026-07-31', amountPence: -5_000, kind: 'payment' },
      { businessDate: '2026-08-01', amountPence: -5_000, kind: 'payment' },
      { businessDate: '2026-08-03', amountPence: 10_000, kind: 'charge' },
      { businessDate: '2026-08-05', amountPence: -2_500, kind: 'benefit' },
      { businessDate: '2026-08-06', amountPence: -100, kind: 'adjustment' },
    ];
    expect(creditsSincePence(txs, '2026-08-01')).toBe(7_500);
  });
});
