import { openPgliteDatabase } from './src/persistence/pglite-database';
import { migrate } from './src/persistence/migrate';
import { rmSync } from 'node:fs';
const mode = process.argv[2]; // mem|disk
const replica = process.argv[3] === 'replica';
if (mode === 'disk') rmSync('/tmp/bench-pg', { recursive: true, force: true });
const db = await openPgliteDatabase(mode === 'disk' ? '/tmp/bench-pg' : undefined);
await migrate(db);
const N = 300000;
await db.transaction(async (tx) => {
  if (replica) await tx.query('SET LOCAL session_replication_role = replica');
  await tx.query(`INSERT INTO tenancies (id, ref, payment_reference, tenure, start_date) OVERRIDING SYSTEM VALUE SELECT g, 'T'||g, 'P'||g, 'secure', '2020-01-01' FROM generate_series(1,1000) g`);
  const rows: string[] = [];
  for (let i = 1; i <= N; i++) rows.push(`${i},${(i % 1000) + 1},rent,2024-01-${String((i % 28) + 1).padStart(2, '0')},payment,debit_card,-12345,,,,d:${(i % 1000) + 1}:${i},,,demo\n`);
  const t = performance.now();
  for (let k = 0; k < rows.length; k += 50000) await tx.copyCsv('ledger_transactions', ['id','tenancy_id','sub_account','business_date','kind','method','amount_pence','period_from','period_to','note','idempotency_key','reverses_id','reason','source'], [rows.slice(k, k + 50000).join('')]);
  console.log(mode, replica ? 'replica' : 'fk', 'copy', N, 'rows ms', Math.round(performance.now() - t));
});
const t2 = performance.now();
await db.close();
console.log('close ms', Math.round(performance.now() - t2));
