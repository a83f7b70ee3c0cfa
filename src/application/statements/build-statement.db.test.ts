import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import { addDays } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import type { NewLedgerTransaction } from '../../persistence/stores/ledger-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { createTenancy } from '../../persistence/stores/tenancy-store';
import { buildStatement, StatementPeriodError, TenancyNotFoundError } from './build-statement';

let db: Db;

beforeAll(async () => {
  db = await createTestDatabase();
  const id = await createTenancy(db, {
    ref: 'TEN-STMT-1',
    paymentReference: '900001',
    tenure: 'secure',
    landlordType: 'local_authority',
    startDate: '2024-01-01',
    endDate: null,
    endReason: null,
    rentFrequency: 'weekly',
    address: '3 Statement Street, Testtown',
    postcode: 'TE3 3ST',
    patchName: 'North',
    tenants: [{ name: 'Pat Payer' }, { name: 'Chris Payer' }],
  });
  // Paid every week until 2026-08-31, then nothing: arrears began on Monday 7 Sep 2026.
  const rows: NewLedgerTransaction[] = [];
  for (let monday = '2024-01-01'; monday <= '2026-11-30'; monday = addDays(monday, 7)) {
    rows.push({ tenancyId: id, businessDate: monday, kind: 'charge', amountPence: 10000, idempotencyKey: `c-${monday}`, source: 'test' });
    if (monday <= '2026-08-31') {
      rows.push({ tenancyId: id, businessDate: addDays(monday, 1), kind: 'payment', method: 'direct_debit', amountPence: -10000, idempotencyKey: `p-${monday}`, source: 'test' });
    }
  }
  rows.push({ tenancyId: id, subAccount: 'garage', businessDate: '2026-10-05', kind: 'charge', amountPence: 1500, idempotencyKey: 'g-1', source: 'test' });
  rows.push({
    tenancyId: id,
    businessDate: '2026-10-07',
    kind: 'benefit',
    method: 'housing_benefit',
    amountPence: -2500,
    periodFrom: '2026-09-07',
    periodTo: '2026-10-04',
    idempotencyKey: 'hb-1',
    source: 'test',
  });
  await appendLedgerTransactions(db, rows);
});

afterAll(async () => {
  await db?.close();
});

describe('buildStatement', () => {
  it('defaults to the 13 weeks to asOf, with the tenants, the address and every sub-account', async () => {
    const s = await buildStatement(db, 'TEN-STMT-1', { asOf: '2026-11-23' });
    expect(s).toMatchObject({
      tenancyRef: 'TEN-STMT-1',
      paymentReference: '900001',
      tenants: ['Pat Payer', 'Chris Payer'],
      address: '3 Statement Street, Testtown, TE3 3ST',
      mode: 'thirteen-weeks',
      from: '2026-08-31',
      to: '2026-11-23',
      asOf: '2026-11-23',
      arrearsBegan: '2026-09-07',
      openingBalancePence: 0,
      closingBalancePence: 12 * 10000 + 1500 - 2500,
    });
    expect(s.lines.filter((l) => l.description.startsWith('Rent w/c'))).toHaveLength(13);
    expect(s.lines.map((l) => l.description)).toContain('Housing Benefit 7 Sep–4 Oct');
    expect(s.subAccounts).toEqual([
      { kind: 'rent', balancePence: 12 * 10000 - 2500 },
      { kind: 'garage', balancePence: 1500 },
    ]);
    // Nothing after asOf: the charge of Monday 30 November is not on it.
    expect(s.lines.at(-1)?.date).toBe('2026-11-23');
  });

  it('from when arrears began: at least two years, from a Monday', async () => {
    const s = await buildStatement(db, 'TEN-STMT-1', { asOf: '2026-11-23', mode: 'arrears-began' });
    expect([s.mode, s.from, s.to, s.arrearsBegan, s.openingBalancePence]).toEqual(['arrears-began', '2024-11-18', '2026-11-23', '2026-09-07', 0]);
    expect(s.lines[0]).toMatchObject({ date: '2024-11-18', description: 'Rent w/c 18 Nov 2024', balancePence: 10000 });
  });

  it('arrears-began with --to: the period ends there', async () => {
    const s = await buildStatement(db, 'TEN-STMT-1', { asOf: '2026-11-23', to: '2026-10-31', mode: 'arrears-began' });
    expect([s.from, s.to, s.arrearsBegan]).toEqual(['2024-10-28', '2026-10-31', '2026-09-07']);
  });

  it('only --to: the 13 weeks to it', async () => {
    const s = await buildStatement(db, 'TEN-STMT-1', { asOf: '2026-11-23', to: '2026-10-31' });
    expect([s.mode, s.from, s.to, s.asOf]).toEqual(['thirteen-weeks', '2026-08-03', '2026-10-31', '2026-11-23']);
  });

  it('explicit dates', async () => {
    const s = await buildStatement(db, 'TEN-STMT-1', { asOf: '2026-11-23', from: '2026-09-01', to: '2026-09-30' });
    expect([s.mode, s.from, s.to, s.openingBalancePence, s.closingBalancePence]).toEqual(['explicit', '2026-09-01', '2026-09-30', 10000, 40000]);
    expect(s.lines).toHaveLength(5);
  });

  it('an unknown ref is a TenancyNotFoundError', async () => {
    await expect(buildStatement(db, 'NO-SUCH-REF', { asOf: '2026-11-23' })).rejects.toBeInstanceOf(TenancyNotFoundError);
  });

  it.each([
    ['from after to', { from: '2026-10-01', to: '2026-09-01' }],
    ['a date that does not exist', { from: '2026-02-30' }],
    ['from with arrears-began', { from: '2026-09-01', mode: 'arrears-began' as const }],
  ])('refuses %s', async (_name, options) => {
    await expect(buildStatement(db, 'TEN-STMT-1', { asOf: '2026-11-23', ...options })).rejects.toBeInstanceOf(StatementPeriodError);
  });
});
