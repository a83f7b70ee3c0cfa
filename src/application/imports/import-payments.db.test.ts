import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aBankLine, aCardPayment, anArudd, aPayment, aruddFile, bankStatementFile, paymentCardFile, paymentFile } from '../../../test/builders/payment-file';
import { createTestDatabase } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';
import type { Db } from '../../persistence/database';
import { openPostgresDatabase } from '../../persistence/postgres-database';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { addChargeScheduleEntry, createTenancy } from '../../persistence/stores/tenancy-store';
import { ImportRefused } from './csv-file';
import { exportPaymentExceptions, listOpenExceptions, resubmitExceptions } from './exceptions';
import { importPayments } from './import-payments';
import { allocateSuspenseItem, listSuspense, SuspenseAllocationRefused } from './suspense';

const TODAY = '2026-11-23';
let db: Db;
const files = tempDir();
let accounts = 0;

/** A new tenancy with its own payment reference. */
async function anAccount(): Promise<{ id: number; ref: string; paymentReference: string }> {
  accounts += 1;
  const ref = `TEN-${String(accounts).padStart(6, '0')}`;
  const paymentReference = String(500000 + accounts);
  const id = await createTenancy(db, {
    ref,
    paymentReference,
    tenure: 'secure',
    landlordType: 'local_authority',
    startDate: '2024-01-01',
    endDate: null,
    endReason: null,
    rentFrequency: 'weekly',
    address: `${accounts} Example Road`,
    postcode: null,
    patchName: 'North',
    tenants: [{ name: 'A Tenant' }],
  });
  await addChargeScheduleEntry(db, { tenancyId: id, effectiveFrom: '2024-01-01', weeklyPence: 11250 });
  return { id, ref, paymentReference };
}

async function ledgerOf(tenancyId: number) {
  return db.query<{ id: number; kind: string; method: string | null; amount_pence: number; business_date: string; reverses_id: number | null; reason: string | null; note: string | null }>(
    `SELECT id, kind, method, amount_pence, business_date, reverses_id, reason, note FROM ledger_transactions WHERE tenancy_id = $1 ORDER BY id`,
    [tenancyId],
  );
}

