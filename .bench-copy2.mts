import { PGlite } from '@electric-sql/pglite';
const pg = new PGlite();
await pg.waitReady;
const N = 200000;
const rows: string[] = [];
for (let i = 1; i <= N; i++) rows.push(`${i},${(i % 1000) + 1},rent,2024-01-${String((i % 28) + 1).padStart(2, '0')},payment,debit_card,-12345,,,,d:${(i % 1000) + 1}:${i},,,demo\n`);
const text = rows.join('');
const variants: Record<string, string> = {
  plain: `CREATE TABLE l (id bigint, tenancy_id int, sub_account text, business_date date, kind text, method text, amount_pence bigint, period_from date, period_to date, note text, idempotency_key text, reverses_id bigint, reason text, source text)`,
  pkey: `CREATE TABLE l (id bigint primary key, tenancy_id int, sub_account text, business_date date, kind text, method text, amount_pence bigint, period_from date, period_to date, note text, idempotency_key text, reverses_id bigint, reason text, source text)`,
  pkey_uniq: `CREATE TABLE l (id bigint primary key, tenancy_id int, sub_account text, business_date date, kind text, method text, amount_pence bigint, period_from date, period_to date, note text, idempotency_key text unique, reverses_id bigint, reason text, source text)`,
  all_idx: `CREATE TABLE l (id bigint primary key, tenancy_id int, sub_account text, business_date date, kind text, method text, amount_pence bigint, period_from date, period_to date, note text, idempotency_key text unique, reverses_id bigint, reason text, source text); CREATE INDEX ON l (tenancy_id, business_date, id)`,
};
for (const [name, ddl] of Object.entries(variants)) {
  await pg.exec('DROP TABLE IF EXISTS l; ' + ddl);
  const t = performance.now();
  await pg.transaction(async (tx) => { await tx.query(`COPY l FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([text]) }); });
  console.log(name, Math.round(performance.now() - t), 'ms for', N);
}
