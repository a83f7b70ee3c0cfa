/**
 * The daily run and the import timed from outside, the way a reviewer checks them: each is the `rentwise`
 * command in a process of its own (its start included), against its baseline run by `psql` on the same
 * database: the bare `GROUP BY` balance scan, and a raw `\copy` of the same payment rows into a scratch table.
 *
 *   DATABASE_URL=postgres://user@host/db npx tsx bench/from-outside.ts [--tenancies N] [--import-rows N]
 *       [--verify N] [--json FILE] [--keep]
 *
 * It creates a database of its own on the server of DATABASE_URL (as `npm run bench` does) and fills it with the
 * benchmark's landlord (five years of weekly history to Sunday 2026-11-22, that Sunday's daily run made), then:
 *   1. the bare scan three times, `rentwise run daily --as-of 2026-11-23` (a Monday: a week's charges posted for
 *      every account), the bare scan three times again;
 *   2. `rentwise run daily --as-of 2026-11-24` (a Tuesday, no charges), the bare scan three times;
 *   3. a payment file of the Tuesday and the four days before (the benchmark's), copied raw with `psql \copy`,
 *      then imported with `rentwise import payments` (posting, and re-assessing every account it paid);
 *   4. `rentwise verify --sample N`: that many current assessments made again from their exported case files.
 * Before each step it runs `VACUUM (ANALYZE)`, as `npm run bench` does. It prints each time and ratio (a run against
 * the median of the scans around it) and drops the database, unless `--keep` (then it prints its URL). No time is
 * asserted; it fails if a command fails or a stored assessment differs. Needs `psql` on the PATH.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDaily } from '../src/application/daily-run/run-daily';
import { buildDemoLandlord } from '../src/application/demo/build-demo';
import { BARE_SCAN } from './bare-scan';
import { timedCommand, wholeNumberOption } from './command-line';
import { BUILD_AS_OF, paymentFile, percentile, printFigures, round } from './run-bench';
import { freshDatabase } from './scratch-database';

const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const RENTWISE = fileURLToPath(new URL('../bin/rentwise.mjs', import.meta.url));

interface Options {
  tenancies: number;
  importRows: number | null;
  verify: number | null;
  json: string | null;
  keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { tenancies: 20_000, importRows: null, verify: null, json: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--tenancies') o.tenancies = wholeNumberOption(flag, argv[++i]);
    else if (flag === '--import-rows') o.importRows = wholeNumberOption(flag, argv[++i]);
    else if (flag === '--verify') o.verify = wholeNumberOption(flag, argv[++i]);
    else if (flag === '--json') o.json = argv[++i] ?? null;
    else if (flag === '--keep') o.keep = true;
    else throw new Error(`unknown option ${flag ?? ''} (--tenancies N, --import-rows N, --verify N, --json FILE, --keep)`);
  }
  return o;
}

async function main(argv: readonly string[]): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a PostgreSQL server: the commands are timed against psql on it.');
  const o = parseOptions(argv);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const work = mkdtempSync(join(tmpdir(), 'rentwise-outside-'));
  const { db, url, drop } = await freshDatabase('default');
  if (url === null) throw new Error('no PostgreSQL database');
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' };
  const psql = (...args: string[]) => timedCommand('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], env);
  const rentwise = (...args: string[]) => timedCommand(process.execPath, [RENTWISE, ...args], env);
  // verify exits 1 when an assessment differs: its report still says which.
  const verifyCommand = (sample: number) => timedCommand(process.execPath, [RENTWISE, 'verify', '--sample', String(sample), '--json'], env, [0, 1]);
  const settle = async () => {
    log('VACUUM (ANALYZE)…');
    await psql('-c', 'VACUUM (ANALYZE)');
  };
  const scans = async () => {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) ms.push((await psql('-A', '-t', '-o', '/dev/null', '-c', BARE_SCAN)).ms);
    return ms;
  };
  let kept = false;
  try {
    log(`Building ${o.tenancies} tenancies with five years of history…`);
    await buildDemoLandlord(db, { tenancies: o.tenancies, seed: 1, asOf: BUILD_AS_OF });
    await runDaily(db, BUILD_AS_OF);
    const importRows = o.importRows ?? Math.min(100_000, Math.max(1000, o.tenancies * 10));
    const file = await paymentFile(db, importRows, work, TUESDAY);
    const [{ n: ledgerRows } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM ledger_transactions`);

    await settle();
    log(`The bare scan, rentwise run daily --as-of ${MONDAY}, the bare scan…`);
    const mondayScans = await scans();
    const monday = await rentwise('run', 'daily', '--as-of', MONDAY);
    mondayScans.push(...(await scans()));
    await settle();
    log(`rentwise run daily --as-of ${TUESDAY}, the bare scan…`);
    const tuesday = await rentwise('run', 'daily', '--as-of', TUESDAY);
    const tuesdayScans = await scans();

    await settle();
    log(`${importRows} payment rows: psql \\copy into a scratch table, then rentwise import payments…`);
    await psql('-c', 'CREATE TABLE bench_copy_scratch (date date, reference text, amount numeric, method text, transaction_id text)');
    const copy = await psql('-c', `\\copy bench_copy_scratch (date, reference, amount, method, transaction_id) FROM '${file.path.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`);
    await psql('-c', 'DROP TABLE bench_copy_scratch');
    const imported = await rentwise('import', 'payments', file.path);

    const verify = o.verify ?? Math.min(1000, o.tenancies);
    log(`rentwise verify --sample ${verify}…`);
    const report = JSON.parse((await verifyCommand(verify)).stdout) as { checked: number; same: number; differ: number };

    const result = {
      tenancies: o.tenancies,
      ledgerRows: Number(ledgerRows),
      mondayMs: round(monday.ms),
      mondayScanMs: round(percentile(mondayScans, 50)),
      mondayRatio: round(monday.ms / percentile(mondayScans, 50)),
      tuesdayMs: round(tuesday.ms),
      tuesdayScanMs: round(percentile(tuesdayScans, 50)),
      tuesdayRatio: round(tuesday.ms / percentile(tuesdayScans, 50)),
      importRows,
      importMs: round(imported.ms),
      copyMs: round(copy.ms),
      importRatio: round(imported.ms / copy.ms),
      verifiedAssessments: report.checked,
      verifiedDiffer: report.differ,
    };
    console.log(`From outside (each command a process of its own, its start included): ${o.tenancies} tenancies, ${result.ledgerRows} ledger rows before the Monday`);
    printFigures([
      ['measure', 'rentwise', 'psql', 'ratio / goal'],
      [`run daily, Monday ${MONDAY}, vs the bare scan`, `${result.mondayMs} ms`, `${result.mondayScanMs} ms`, `${result.mondayRatio}× (goal ≤ 3×)`],
      [`run daily, Tuesday ${TUESDAY}, vs the bare scan`, `${result.tuesdayMs} ms`, `${result.tuesdayScanMs} ms`, `${result.tuesdayRatio}× (goal ≤ 3×)`],
      [`import payments, ${importRows} rows, vs \\copy`, `${result.importMs} ms`, `${result.copyMs} ms`, `${result.importRatio}× (goal ≤ 2×)`],
      ['stored assessments = assess on the exported case file', `${report.same} of ${report.checked}`, '', report.differ === 0 ? 'all the same' : `${report.differ} DIFFER`],
    ]);
    console.log(`the daily runs said: ${[monday, tuesday].map((r) => r.stdout.trim().split('\n').at(-1)?.match(/([\d.]+ s)\.$/)?.[1] ?? '?').join(' and ')} (inside the command)`);
    if (o.json) writeFileSync(o.json, `${JSON.stringify(result, null, 2)}\n`);
    if (report.differ > 0) throw new Error(`${report.differ} stored assessments differ from assess on their exported case files`);
    if (o.keep) {
      kept = true;
      console.log(`kept: ${url}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (kept) await db.close();
    else await drop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
