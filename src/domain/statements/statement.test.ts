import { describe, expect, it } from 'vitest';
import type { StatementTransaction } from './describe-transaction';
import { addressLine, buildStatementModel } from './statement';

const tenancy = { ref: 'TEN-000123', paymentReference: '100123', address: '12 Example Road, Testtown', postcode: 'TE1 2ST' };
const tenants = [{ name: 'Alex Tenant' }, { name: 'Sam Tenant' }];

const ledger: StatementTransaction[] = [
  { businessDate: '2026-11-02', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
  { businessDate: '2026-11-09', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
  { businessDate: '2026-11-09', subAccount: 'garage', kind: 'charge', method: null, amountPence: 1200 },
  { businessDate: '2026-11-11', subAccount: 'rent', kind: 'payment', method: 'direct_debit', amountPence: -11820 },
  { businessDate: '2026-11-16', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
  { businessDate: '2026-11-16', subAccount: 'rent', kind: 'reversal', method: 'direct_debit', amountPence: 11820, reason: 'ARUDD 0 refer to payer' },
  {
    businessDate: '2026-11-20',
    subAccount: 'rent',
    kind: 'benefit',
    method: 'housing_benefit',
    amountPence: -40000,
    periodFrom: '2026-10-19',
    periodTo: '2026-11-15',
  },
  { businessDate: '2026-11-30', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
];

describe('buildStatementModel', () => {
  it('opening balance, lines with a running balance, closing balance, sub-accounts and totals', () => {
    const s = buildStatementModel({ tenancy, tenants, transactions: ledger, from: '2026-11-09', to: '2026-11-23', asOf: '2026-11-23', mode: 'explicit' });
    expect(s).toMatchObject({
      tenancyRef: 'TEN-000123',
      paymentReference: '100123',
      tenants: ['Alex Tenant', 'Sam Tenant'],
      address: '12 Example Road, Testtown, TE1 2ST',
      from: '2026-11-09',
      to: '2026-11-23',
      asOf: '2026-11-23',
      openingBalancePence: 11820,
      closingBalancePence: 11820 + 11820 + 1200 - 11820 + 11820 + 11820 - 40000,
      totals: { debitsPence: 11820 + 1200 + 11820 + 11820, creditsPence: 11820 + 40000 },
      subAccounts: [
        { kind: 'rent', balancePence: 11820 * 4 - 11820 - 40000 },
        { kind: 'garage', balancePence: 1200 },
      ],
    });
    expect(s.lines.map((l) => [l.date, l.description, l.subAccount, l.debitPence, l.creditPence, l.balancePence])).toEqual([
      ['2026-11-09', 'Rent w/c 9 Nov 2026', 'rent', 11820, 0, 23640],
      ['2026-11-09', 'Garage rent w/c 9 Nov 2026', 'garage', 1200, 0, 24840],
      ['2026-11-11', 'Direct debit payment', 'rent', 0, 11820, 13020],
      ['2026-11-16', 'Rent w/c 16 Nov 2026', 'rent', 11820, 0, 24840],
      ['2026-11-16', 'Returned direct debit (ARUDD 0 refer to payer)', 'rent', 11820, 0, 36660],
      ['2026-11-20', 'Housing Benefit 19 Oct–15 Nov', 'rent', 0, 40000, -3340],
    ]);
    expect(s.closingBalancePence).toBe(s.lines.at(-1)?.balancePence);
  });

  const periods: { name: string; from: string; to: string; opening: number; closing: number; lines: number }[] = [
    { name: 'the whole ledger', from: '2026-01-01', to: '2026-12-31', opening: 0, closing: 11820 * 4 + 1200 + 11820 - 11820 - 40000, lines: 8 },
    { name: 'a period with no transactions keeps the balance', from: '2026-11-21', to: '2026-11-29', opening: -3340, closing: -3340, lines: 0 },
    { name: 'one day', from: '2026-11-16', to: '2026-11-16', opening: 13020, closing: 36660, lines: 2 },
    { name: 'before any transaction', from: '2025-01-01', to: '2025-12-31', opening: 0, closing: 0, lines: 0 },
  ];
  it.each(periods)('$name', ({ from, to, opening, closing, lines }) => {
    const s = buildStatementModel({ tenancy, tenants, transactions: ledger, from, to });
    expect([s.openingBalancePence, s.closingBalancePence, s.lines.length]).toEqual([opening, closing, lines]);
    expect(s.openingBalancePence + s.totals.debitsPence - s.totals.creditsPence).toBe(s.closingBalancePence);
    expect(s.subAccounts.reduce((a, b) => a + b.balancePence, 0)).toBe(s.closingBalancePence);
  });

  it('orders by date, keeping ledger order within a day', () => {
    const shuffled = [ledger[4]!, ledger[0]!, ledger[5]!, ledger[1]!];
    const s = buildStatementModel({ tenancy, tenants, transactions: shuffled, from: '2026-11-01', to: '2026-11-30' });
    expect(s.lines.map((l) => l.description)).toEqual(['Rent w/c 2 Nov 2026', 'Rent w/c 9 Nov 2026', 'Rent w/c 16 Nov 2026', 'Returned direct debit (ARUDD 0 refer to payer)']);
  });

  it('defaults: asOf is to, rent is always listed, no tenants, no address', () => {
    const s = buildStatementModel({ tenancy: { ref: 'T1' }, tenants: [], transactions: [], from: '2026-11-01', to: '2026-11-30' });
    expect(s).toMatchObject({ asOf: '2026-11-30', mode: 'explicit', arrearsBegan: null, paymentReference: null, address: null, tenants: [], subAccounts: [{ kind: 'rent', balancePence: 0 }] });
  });

  it('a zero-amount line is neither debit nor credit', () => {
    const s = buildStatementModel({ tenancy, tenants, transactions: [{ businessDate: '2026-11-02', subAccount: 'rent', kind: 'adjustment', method: null, amountPence: 0 }], from: '2026-11-01', to: '2026-11-30' });
    expect(s.lines[0]).toMatchObject({ debitPence: 0, creditPence: 0, balancePence: 0 });
  });
});

describe('addressLine', () => {
  it.each([
    ['12 Example Road, Testtown', 'TE1 2ST', '12 Example Road, Testtown, TE1 2ST'],
    ['12 Example Road, Testtown TE1 2ST', 'TE1 2ST', '12 Example Road, Testtown TE1 2ST'],
    ['12 Example Road', null, '12 Example Road'],
    [null, 'TE1 2ST', 'TE1 2ST'],
    [null, null, null],
    ['  ', '', null],
  ])('%s + %s', (address, postcode, expected) => {
    expect(addressLine(address, postcode)).toBe(expected);
  });
});
