import { openPgliteDatabase } from '../src/persistence/pglite-database';
import { migrate } from '../src/persistence/migrate';
import { csvLine } from '../src/persistence/database';
import { insertPaymentFileRows, createImportFile } from '../src/persistence/stores/import-store';
import { appendLedgerTransactions } from '../src/persistence/stores/ledger-store';
const db = await openPgliteDatabase();
await migrate(db);
await db.query(`INSERT INTO tenancies (ref, payment_reference, tenure, start_date) SELECT 'T'||g, 'P'||g, 'secure', '2020-01-01' FROM generate_series(1,20000) g`);
const fid = await createImportFile(db, { kind: 'payments', fileName: 'x', sha256: 'x', format: 'g' });
const mk = (b: number, i: number) => ({ rowNumber: b * 2000 + i + 2, outcome: 'posted' as const, providerTransactionId: `TX-${b}-${i}`, reference: '600123', businessDate: '2026-11-02', amountPence: 11250, method: 'direct_debit', ledgerTransactionId: null, raw: { date: '2026-11-02', reference: '600123', amount: '112.50', method: 'direct_debit', transaction_id: `TX-${b}-${i}`, description: 'rent payment' } });
async function time(label: string, fn: (b: number, db: import('../src/persistence/database').Db) => Promise<void>) {
  const t = Date.now();
  for (let b = 0; b < 10; b++) await db.transaction(async (tx) => fn(b, tx));
  console.log(label, (Date.now() - t) * 5, 'ms per 100k');
}
let off = 0;
await time('filerows unnest raw', async (b, db) => { await insertPaymentFileRows(db, fid, Array.from({ length: 2000 }, (_, i) => mk(b + off, i))); });
off += 10;
await time('filerows unnest noraw', async (b, db) => { await insertPaymentFileRows(db, fid, Array.from({ length: 2000 }, (_, i) => ({ ...mk(b + off, i), raw: {} }))); });
off += 10;
await time('filerows copy raw', async (b, db) => {
  const rows = Array.from({ length: 2000 }, (_, i) => mk(b + off, i));
  await db.copyCsv('payment_file_rows', ['import_file_id', 'row_number', 'outcome', 'provider_transaction_id', 'reference', 'business_date', 'amount_pence', 'method', 'ledger_transaction_id', 'raw'],
    [rows.map((r) => csvLine([fid, r.rowNumber, r.outcome, r.providerTransactionId, r.reference, r.businessDate, r.amountPence, r.method, null, JSON.stringify(r.raw)])).join('')]);
});
off += 10;
let k = 0;
await time('ledger unnest', async (b, db) => {
  await appendLedgerTransactions(db, Array.from({ length: 2000 }, (_, i) => ({ tenancyId: 1 + ((k++ * 7919) % 20000), businessDate: '2026-11-02', kind: 'payment', method: 'direct_debit', amountPence: -11250, note: 'rent payment', idempotencyKey: `p:L-${b}-${i}-${k}`, source: 'payment_import', importFileId: fid, providerTransactionId: `L-${b}-${i}` })));
});
await time('ledger copy', async (b, db) => {
  const lines = Array.from({ length: 2000 }, (_, i) => csvLine([1 + ((k++ * 7919) % 20000), 'rent', '2026-11-02', 'payment', 'direct_debit', -11250, 'rent payment', `p:C-${b}-${i}-${k}`, 'payment_import', fid, `C-${b}-${i}`])).join('');
  await db.copyCsv('ledger_transactions', ['tenancy_id', 'sub_account', 'business_date', 'kind', 'method', 'amount_pence', 'note', 'idempotency_key', 'source', 'import_file_id', 'provider_transaction_id'], [lines]);
});
await db.close();
