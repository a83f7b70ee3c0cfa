import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../../../../test/support/pdf-text';
import { addDays } from '../../../domain/calendar/business-date';
import type { StatementTransaction } from '../../../domain/statements/describe-transaction';
import type { Statement } from '../../../domain/statements/statement';
import { buildStatementModel } from '../../../domain/statements/statement';
import { csvField, renderStatementCsv, safeText } from './csv';
import { renderStatementJson } from './json';
import { renderStatementPdf } from './pdf';
import { renderStatementText } from './text';

const ledger: StatementTransaction[] = [
  { businessDate: '2026-11-02', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
  { businessDate: '2026-11-09', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
  { businessDate: '2026-11-11', subAccount: 'rent', kind: 'payment', method: 'direct_debit', amountPence: -11820 },
  { businessDate: '2026-11-16', subAccount: 'rent', kind: 'reversal', method: 'direct_debit', amountPence: 11820, reason: 'ARUDD 0 refer to payer' },
  { businessDate: '2026-11-20', subAccount: 'rent', kind: 'benefit', method: 'housing_benefit', amountPence: -40000, periodFrom: '2026-10-19', periodTo: '2026-11-15' },
  { businessDate: '2026-11-20', subAccount: 'rent', kind: 'adjustment', method: null, amountPence: -500, note: 'goodwill, "one-off"' },
];

function small(overrides: Partial<Parameters<typeof buildStatementModel>[0]> = {}): Statement {
  return buildStatementModel({
    tenancy: { ref: 'TEN-1', paymentReference: '100001', address: '12 Example Road, Testtown', postcode: 'TE1 2ST' },
    tenants: [{ name: 'Alex Tenant' }],
    transactions: ledger,
    from: '2026-11-09',
    to: '2026-11-23',
    asOf: '2026-11-23',
    mode: 'thirteen-weeks',
    ...overrides,
  });
}

/** A statement of `weeks` weeks of rent and payments, on two sub-accounts. */
function long(weeks: number): Statement {
  const transactions: StatementTransaction[] = [];
  let monday = '2024-01-01';
  for (let i = 0; i < weeks; i += 1) {
    transactions.push({ businessDate: monday, subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 });
    transactions.push({ businessDate: monday, subAccount: 'garage', kind: 'charge', method: null, amountPence: 1200 });
    transactions.push({ businessDate: addDays(monday, 3), subAccount: 'rent', kind: 'payment', method: 'standing_order', amountPence: -12000 });
    monday = addDays(monday, 7);
  }
  return buildStatementModel({ tenancy: { ref: 'TEN-2' }, tenants: [{ name: 'Sam Long' }, { name: 'Kim Long' }], transactions, from: '2024-01-01', to: monday, asOf: monday, mode: 'arrears-began', arrearsBegan: '2024-01-01' });
}

describe('renderStatementCsv', () => {
  it('writes the exact RFC 4180 text, with the balance brought forward first', () => {
    expect(renderStatementCsv(small())).toBe(
      [
        'date,description,sub_account,debit,credit,balance',
        '2026-11-09,Balance brought forward,,0.00,0.00,118.20',
        '2026-11-09,Rent w/c 9 Nov 2026,rent,118.20,0.00,236.40',
        '2026-11-11,Direct debit payment,rent,0.00,118.20,118.20',
        '2026-11-16,Returned direct debit (ARUDD 0 refer to payer),rent,118.20,0.00,236.40',
        '2026-11-20,Housing Benefit 19 Oct–15 Nov,rent,0.00,400.00,-163.60',
        '2026-11-20,"Adjustment (goodwill, ""one-off"")",rent,0.00,5.00,-168.60',
        '',
      ].join('\r\n'),
    );
  });

  it('is UTF-8 with no byte-order mark', () => {
    const bytes = Buffer.from(renderStatementCsv(small()), 'utf8');
    expect(bytes.subarray(0, 4).toString()).toBe('date');
    expect(bytes.includes(Buffer.from('–', 'utf8'))).toBe(true);
  });

  it('an empty period is the header and the balance brought forward', () => {
    expect(renderStatementCsv(small({ from: '2026-11-21', to: '2026-11-23' }))).toBe('date,description,sub_account,debit,credit,balance\r\n2026-11-21,Balance brought forward,,0.00,0.00,-168.60\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44', "'+44"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['Rent', 'Rent'],
  ])('guards free text %j against formula injection', (value, expected) => {
    expect(safeText(value)).toBe(expected);
  });
});

describe('renderStatementJson', () => {
  it('has the contract shape in integer pence', () => {
    const json = JSON.parse(renderStatementJson(small())) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 7)).toEqual(['tenancyRef', 'from', 'to', 'openingBalancePence', 'closingBalancePence', 'subAccounts', 'lines']);
    expect(json).toMatchObject({
      tenancyRef: 'TEN-1',
      from: '2026-11-09',
      to: '2026-11-23',
      openingBalancePence: 11820,
      closingBalancePence: -16860,
      subAccounts: [{ kind: 'rent', balancePence: -16860 }],
      asOf: '2026-11-23',
      mode: 'thirteen-weeks',
      arrearsBegan: null,
      totals: { debitsPence: 23640, creditsPence: 52320 },
    });
    const lines = json.lines as Record<string, unknown>[];
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ date: '2026-11-09', description: 'Rent w/c 9 Nov 2026', subAccount: 'rent', debitPence: 11820, creditPence: 0, balancePence: 23640 });
    for (const l of lines) for (const k of ['debitPence', 'creditPence', 'balancePence']) expect(Number.isSafeInteger(l[k])).toBe(true);
  });
});

