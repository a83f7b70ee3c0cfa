/**
 * Writes a realistic generic-csv payment file for trying imports at scale:
 *
 *   npx tsx scripts/make-payment-file.ts --rows 100000 --out payments.csv [--db DIR] [--tenancies N]
 *        [--tenancy-out tenancies.csv] [--seed S] [--bad-percent P]
 *
 * References are the payment references of the tenancies in the database (DATABASE_URL, or the
 * embedded database in --db DIR) when it has any; otherwise N synthetic ones (default 20,000), and
 * --tenancy-out writes a matching tenancy file to load first with `rentwise import tenancies`.
 * About P% of rows (default 1) are bad on purpose: a zero amount, a 31 February, three decimals, an
 * unknown method, no transaction id, a repeated transaction id; about 0.5% quote a reference no
 * account has (suspense); some descriptions carry a Windows-1252 £; the odd blank line. Deterministic for
 * a given seed. Written as a stream: any number of rows in flat memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { databaseConfig } from '../src/config/config';
import { openDatabase } from '../src/persistence/open-database';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    out: { type: 'string' },
    db: { type: 'string' },
    tenancies: { type: 'string', default: '20000' },
    'tenancy-out': { type: 'string' },
    seed: { type: 'string', default: '1' },
    'bad-percent': { type: 'string', default: '1' },
  },
});
if (!args.out) {
  console.error('usage: npx tsx scripts/make-payment-file.ts --rows N --out FILE [--db DIR] [--tenancies N] [--tenancy-out FILE] [--seed S] [--bad-percent P]');
  process.exit(2);
}
const rows = Number(args.rows);
const badPercent = Number(args['bad-percent']);

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(Number(args.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

async function write(stream: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function existingReferences(): Promise<{ reference: string; weeklyPence: number }[]> {
  if (!args.db && !process.env.DATABASE_URL) return [];
  const config = databaseConfig({ db: args.db });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: config.embeddedDir });
  try {
    const found = await db.query<{ payment_reference: string; weekly_pence: number | null }>(
      `SELECT t.payment_reference, (SELECT c.weekly_pence FROM charge_schedules c WHERE c.tenancy_id = t.id AND c.sub_account = 'rent' ORDER BY c.effective_from DESC LIMIT 1) AS weekly_pence
       FROM tenancies t WHERE t.end_date IS NULL ORDER BY t.id`,
    );
    return found.map((r) => ({ reference: r.payment_reference, weeklyPence: r.weekly_pence ?? 10000 }));
  } finally {
    await db.close();
  }
}

const pounds = (pence: number): string => `${pence < 0 ? '-' : ''}${Math.floor(Math.abs(pence) / 100)}.${String(Math.abs(pence) % 100).padStart(2, '0')}`;
const isoDate = (dayOffset: number): string => new Date(Date.UTC(2026, 8, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);

let accounts = await existingReferences();
if (accounts.length === 0) {
  const n = Number(args.tenancies);
  accounts = Array.from({ length: n }, (_, i) => ({ reference: String(600000 + i + 1), weeklyPence: 8000 + Math.floor(rnd() * 9000) }));
  if (args['tenancy-out']) {
    const t = createWriteStream(args['tenancy-out']);
    await write(t, 'ref,payment_reference,tenure,start_date,weekly_rent,address,postcode,patch,tenant_names,opening_balance\n');
    for (let i = 0; i < accounts.length; i += 1) {
      const a = accounts[i]!;
      const balance = rnd() < 0.3 ? pounds(Math.floor(rnd() * 150000) - 20000) : '';
      await write(t, `TEN-${String(i + 1).padStart(6, '0')},${a.reference},${pick(['secure', 'secure', 'secure', 'introductory', 'assured', 'flexible'])},2019-06-03,${pounds(a.weeklyPence)},"${i + 1} Example Road, Testtown",TE1 ${1 + (i % 9)}ST,${pick(['North', 'South', 'East', 'West'])},Tenant ${i + 1},${balance}\n`);
    }
    t.end();
    await once(t, 'finish');
  }
}

const METHODS: [string, number][] = [
  ['direct_debit', 35],
  ['standing_order', 10],
  ['debit_card', 15],
  ['payment_card', 10],
  ['cash', 3],
  ['cheque', 1],
  ['bank_transfer', 6],
  ['housing_benefit', 12],
  ['uc_housing_costs', 7],
  ['discretionary_housing_payment', 1],
];
const totalWeight = METHODS.reduce((s, [, w]) => s + w, 0);
function method(): string {
  let r = rnd() * totalWeight;
  for (const [m, w] of METHODS) {
    r -= w;
    if (r < 0) return m;
  }
  return 'cash';
}

const out = createWriteStream(args.out);
await write(out, 'date,reference,amount,method,transaction_id,description\n');
const started = Date.now();
for (let i = 1; i <= rows; i += 1) {
  const account = pick(accounts);
  const m = method();
  const weeks = m === 'housing_benefit' ? 4 : m === 'uc_housing_costs' ? 4 : 1;
  let amountPence = m === 'discretionary_housing_payment' ? 1000 + Math.floor(rnd() * 4000) : account.weeklyPence * weeks;
  if (rnd() < 0.2) amountPence = Math.max(100, Math.floor(amountPence * (0.3 + rnd())));
  if (m === 'direct_debit' && rnd() < 0.01) amountPence = -amountPence; // a returned direct debit
  const day = Math.floor(rnd() * 84);
  const date = rnd() < 0.5 ? isoDate(day) : isoDate(day).split('-').reverse().join('/');
  let reference = account.reference;
  let id = `PAY-${args.seed}-${String(i).padStart(8, '0')}`;
  let amount = pounds(amountPence);
  let methodText = m;
  let dateText = date;
  let description: string | Buffer = pick(['rent', 'RENT PAYMENT', 'weekly rent', '', 'arrears', 'HB award', 'paid at office']);

  if (rnd() * 100 < badPercent) {
    switch (Math.floor(rnd() * 6)) {
      case 0:
        amount = '0.00';
        break;
      case 1:
        dateText = '31/02/2026';
        break;
      case 2:
        amount = `${amount}5`;
        break;
      case 3:
        methodText = 'postal_order';
        break;
      case 4:
        id = '';
        break;
      default:
        id = `PAY-${args.seed}-${String(Math.max(1, i - 1 - Math.floor(rnd() * 50))).padStart(8, '0')}`; // a repeated id
    }
  } else if (rnd() < 0.005) {
    reference = `X${Math.floor(rnd() * 1_000_000)}`; // a mistyped reference: suspense
  }
  const line = `${dateText},${reference},${amount},${methodText},${id},`;
  if (rnd() < 0.002) description = Buffer.concat([Buffer.from('paid '), Buffer.from([0xa3]), Buffer.from(`${pounds(amountPence)} at office`)]); // Windows-1252 £
  await write(out, line);
  await write(out, typeof description === 'string' ? `${description}\n` : Buffer.concat([description, Buffer.from('\n')]));
  if (rnd() < 0.001) await write(out, '\n');
}
out.end();
await once(out, 'finish');
console.error(`wrote ${rows} rows against ${accounts.length} references to ${args.out} in ${Date.now() - started} ms`);
