import { describe, expect, it } from 'vitest';
import { copyTextValue, parseInt8, unescapeCopyField } from '../database';
import { chargeScheduleRows, transactionRows, type TransactionRow } from './transaction-copy-text';
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

describe('transactionRows: dates and ranges', () => {
  it('gives every row naming a date the same string for it, and reads a date of another shape as its text', () => {
    const [a, b] = randomRows(2, 21);
    const rows = [
      { ...a!, business_date: '2026-11-23', period_from: '2026-11-23', period_to: null },
      { ...b!, business_date: '2026-11-23', period_from: '12026-11-23', period_to: '2026-11-2x' },
    ];
    const parsed = transactionRows(rows.map(copyLine).join(''));
    expect(parsed).toEqual(rows);
    expect(parsed[0]!.business_date).toBe(parsed[1]!.business_date);
    expect(parsed[0]!.period_from).toBe(parsed[1]!.business_date);
  });

  it('reads only the whole lines between two offsets when given them', () => {
    const rows = randomRows(3, 22);
    const lines = rows.map(copyLine);
    const text = lines.join('');
    expect(transactionRows(text, lines[0]!.length, lines[0]!.length + lines[1]!.length)).toEqual([rows[1]]);
    expect(transactionRows(text, lines[0]!.length, text.length)).toEqual(rows.slice(1));
  });
});

describe('chargeScheduleRows: charge schedules in COPY text', () => {
  it('reads tenancy, weekly charge, sub-account and date, with the dates shared', () => {
    const text = '7\t10450\trent\t2026-04-06\n7\t-5\tservice_charge\t2026-04-06\n12\t9007199254740991\tgarage2\t2025-04-07';
    const rows = chargeScheduleRows(text);
    expect(rows).toEqual([
      { tenancy_id: 7, weekly_pence: 10450, sub_account: 'rent', effective_from: '2026-04-06' },
      { tenancy_id: 7, weekly_pence: -5, sub_account: 'service_charge', effective_from: '2026-04-06' },
      { tenancy_id: 12, weekly_pence: 9007199254740991, sub_account: 'garage2', effective_from: '2025-04-07' },
    ]);
    expect(rows[0]!.effective_from).toBe(rows[1]!.effective_from);
    expect(chargeScheduleRows('')).toEqual([]);
  });

  it('refuses a charge beyond the safe range, a missing charge, and a null date', () => {
    expect(() => chargeScheduleRows('7\t9007199254740993\trent\t2026-04-06\n')).toThrow(RangeError);
    expect(() => chargeScheduleRows('7\t\\N\trent\t2026-04-06\n')).toThrow(/not an integer/);
    expect(() => chargeScheduleRows('7\t100\trent\t\\N\n')).toThrow(/effective_from is null/);
  });
});