describe('renderStatementText', () => {
  it('has a header and right-aligned money columns', () => {
    const text = renderStatementText(small());
    expect(text).toContain('Rentwise demo council');
    expect(text).toContain('TEN-1 (payment reference 100001)');
    expect(text).toContain('Alex Tenant');
    expect(text).toContain('12 Example Road, Testtown, TE1 2ST');
    expect(text).toContain('Balance on 23 Nov 2026: £168.60 in credit');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('Date'));
    const table = lines.slice(start, start + 2 + 1 + 5);
    expect(table[2]).toContain('Balance brought forward');
    const widths = new Set(table.map((l) => l.length));
    expect(widths.size).toBe(1); // the balance column ends at the same place on every row
    const balanceAt = table[0]!.indexOf('Balance') + 'Balance'.length;
    expect(table[7]!.slice(0, balanceAt).endsWith('-£168.60')).toBe(true);
  });

  it('lists the sub-accounts when there are several', () => {
    const text = renderStatementText(long(3));
    expect(text).toContain('  Garage: £36.00 owed');
    expect(text).toMatch(/Arrears began +1 Jan 2024/);
  });
});

describe('renderStatementPdf', () => {
  it('is a PDF naming the landlord, the tenant, the reference and the closing balance', async () => {
    const pdf = await renderStatementPdf(small(), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Rentwise demo council', 'Alex Tenant', '12 Example Road', 'TE1 2ST', 'TEN-1', '100001', 'Rent statement', 'Balance brought forward', 'Returned direct debit (ARUDD 0 refer to payer)', 'Housing Benefit 19 Oct–15 Nov', '-£168.60', 'Balance on 23 Nov 2026: £168.60 in credit', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
  });

  it('gives the same bytes for the same statement, dated by asOf', async () => {
    const [a, b] = await Promise.all([renderStatementPdf(small()), renderStatementPdf(small())]);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20261123000000Z)');
  });

  it('breaks long statements across pages, repeating the table header and numbering the pages', async () => {
    const pdf = await renderStatementPdf(long(60), { compress: false });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = pdfText(pdf);
    expect(text.match(/^Description$/gm)?.length).toBeGreaterThanOrEqual(pages - 1);
    expect(text).toContain('Rent statement TEN-2 (continued)');
    for (let p = 1; p <= pages; p += 1) expect(text).toContain(`Page ${p} of ${pages}`);
    expect(text).toContain('Sam Long');
    expect(text).toContain('Kim Long');
    expect(text).toContain('Garage rent w/c 1 Jan 2024');
  });

  it('draws names outside Windows-1252 with plain letters', async () => {
    const pdf = await renderStatementPdf(small({ tenants: [{ name: 'Zoë Łukasz' }, { name: '王芳' }] }), { compress: false });
    const text = pdfText(pdf);
    expect(text).toContain('Zoë Lukasz');
    expect(text).toContain('??');
  });
});