async function ledgerCount(): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_transactions`);
  return r!.n;
}

async function importText(name: string, content: string | Buffer, options: { format?: string; batchRows?: number } = {}) {
  const path = files.file(name, content);
  return importPayments(db, { path, today: TODAY, ...options });
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
  files.cleanup();
});

describe('import payments (generic-csv)', () => {
  it('gives every row one outcome on a messy file: rows = posted + suspense + rejected + duplicate', async () => {
    const a = await anAccount();
    const b = await anAccount();
    const rows = [
      aPayment({ reference: a.paymentReference, amount: '112.50', transaction_id: 'MESSY-1' }), // row 2: posted
      aPayment({ reference: b.paymentReference, amount: '400.00', method: 'housing_benefit', transaction_id: 'MESSY-2' }), // row 3: posted (benefit)
      aPayment({ reference: 'NOBODY-1', amount: '20.00', transaction_id: 'MESSY-3' }), // row 4: suspense
      aPayment({ reference: a.paymentReference, amount: '0.00', transaction_id: 'MESSY-4' }), // row 5: rejected
      aPayment({ reference: a.paymentReference, date: '31/02/2026', transaction_id: 'MESSY-5' }), // row 6: rejected
      aPayment({ reference: a.paymentReference, transaction_id: 'MESSY-1' }), // row 7: duplicate (same file)
      aPayment({ reference: a.paymentReference, amount: '-112.50', transaction_id: 'MESSY-6', description: 'returned' }), // row 8: posted (reversal)
      aPayment({ reference: a.paymentReference, amount: '1.005', transaction_id: 'MESSY-7' }), // row 9: rejected
      aPayment({ reference: b.paymentReference, method: 'paypal', transaction_id: 'MESSY-8' }), // row 10: rejected
      aPayment({ reference: b.paymentReference, transaction_id: '' }), // row 11: rejected
    ];
    const summary = await importText('messy.csv', paymentFile(rows));
    expect(summary).toMatchObject({ rows: 10, posted: 3, suspense: 1, rejected: 5, duplicate: 1, postedPence: 11250 + 40000 - 11250 });
    expect(summary.rows).toBe(summary.posted + summary.suspense + summary.rejected + summary.duplicate);
    expect(summary.errors).toEqual([
      { row: 5, field: 'amount', message: 'must not be zero' },
      { row: 6, field: 'date', message: expect.stringMatching(/not a real calendar date/) },
      { row: 9, field: 'amount', message: expect.stringMatching(/more than two decimal places/) },
      { row: 10, field: 'method', message: expect.stringMatching(/not a payment method/) },
      { row: 11, field: 'transaction_id', message: 'is required' },
    ]);
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);

    expect(await ledgerOf(a.id)).toMatchObject([
      { kind: 'payment', method: 'direct_debit', amount_pence: -11250, business_date: '2026-11-02' },
      { kind: 'reversal', method: 'direct_debit', amount_pence: 11250, reason: 'returned payment: returned' },
    ]);
    expect(await ledgerOf(b.id)).toMatchObject([{ kind: 'benefit', method: 'housing_benefit', amount_pence: -40000 }]);

    const outcomes = await db.query<{ row_number: number; outcome: string }>(
      `SELECT row_number, outcome FROM payment_file_rows WHERE import_file_id = (SELECT max(id) FROM import_files) ORDER BY row_number`,
    );
    expect(outcomes.map((o) => `${o.row_number}:${o.outcome}`)).toEqual([
      '2:posted',
      '3:posted',
      '4:suspense',
      '5:rejected',
      '6:rejected',
      '7:duplicate',
      '8:posted',
      '9:rejected',
      '10:rejected',
      '11:rejected',
    ]);
    const exceptions = (await listOpenExceptions(db)).filter((e) => e.file.endsWith('messy.csv'));
    expect(exceptions.map((e) => [e.row, e.field])).toEqual([
      [5, 'amount'],
      [6, 'date'],
      [9, 'amount'],
      [10, 'method'],
      [11, 'transaction_id'],
    ]);
    expect(exceptions[0]!.raw).toMatchObject({ amount: '0.00', transaction_id: 'MESSY-4' });

    // The same file again posts nothing; its rejected rows stay the same open exceptions.
    const before = await ledgerCount();
    const again = await importText('messy.csv', paymentFile(rows));
    expect(again).toMatchObject({ rows: 10, posted: 0, suspense: 0, rejected: 5, duplicate: 5, postedPence: 0 });
    expect(await ledgerCount()).toBe(before);
    expect((await listOpenExceptions(db)).filter((e) => e.file.endsWith('messy.csv'))).toHaveLength(5);
  });

  it('finds a duplicate within one file across batches, and posts it once', async () => {
    const a = await anAccount();
    const rows = [
      aPayment({ reference: a.paymentReference, transaction_id: 'DUP-1' }),
      aPayment({ reference: a.paymentReference, transaction_id: 'DUP-2' }),
      aPayment({ reference: a.paymentReference, transaction_id: 'DUP-1' }),
      aPayment({ reference: a.paymentReference, transaction_id: 'DUP-2' }),
      aPayment({ reference: a.paymentReference, transaction_id: 'DUP-2' }),
    ];
    const summary = await importText('dup.csv', paymentFile(rows), { batchRows: 2 });
    expect(summary).toMatchObject({ rows: 5, posted: 2, duplicate: 3 });
    expect(await ledgerOf(a.id)).toHaveLength(2);
  });

  it('numbers rows as a spreadsheet does: blank lines are not rows but keep their row number', async () => {
    const a = await anAccount();
    const text = [
      'date,reference,amount,method,transaction_id,description',
      `2026-11-02,${a.paymentReference},10.00,cash,ROWS-1,first`,
      '',
      `2026-11-02,${a.paymentReference},zero,cash,ROWS-2,bad amount`,
      ',,,,,',
      `2026-11-02,${a.paymentReference},10.00,cash,ROWS-3,"two`,
      `lines"`,
      `2026-11-02,${a.paymentReference},ten,cash,ROWS-4,bad amount`,
      '',
      '',
    ].join('\r\n');
    const summary = await importText('rows.csv', text);
    expect(summary).toMatchObject({ rows: 4, posted: 2, rejected: 2 });
    // Row 6 is the record that spans two lines: a spreadsheet shows it as one row, so the next is row 7.
    expect(summary.errors.map((e) => e.row)).toEqual([4, 7]);
  });

  it('rejects a row with more values than the header has columns, but not trailing empty ones', async () => {
    const a = await anAccount();
    const text = [
      'date,reference,amount,method,transaction_id',
      `2026-11-02,${a.paymentReference},10.00,cash,EXTRA-1,,`,
      `2026-11-02,${a.paymentReference},10.00,cash,EXTRA-2,surprise`,
      `2026-11-02,${a.paymentReference},10.00`,
    ].join('\n');
    const summary = await importText('extra.csv', text);
    expect(summary).toMatchObject({ rows: 3, posted: 1, rejected: 2 });
    expect(summary.errors).toEqual([
      { row: 3, field: 'row', message: 'has 6 values but the header has 5 columns' },
      { row: 4, field: 'method', message: 'is required' },
    ]);
  });

  it('reads columns in any order and ignores columns it does not know', async () => {
    const a = await anAccount();
    const summary = await importText('order.csv', `transaction_id,Note,amount,METHOD,Date,Reference\nORDER-1,hello,10.00,cash,2026-11-02,${a.paymentReference}\n`);
    expect(summary).toMatchObject({ rows: 1, posted: 1 });
  });

  it('reads a Windows-1252 £, € and curly quote in a description, after a UTF-8 BOM and a UTF-8 é', async () => {
    const a = await anAccount();
    const text = `\uFEFFdate,reference,amount,method,transaction_id,description\r\n2026-11-02,${a.paymentReference},5.00,cash,ENC-1,caf\u00e9 utf-8\r\n`;
    const row = Buffer.concat([Buffer.from(`2026-11-02,${a.paymentReference},5.00,cash,ENC-2,paid `, 'utf8'), Buffer.from([0xa3]), Buffer.from('5 (', 'utf8'), Buffer.from([0x80]), Buffer.from('6) at the tenant', 'utf8'), Buffer.from([0x92]), Buffer.from('s office\r\n', 'utf8')]);
    const summary = await importText('encoding.csv', Buffer.concat([Buffer.from(text, 'utf8'), row]));
    expect(summary).toMatchObject({ rows: 2, posted: 2, rejected: 0 });
    expect((await ledgerOf(a.id)).map((t) => t.note)).toEqual(['caf\u00e9 utf-8', 'paid \u00a35 (\u20ac6) at the tenant\u2019s office']);
  });

  it('rejects an amount beyond what one ledger line may hold by its row and field, and posts the rest', async () => {
    const a = await anAccount();
    const summary = await importText(
      'too-large.csv',
      paymentFile([
        aPayment({ reference: a.paymentReference, amount: '90071992547409.91', transaction_id: 'HUGE-1' }),
        aPayment({ reference: a.paymentReference, amount: '10000000.00', transaction_id: 'HUGE-2' }),
      ]),
    );
    expect(summary).toMatchObject({ rows: 2, posted: 1, rejected: 1, postedPence: 1_000_000_000 });
    expect(summary.errors).toEqual([{ row: 2, field: 'amount', message: '"90071992547409.91" is more than £10,000,000.00, the most one transaction may be' }]);
    expect((await ledgerOf(a.id)).map((t) => t.amount_pence)).toEqual([-1_000_000_000]);
  });

  it('holds an unknown reference in suspense; an officer allocates it once', async () => {
    const a = await anAccount();
    const summary = await importText('suspense.csv', paymentFile([aPayment({ reference: 'MISTYPED-99', amount: '75.00', transaction_id: 'SUSP-1', method: 'standing_order' })]));
    expect(summary).toMatchObject({ rows: 1, suspense: 1 });
    const item = (await listSuspense(db)).find((i) => i.transactionId === 'SUSP-1')!;
    expect(item).toMatchObject({ reference: 'MISTYPED-99', amountPence: 7500, method: 'standing_order', status: 'open', row: 2 });

    const allocation = await allocateSuspenseItem(db, { suspenseId: item.id, to: a.ref, today: TODAY });
    expect(allocation).toMatchObject({ tenancyRef: a.ref, kind: 'payment', ledgerAmountPence: -7500 });
    expect(await ledgerOf(a.id)).toMatchObject([{ kind: 'payment', method: 'standing_order', amount_pence: -7500 }]);
    expect((await listSuspense(db)).some((i) => i.id === item.id)).toBe(false);
    expect((await listSuspense(db, { includeAllocated: true })).find((i) => i.id === item.id)).toMatchObject({ status: 'allocated', allocatedTo: a.ref });

    await expect(allocateSuspenseItem(db, { suspenseId: item.id, to: a.ref, today: TODAY })).rejects.toThrow(SuspenseAllocationRefused);
    await expect(allocateSuspenseItem(db, { suspenseId: 999999, to: a.ref, today: TODAY })).rejects.toThrow(/no suspense item/);
    expect(await ledgerOf(a.id)).toHaveLength(1);

    // Re-importing the file: the transaction id was accepted (into suspense), so it is a duplicate.
    expect(await importText('suspense.csv', paymentFile([aPayment({ reference: 'MISTYPED-99', amount: '75.00', transaction_id: 'SUSP-1' })]))).toMatchObject({ duplicate: 1 });
  });

  it('refuses an unknown tenancy for an allocation, and allocates by payment reference', async () => {
    const a = await anAccount();
    await importText('suspense2.csv', paymentFile([aPayment({ reference: 'UNKNOWN-2', amount: '-10.00', transaction_id: 'SUSP-2' })]));
    const item = (await listSuspense(db)).find((i) => i.transactionId === 'SUSP-2')!;
    await expect(allocateSuspenseItem(db, { suspenseId: item.id, to: 'NO-SUCH-REF', today: TODAY })).rejects.toThrow(/no tenancy NO-SUCH-REF/);
    const allocation = await allocateSuspenseItem(db, { suspenseId: item.id, to: a.paymentReference, today: TODAY });
    expect(allocation).toMatchObject({ tenancyRef: a.ref, kind: 'reversal', ledgerAmountPence: 1000 });
  });

  it('refuses a file it cannot read, whole, posting nothing', async () => {
    const before = await ledgerCount();
    const [filesBefore] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_files`);
    const a = await anAccount();
    const good = `2026-11-02,${a.paymentReference},10.00,cash,REFUSE-1,ok\n`;
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.csv', '', /empty/],
      ['blank.csv', '\n\n  \n', /empty/],
      ['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), /not a CSV file/],
      ['missing.csv', `date,reference,amount,method\n${good}`, /missing required column transaction_id/],
      ['unclosed.csv', `date,reference,amount,method,transaction_id,description\n${good}2026-11-02,${a.paymentReference},1.00,cash,REFUSE-2,"never closed\n`, /not a readable CSV file/],
      ['late-binary.csv', Buffer.concat([Buffer.from(`date,reference,amount,method,transaction_id,description\n${good}`), Buffer.from([0, 1, 2])]), /not a CSV file/],
      ['twice.csv', `date,reference,amount,method,transaction_id,Date\n${good}`, /more than once/],
    ];
    for (const [name, content, message] of cases) {
      await expect(importText(name, content)).rejects.toThrow(ImportRefused);
      await expect(importText(name, content)).rejects.toThrow(message);
    }
    await expect(importPayments(db, { path: files.file('x.csv', good), today: TODAY, format: 'nonsense' })).rejects.toThrow(/unknown payment file format/);
    await expect(importPayments(db, { path: `${files.dir}/does-not-exist.csv`, today: TODAY })).rejects.toThrow(/cannot read/);
    expect(await ledgerCount()).toBe(before);
    const [filesAfter] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_files`);
    expect(filesAfter!.n).toBe(filesBefore!.n);
  });

  it('reads a file with a header and no data rows: every count 0', async () => {
    expect(await importText('header-only.csv', 'date,reference,amount,method,transaction_id\r\n\r\n')).toMatchObject({
      rows: 0,
      posted: 0,
      suspense: 0,
      rejected: 0,
      duplicate: 0,
      postedPence: 0,
      errors: [],
    });
  });
});

describe('import payments (bank-statement)', () => {
  it('finds the reference in the description, the method in the type, and gives stable ids', async () => {
    const a = await anAccount();
    const b = await anAccount();
    const lines = [
      aBankLine({ Description: `J SMITH ${a.paymentReference} RENT`, Type: 'SO', 'Paid in': '112.50', Balance: '100.00' }),
      aBankLine({ Description: `FP 12/11/2026 REF 9999 ${b.paymentReference}`, Type: 'FPI', 'Paid in': '50.00', Balance: '150.00' }),
      aBankLine({ Description: `FP 12/11/2026 REF 9999 ${b.paymentReference}`, Type: 'FPI', 'Paid in': '50.00', Balance: '150.00' }), // identical line: a second payment
      aBankLine({ Description: 'UNKNOWN PAYER', Type: 'BGC', 'Paid in': '30.00', Balance: '180.00' }),
      aBankLine({ Description: `REFUND ${a.paymentReference}`, Type: 'DD', 'Paid in': '', 'Paid out': '12.50', Balance: '167.50' }),
      aBankLine({ Description: `BOTH ${a.paymentReference}`, 'Paid in': '1.00', 'Paid out': '1.00' }),
      aBankLine({ Date: '32/11/2026', Description: `BAD DATE ${a.paymentReference}` }),
    ];
    const summary = await importText('bank.csv', bankStatementFile(lines), { format: 'bank-statement' });
    expect(summary).toMatchObject({ rows: 7, posted: 4, suspense: 1, rejected: 2, duplicate: 0, postedPence: 11250 + 5000 + 5000 - 1250 });
    expect(summary.errors).toEqual([
      { row: 7, field: 'Paid in', message: expect.stringMatching(/both Paid in and Paid out/) },
      { row: 8, field: 'Date', message: expect.stringMatching(/not a real calendar date/) },
    ]);
    expect(await ledgerOf(a.id)).toMatchObject([
      { kind: 'payment', method: 'standing_order', amount_pence: -11250 },
      { kind: 'reversal', method: 'direct_debit', amount_pence: 1250 },
    ]);
    expect(await ledgerOf(b.id)).toMatchObject([
      { kind: 'payment', method: 'bank_transfer', amount_pence: -5000 },
      { kind: 'payment', method: 'bank_transfer', amount_pence: -5000 },
    ]);
    expect((await listSuspense(db)).find((i) => i.description === 'UNKNOWN PAYER')).toMatchObject({ reference: 'UNKNOWN PAYER', amountPence: 3000 });

    // Next month's export overlaps: the same lines (in another order, with another line) are duplicates.
    const next = [lines[3]!, lines[1]!, lines[0]!, lines[2]!, aBankLine({ Description: `J SMITH ${a.paymentReference} RENT`, Balance: '292.50' })];
    const overlap = await importText('bank-next.csv', bankStatementFile(next), { format: 'bank-statement' });
    expect(overlap).toMatchObject({ rows: 5, posted: 1, duplicate: 4 });
  });

  it('reads an export with a single Amount column and a bank reference column', async () => {
    const a = await anAccount();
    const columns = ['Transaction Date', 'Transaction Type', 'Transaction Description', 'Amount', 'Bank Reference'];
    const summary = await importText(
      'bank-amount.csv',
      bankStatementFile(
        [
          { 'Transaction Date': '03/11/2026', 'Transaction Type': 'CHQ', 'Transaction Description': `CHEQUE ${a.paymentReference}`, Amount: '£200.00', 'Bank Reference': 'B-1' },
          { 'Transaction Date': '03/11/2026', 'Transaction Type': 'CHQ', 'Transaction Description': `CHEQUE ${a.paymentReference}`, Amount: '£200.00', 'Bank Reference': 'B-1' },
        ],
        { columns },
      ),
      { format: 'bank-statement' },
    );
    expect(summary).toMatchObject({ rows: 2, posted: 1, duplicate: 1 });
    expect(await db.query(`SELECT provider_transaction_id FROM ledger_transactions WHERE tenancy_id = $1`, [a.id])).toEqual([{ provider_transaction_id: 'bank:B-1' }]);
  });

  it('refuses a bank export without any amount column', async () => {
    await expect(importText('bank-noamount.csv', 'Date,Description,Balance\n01/11/2026,X 100001,1.00\n', { format: 'bank-statement' })).rejects.toThrow(
      /missing required column Paid in or Paid out or Amount/,
    );
  });
});

describe('import payments (payment-card)', () => {
  it('posts counter payments as payment_card and online or telephone ones as debit_card, a refund as a reversal, once', async () => {
    const a = await anAccount();
    const b = await anAccount();
    const lines = [
      aCardPayment({ 'Client Reference': a.paymentReference, Amount: '£50.00', Channel: 'PayPoint' }),
      aCardPayment({ 'Client Reference': a.paymentReference, Amount: '25.00', Channel: 'Post Office Counter' }),
      aCardPayment({ 'Client Reference': b.paymentReference, Amount: '112.50', Channel: 'Internet', Outlet: '' }),
      aCardPayment({ 'Client Reference': b.paymentReference, Amount: '10.00', Channel: 'IVR telephone', Outlet: '' }),
      aCardPayment({ 'Client Reference': a.paymentReference, Amount: '-25.00', Channel: 'Post Office Counter', Outlet: 'refund' }),
      aCardPayment({ 'Client Reference': 'NO-SUCH-CARD', Amount: '7.00' }),
      aCardPayment({ 'Client Reference': a.paymentReference, Amount: 'fifty' }),
    ];
    const summary = await importText('card.csv', paymentCardFile(lines), { format: 'payment-card' });
    expect(summary).toMatchObject({ rows: 7, posted: 5, suspense: 1, rejected: 1, duplicate: 0, postedPence: 5000 + 2500 + 11250 + 1000 - 2500 });
    expect(summary.errors).toEqual([{ row: 8, field: 'Amount', message: expect.stringMatching(/not an amount/) }]);
    expect(await ledgerOf(a.id)).toMatchObject([
      { kind: 'payment', method: 'payment_card', amount_pence: -5000, note: 'High St Stores' },
      { kind: 'payment', method: 'payment_card', amount_pence: -2500 },
      { kind: 'reversal', method: 'payment_card', amount_pence: 2500 },
    ]);
    expect(await ledgerOf(b.id)).toMatchObject([
      { kind: 'payment', method: 'debit_card', amount_pence: -11250 },
      { kind: 'payment', method: 'debit_card', amount_pence: -1000 },
    ]);
    expect(await db.query(`SELECT provider_transaction_id FROM ledger_transactions WHERE tenancy_id = $1 ORDER BY id LIMIT 1`, [b.id])).toEqual([
      { provider_transaction_id: `card:${lines[2]!['Transaction ID']}` },
    ]);
    expect(await importText('card-again.csv', paymentCardFile(lines), { format: 'payment-card' })).toMatchObject({ rows: 7, posted: 0, duplicate: 6, rejected: 1 });
  });

  it('makes its own stable transaction id when the file has none: a repeated line is a duplicate, two identical lines two payments', async () => {
    const a = await anAccount();
    const columns = ['Payment Date', 'Account Reference', 'Transaction Amount', 'Card Number'];
    const line = { 'Payment Date': '2026-11-04', 'Account Reference': a.paymentReference, 'Transaction Amount': '20.00', 'Card Number': '9826 0000 1234 5678 9' };
    expect(await importText('card-noid.csv', paymentCardFile([line, line], { columns }), { format: 'payment-card' })).toMatchObject({ rows: 2, posted: 2 });
    const next = [line, line, { ...line, 'Payment Date': '2026-11-05' }];
    expect(await importText('card-noid-next.csv', paymentCardFile(next, { columns }), { format: 'payment-card' })).toMatchObject({ rows: 3, posted: 1, duplicate: 2 });
    expect((await ledgerOf(a.id)).map((t) => t.method)).toEqual(['payment_card', 'payment_card', 'payment_card']);
  });

  it('refuses a card file without a reference column, naming the columns it accepts first', async () => {
    await expect(importText('card-noref.csv', 'Transaction Date,Amount\n03/11/2026,5.00\n', { format: 'payment-card' })).rejects.toThrow(
      /missing required column Client Reference for format payment-card/,
    );
  });
});

describe('import payments (bacs-arudd)', () => {
  it('reverses the unpaid direct debit it matches, with the return code as the reason, once', async () => {
    const a = await anAccount();
    const paid = await appendLedgerTransactions(db, [
      { tenancyId: a.id, businessDate: '2026-11-02', kind: 'payment', method: 'direct_debit', amountPence: -11250, idempotencyKey: `t:${a.id}:1`, source: 'test' },
      { tenancyId: a.id, businessDate: '2026-10-01', kind: 'payment', method: 'direct_debit', amountPence: -11250, idempotencyKey: `t:${a.id}:2`, source: 'test' },
    ]);
    const returns = [
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '04/11/2026', TransactionId: 'ARUDD-1' }), // 2 days from 02/11: linked
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '04/11/2026', TransactionId: 'ARUDD-2' }), // nothing left to match: unlinked
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '06/10/2026', TransactionId: 'ARUDD-3', Amount: '112.50' }), // 5 days from 01/10: unlinked
      anArudd({ Reference: a.paymentReference, ReturnCode: '', TransactionId: 'ARUDD-4' }),
    ];
    const summary = await importText('arudd.csv', aruddFile(returns), { format: 'bacs-arudd' });
    expect(summary).toMatchObject({ rows: 4, posted: 3, rejected: 1, postedPence: -3 * 11250 });
    expect(summary.errors).toEqual([{ row: 5, field: 'ReturnCode', message: 'is required' }]);
    const reversals = (await ledgerOf(a.id)).filter((t) => t.kind === 'reversal');
    expect(reversals).toMatchObject([
      { amount_pence: 11250, method: 'direct_debit', reverses_id: paid[0]!.id, reason: 'ARUDD 0: REFER TO PAYER', business_date: '2026-11-06' },
      { amount_pence: 11250, reverses_id: null },
      { amount_pence: 11250, reverses_id: null },
    ]);
    const again = await importText('arudd.csv', aruddFile(returns), { format: 'bacs-arudd' });
    expect(again).toMatchObject({ rows: 4, posted: 0, duplicate: 3, rejected: 1 });
  });

  it("finds the debits a batch's returns reverse in one query, in the file's order, across accounts", async () => {
    const accounts = [await anAccount(), await anAccount(), await anAccount()];
    const paid = await appendLedgerTransactions(
      db,
      accounts.flatMap((a, n) => [
        { tenancyId: a.id, businessDate: '2026-11-02', kind: 'payment' as const, method: 'direct_debit', amountPence: -11250, idempotencyKey: `batch:${a.id}:1`, source: 'test' },
        { tenancyId: a.id, businessDate: '2026-11-03', kind: 'payment' as const, method: 'direct_debit', amountPence: -11250, idempotencyKey: `batch:${a.id}:2:${n}`, source: 'test' },
      ]),
    );
    const returns = accounts.flatMap((a, n) => [
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '03/11/2026', TransactionId: `BATCH-${n}-1` }), // the debit of 03/11
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '03/11/2026', TransactionId: `BATCH-${n}-2` }), // then the one of 02/11
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '03/11/2026', TransactionId: `BATCH-${n}-3` }), // none left: unlinked
    ]);
    const lookups: string[] = [];
    const spied: Db = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            ...tx,
            query: (sql, params) => {
              if (sql.includes("l.method = 'direct_debit'")) lookups.push(sql);
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const path = files.file('arudd-batch.csv', aruddFile(returns));
    expect(await importPayments(spied, { path, today: TODAY, format: 'bacs-arudd' })).toMatchObject({ rows: 9, posted: 9 });
    expect(lookups).toHaveLength(1);
    for (const [n, a] of accounts.entries()) {
      const reversals = (await ledgerOf(a.id)).filter((t) => t.kind === 'reversal').map((t) => t.reverses_id);
      expect(reversals).toEqual([paid[2 * n + 1]!.id, paid[2 * n]!.id, null]);
    }
  });

  it('links a return three days from its debit, and never reverses a debit twice, across batches and imports', async () => {
    const a = await anAccount();
    const [debit] = await appendLedgerTransactions(db, [
      { tenancyId: a.id, businessDate: '2026-11-02', kind: 'payment', method: 'direct_debit', amountPence: -11250, idempotencyKey: `edge:${a.id}`, source: 'test' },
    ]);
    // One row a batch: the second return's lookup runs after the first is committed.
    const twice = [
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '05/11/2026', TransactionId: `EDGE-${a.id}-1` }),
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '05/11/2026', TransactionId: `EDGE-${a.id}-2` }),
    ];
    expect(await importText('arudd-edge.csv', aruddFile(twice), { format: 'bacs-arudd', batchRows: 1 })).toMatchObject({ rows: 2, posted: 2 });
    const later = [anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '02/11/2026', TransactionId: `EDGE-${a.id}-3` })];
    expect(await importText('arudd-edge-2.csv', aruddFile(later), { format: 'bacs-arudd' })).toMatchObject({ rows: 1, posted: 1 });
    expect((await ledgerOf(a.id)).filter((t) => t.kind === 'reversal').map((t) => t.reverses_id)).toEqual([debit!.id, null, null]);
  });

  it('makes its own stable transaction id when the report has none', async () => {
    const a = await anAccount();
    const text = `ProcessingDate,Reference,Amount,ReturnCode,ReturnDescription\n06/11/2026,${a.paymentReference},-20.00,1,INSTRUCTION CANCELLED\n06/11/2026,${a.paymentReference},20.00,1,INSTRUCTION CANCELLED\n`;
    expect(await importText('arudd-noid.csv', text, { format: 'bacs-arudd' })).toMatchObject({ rows: 2, posted: 2, postedPence: -4000 });
    expect(await importText('arudd-noid-2.csv', text, { format: 'bacs-arudd' })).toMatchObject({ rows: 2, duplicate: 2 });
  });
});

describe('exceptions: export, correct, resubmit', () => {
  it('exports open payment exceptions as generic-csv and resolves them when the corrected file is resubmitted', async () => {
    const a = await anAccount();
    await importText(
      'to-correct.csv',
      paymentFile([aPayment({ reference: a.paymentReference, amount: '12.345', transaction_id: 'FIX-1' }), aPayment({ reference: a.paymentReference, method: 'giro', transaction_id: 'FIX-2' })]),
    );
    const open = (await listOpenExceptions(db)).filter((e) => e.file.endsWith('to-correct.csv'));
    expect(open).toHaveLength(2);

    const chunks: string[] = [];
    const { Writable } = await import('node:stream');
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk.toString());
        cb();
      },
    });
    await exportPaymentExceptions(db, out);
    const exported = chunks.join('').split('\n');
    expect(exported[0]).toBe('exception_id,date,reference,amount,method,transaction_id,description,problem');
    const mine = exported.filter((l) => l.includes('FIX-'));
    expect(mine).toHaveLength(2);

    // The officer corrects one row (the amount) and leaves the other still wrong.
    const corrected = [exported[0], ...mine.map((l) => l.replace('12.345', '12.35'))].join('\n');
    const result = await resubmitExceptions(db, { path: files.file('corrected.csv', corrected), today: TODAY });
    // Both exceptions are answered: FIX-1 posted; FIX-2 rejected again, as a new open exception.
    expect(result).toMatchObject({ rows: 2, posted: 1, rejected: 1, resubmitted: 2 });
    const still = (await listOpenExceptions(db)).filter((e) => e.raw.transaction_id === 'FIX-2' || e.raw.transaction_id === 'FIX-1');
    expect(still.map((e) => [e.file, e.raw.transaction_id, e.field])).toEqual([[expect.stringMatching(/corrected\.csv$/), 'FIX-2', 'method']]);

    // Corrected properly: resolved, and no open exception is left for either row.
    const fixed = [exported[0], ...mine.map((l) => l.replace('12.345', '12.35').replace('giro', 'cheque'))].join('\n');
    const last = await resubmitExceptions(db, { path: files.file('fixed.csv', fixed), today: TODAY });
    expect(last).toMatchObject({ posted: 1, duplicate: 1, rejected: 0 });
    expect((await listOpenExceptions(db)).filter((e) => ['FIX-1', 'FIX-2'].includes(e.raw.transaction_id ?? ''))).toEqual([]);
  });

  it('resolves an exception of a bank statement row from its generic-csv correction', async () => {
    const a = await anAccount();
    await importText('bank-bad.csv', bankStatementFile([aBankLine({ Date: '2026/11/05', Description: `RENT ${a.paymentReference}` })]), { format: 'bank-statement' });
    const [exception] = (await listOpenExceptions(db)).filter((e) => e.file.endsWith('bank-bad.csv'));
    expect(exception).toMatchObject({ field: 'Date' });
    const chunks: string[] = [];
    const { Writable } = await import('node:stream');
    await exportPaymentExceptions(
      db,
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          chunks.push(chunk.toString());
          cb();
        },
      }),
    );
    const [head, ...rest] = chunks.join('').trim().split('\n');
    const line = rest.find((l) => l.startsWith(`${exception!.id},`))!;
    expect(line).toContain(`,${a.paymentReference},112.50,standing_order,bank:`);
    const result = await resubmitExceptions(db, { path: files.file('bank-fixed.csv', `${head}\n${line.replace('2026/11/05', '05/11/2026')}\n`), today: TODAY });
    expect(result).toMatchObject({ posted: 1, resubmitted: 1 });
    expect(await ledgerOf(a.id)).toMatchObject([{ kind: 'payment', method: 'standing_order', amount_pence: -11250, business_date: '2026-11-05' }]);
  });
});

/**
 * `inner`, whose transaction of an import's first batch posted side by side (the one that first takes the
 * shared batch lock) waits, before it commits, until the next batch's work is done or `patienceMs` has passed.
 * `overlapped` tells whether the second batch started while the first was in flight.
 */
function withFirstBatchHeldOpen(inner: Db, patienceMs = 400, options: { leaderIdleTimeoutMs?: number } = {}): { db: Db; overlapped: () => boolean } {
  let batches = 0;
  let firstInFlight = false;
  let overlapped = false;
  let secondDone!: () => void;
  const secondDoneSignal = new Promise<void>((resolve) => (secondDone = resolve));
  const db: Db = new Proxy(inner, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver) as unknown;
      return <T,>(fn: (tx: Db) => Promise<T>): Promise<T> => {
        let batch = 0;
        return target
          .transaction(async (tx) => {
            const watched: Db = new Proxy(tx, {
              get(t, k, r) {
                if (k !== 'query') return Reflect.get(t, k, r) as unknown;
                return async (sql: string, params?: readonly unknown[]) => {
                  // A server whose sessions end after this long idle in a transaction.
                  if (sql.includes('pg_try_advisory_xact_lock') && options.leaderIdleTimeoutMs !== undefined) {
                    await t.query(`SET LOCAL idle_in_transaction_session_timeout = ${options.leaderIdleTimeoutMs}`);
                  }
                  if (sql.includes('pg_advisory_xact_lock_shared')) {
                    batch = ++batches;
                    if (batch === 1) firstInFlight = true;
                    if (batch === 2 && firstInFlight) overlapped = true;
                  }
                  return t.query(sql, params);
                };
              },
            });
            const result = await fn(watched);
            if (batch === 1) await Promise.race([secondDoneSignal, new Promise((resolve) => setTimeout(resolve, patienceMs))]);
            if (batch === 2) secondDone();
            return result;
          })
          .finally(() => {
            if (batch === 1) firstInFlight = false;
          });
      };
    },
  });
  return { db, overlapped: () => overlapped };
}

describe('posting side by side (PostgreSQL)', () => {
  it.runIf(process.env.DATABASE_URL)('posts the next batch while one is in flight; a transaction id of the batch in flight is a duplicate', async () => {
    const a = await anAccount();
    const held = withFirstBatchHeldOpen(db);
    const rows = [
      aPayment({ reference: 'NOBODY-1', transaction_id: 'LANE-SUSP-1' }),
      aPayment({ reference: a.paymentReference, transaction_id: 'LANE-1' }),
      aPayment({ reference: 'NOBODY-1', transaction_id: 'LANE-SUSP-1' }),
      aPayment({ reference: a.paymentReference, transaction_id: 'LANE-2' }),
    ];
    const summary = await importPayments(held.db, { path: files.file('lanes.csv', paymentFile(rows)), today: TODAY, batchRows: 2, reassessWhilePosting: false });
    expect(held.overlapped()).toBe(true);
    expect(summary).toMatchObject({ rows: 4, posted: 2, suspense: 1, duplicate: 1 });
    expect((await listSuspense(db)).filter((i) => i.transactionId === 'LANE-SUSP-1')).toHaveLength(1);
    expect(await ledgerOf(a.id)).toHaveLength(2);
  });

  it.runIf(process.env.DATABASE_URL)('holds the lock to post side by side through a server idle-in-transaction timeout shorter than the posting', async () => {
    const a = await anAccount();
    const held = withFirstBatchHeldOpen(db, 400, { leaderIdleTimeoutMs: 100 });
    const rows = [1, 2, 3, 4].map((i) => aPayment({ reference: a.paymentReference, transaction_id: `LANE-IDLE-${a.id}-${i}` }));
    const summary = await importPayments(held.db, { path: files.file('lanes-idle.csv', paymentFile(rows)), today: TODAY, batchRows: 2, reassessWhilePosting: false });
    expect(summary).toMatchObject({ rows: 4, posted: 4 });
    expect(await ledgerOf(a.id)).toHaveLength(4);
  });

  it.runIf(process.env.DATABASE_URL)('posts a batch of returns only after the batches before it, and the next only after it', async () => {
    const a = await anAccount();
    const [debit] = await appendLedgerTransactions(db, [
      { tenancyId: a.id, businessDate: '2026-11-02', kind: 'payment', method: 'direct_debit', amountPence: -11250, idempotencyKey: `lane:${a.id}`, source: 'test' },
    ]);
    const held = withFirstBatchHeldOpen(db);
    const twice = [
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '05/11/2026', TransactionId: `LANE-R-${a.id}-1` }),
      anArudd({ Reference: a.paymentReference, OriginalProcessingDate: '05/11/2026', TransactionId: `LANE-R-${a.id}-2` }),
    ];
    const path = files.file('lanes-arudd.csv', aruddFile(twice));
    expect(await importPayments(held.db, { path, format: 'bacs-arudd', today: TODAY, batchRows: 1 })).toMatchObject({ rows: 2, posted: 2 });
    expect(held.overlapped()).toBe(false);
    expect((await ledgerOf(a.id)).filter((t) => t.kind === 'reversal').map((t) => t.reverses_id)).toEqual([debit!.id, null]);
  });

  it.runIf(process.env.DATABASE_URL)(
    'on a pool of one connection (DATABASE_POOL_SIZE=1) posts one batch after another: side by side, its batches waited for a second connection forever',
    async () => {
      const a = await anAccount();
      const one = await openPostgresDatabase(db.connectionString!, 1);
      try {
        expect(one.maxConnections).toBe(1);
        const rows = [1, 2, 3, 4, 5].map((i) => aPayment({ reference: a.paymentReference, transaction_id: `POOL-ONE-${a.id}-${i}` }));
        const summary = await importPayments(one, { path: files.file('pool-one.csv', paymentFile(rows)), today: TODAY, batchRows: 2 });
        expect(summary).toMatchObject({ rows: 5, posted: 5 });
        expect(await ledgerOf(a.id)).toHaveLength(5);
      } finally {
        await one.close();
      }
    },
    30_000,
  );

  it.runIf(process.env.DATABASE_URL)('lets one import post side by side at a time (another posts one batch after another): two files with the same rows, at once, accept each once', async () => {
    const a = await anAccount();
    const rows = Array.from({ length: 12 }, (_, i) =>
      aPayment({ reference: i % 2 === 0 ? 'NOBODY-2' : a.paymentReference, transaction_id: `LANE-BOTH-${i}`, amount: '10.00' }),
    );
    const [first, second] = await Promise.all(
      ['lanes-a.csv', 'lanes-b.csv'].map((name) => importPayments(db, { path: files.file(name, paymentFile(rows)), today: TODAY, batchRows: 2, reassessWhilePosting: false })),
    );
    expect(first!.posted + second!.posted).toBe(6);
    expect(first!.suspense + second!.suspense).toBe(6);
    expect(first!.duplicate + second!.duplicate).toBe(12);
    expect((await listSuspense(db)).filter((i) => i.transactionId.startsWith('LANE-BOTH-'))).toHaveLength(6);
    expect(await ledgerOf(a.id)).toHaveLength(6);
  });
});
