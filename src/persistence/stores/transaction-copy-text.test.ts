import { describe, expect, it } from 'vitest';
import { copyTextValue, parseInt8, unescapeCopyField } from '../database';
import { transactionRows, type TransactionRow } from './transaction-copy-text';
import { seededRandom } from '../../../test/builders/seeded-random';

/** The parser this one replaced (session 6), kept here as the reference it must agree with. */
function referenceRows(text: string): TransactionRow[] {
  const rows: TransactionRow[] = [];
  let at = 0;
  const field = (last: boolean): string | null => {
    const end = text.indexOf(last ? '\n' : '\t', at);
    const stop = end === -1 ? text.length : end;
    const raw = text.slice(at, stop);
    at = stop + 1;
    return raw === '\\N' ? null : raw.includes('\\') ? unescapeCopyField(raw) : raw;
  };
  while (at < text.length) {
    const tenancyId = Number(field(false));
    const id = Number(field(false));
    const businessDate = field(false)!;
    const kind = field(false)!;
    const method = field(false);
    const amountPence = parseInt8(field(false)!);
    const periodFrom = field(false);
    const periodTo = field(false);
    const note = field(false);
    const subAccount = field(false)!;
    const reversesId = field(false);
    const reason = field(true);
    rows.push({ tenancy_id: tenancyId, id, business_date: businessDate, kind, method, amount_pence: amountPence, period_from: periodFrom, period_to: periodTo, note, sub_account: subAccount, reverses_id: reversesId === null ? null : Number(reversesId), reason });
  }
  return rows;
}

/** A row as PostgreSQL's COPY writes it. */
function copyLine(r: TransactionRow): string {
  const v = (x: string | number | null) => (x === null ? '\\N' : copyTextValue(String(x)));
  return `${[r.tenancy_id, r.id, r.business_date, r.kind, r.method, r.amount_pence, r.period_from, r.period_to, r.note, r.sub_account, r.reverses_id, r.reason].map(v).join('\t')}\n`;
}


const KINDS = ['charge', 'payment', 'benefit', 'adjustment', 'reversal', 'court_costs', 'write_off', 'refund', 'chargeX', 'x'];
const METHODS = [null, 'cash', 'direct_debit', 'housing_benefit', 'uc_housing_costs', 'fta_transfer', 'bank_transfer', 'a_new_method', 'cash\\'];
const SUB_ACCOUNTS = ['rent', 'service_charge', 'court_costs', 'former_tenant_arrears', 'garage', 'rent2'];
const TEXTS = [null, '', 'goodwill', 'tab\there', 'new\nline', 'back\\slash', '\\N', 'N', '£5 — ok', 'carriage\rreturn', '   '];

function randomRows(count: number, seed: number): TransactionRow[] {
  const g = seededRandom(seed);
  const date = () => `2026-${String(1 + Math.floor(g.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(g.next() * 28)).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, i) => ({
    tenancy_id: 1 + Math.floor(g.next() * 100_000),
    id: i + 1 + Math.floor(g.next() * 1e12),
    business_date: date(),
    kind: g.pick(KINDS),
    method: g.pick(METHODS),
    amount_pence: g.pick([0, 1, -1, 9000, -12345, 123_456_789, -(2 ** 53 - 1), 2 ** 53 - 1, Math.floor((g.next() - 0.5) * 1e7)]),
    period_from: g.next() < 0.8 ? null : date(),
    period_to: g.next() < 0.8 ? null : date(),
    note: g.pick(TEXTS),
    sub_account: g.pick(SUB_ACCOUNTS),
    reverses_id: g.next() < 0.7 ? null : Math.floor(g.next() * 1e9),
    reason: g.pick(TEXTS),
  }));
}

describe('transactionRows: the ledger rows of COPY text', () => {
  it('reads every row as the previous parser did, and as it was written: nulls, escapes, negative and 16-digit amounts, unknown words', () => {
    for (const seed of [1, 2, 3]) {
      const rows = randomRows(3000, seed);
      const text = rows.map(copyLine).join('');
      const parsed = transactionRows(text);
      expect(parsed).toEqual(rows);
      expect(parsed).toEqual(referenceRows(text));
    }
  });

  it('reads an empty text as no rows', () => {
    expect(transactionRows('')).toEqual([]);
  });

  it('refuses an integer beyond the safe range, and a field that is not an integer', () => {
    const [row] = randomRows(1, 9);
    const line = copyLine(row!);
    const fields = line.slice(0, -1).split('\t');
    expect(() => transactionRows(`${[...fields.slice(0, 5), '9007199254740993', ...fields.slice(6)].join('\t')}\n`)).toThrow(RangeError);
    expect(() => transactionRows(`${['12a', ...fields.slice(1)].join('\t')}\n`)).toThrow(/not an integer/);
    expect(() => transactionRows(`${[...fields.slice(0, 5), '', ...fields.slice(6)].join('\t')}\n`)).toThrow(/not an integer/);
    expect(() => transactionRows(`${['\\N', ...fields.slice(1)].join('\t')}\n`)).toThrow(/not an integer/);
    expect(() => transactionRows(`${[...fields.slice(0, 10), '\\X', ...fields.slice(11)].join('\t')}\n`)).toThrow(/not an integer/);
    expect(() => transactionRows(`${[...fields.slice(0, 10), '12 ', ...fields.slice(11)].join('\t')}\n`)).toThrow(/not an integer/);
    expect(() => transactionRows(`${[...fields.slice(0, 3), '\\N', ...fields.slice(4)].join('\t')}\n`)).toThrow(/kind is null/);
  });

  it('reads a last line without its line break', () => {
    const rows = randomRows(2, 11);
    expect(transactionRows(rows.map(copyLine).join('').slice(0, -1))).toEqual(rows);
  });
});
