/**
 * The performance benchmark: builds a landlord with five years of weekly history, then measures side by
 * side in one run (docs/performance.md):
 *   - the daily run (charges + assessment of every account + worklists) against a bare GROUP BY balance scan;
 *   - importing a payment file against a raw COPY of the same rows into a scratch table;
 *   - re-assessing one account after a payment posts (p95);
 *   - the worklist and account pages under 50 concurrent signed-in officers (p95), the worklist also read afresh
 *     each time and as served while payments post round the landlord (--changes-per-second, default 2);
 *   - the 5,000-tenancy demo build on the embedded database from a fresh database.
 * It checks that what was measured was the real work: a sample of the daily run's assessments (just after
 * it), a sample of the import's re-assessments and every single re-assessment, each made again from its
 * tenancy's whole exported case file as `assess` does (`rentwise verify`). It asserts no time: it prints the figures and
 * ratios with the machine and database server they were measured on (bench/machine.ts), and writes them as JSON with
 * --json FILE; it fails only if a stored assessment differs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reassessTenancies } from '../src/application/assessment/reassess';
import { verifyCurrentAssessments } from '../src/application/assessment/verify-assessments';
import { runDaily } from '../src/application/daily-run/run-daily';
import { buildDemoLandlord } from '../src/application/demo/build-demo';
import { importPayments } from '../src/application/imports/import-payments';
import { seedDemoUsers } from '../src/application/users/seed-demo-users';
import { addDays } from '../src/domain/calendar/business-date';
import { formatPenceAsDecimal } from '../src/domain/money/pence';
import { startWebServer } from '../src/main/web-server';
import type { Db } from '../src/persistence/database';
import { csvLine } from '../src/persistence/database';
import { appendLedgerTransactions } from '../src/persistence/stores/ledger-store';
import { BARE_SCAN, withServerSettings } from './bare-scan';
import { cpuBetween, cpuOver, cpuSnapshot, type CpuSnapshot } from './cpu-time';
import { describeMachine, machineLine, type MachineDescription } from './machine';
import { freshDatabase } from './scratch-database';
import { signIn } from './sign-in';

interface Options {
  tenancies: number;
  json: string | null;
  importRows: number | null;
  demoTenancies: number | null;
  concurrency: number;
  pageRequests: number;
  /** Requests of each page asked and not counted before the counted ones, after each officer's first (default: a quarter of --page-requests, at least --concurrency). */
  pageWarmup: number | null;
  /** Serving processes on PostgreSQL (default: one per core). */
  workers: number | null;
  /** Current assessments checked against assess after the daily run and again after the import (default: min(1,000, tenancies)). */
  verify: number | null;
  /** Payments posted and re-assessed a second, each on another account, while the worklist is served once more (default 2). */
  changesPerSecond: number;
}

export interface BenchResult {
  database: 'postgres' | 'pglite';
  tenancies: number;
  ledgerRows: number;
  buildMs: number;
  dailyRunMs: number;
  bareScanMs: number;
  dailyRunRatio: number;
  /** The CPU the daily run took (see RunCpu). */
  dailyRunCpu: RunCpu;
  importRows: number;
  importMs: number;
  copyMs: number;
  importRatio: number;
  importCpu: RunCpu;
  reassessP95Ms: number;
  /** The worklist as served: again from the serving process while nothing has changed (ADR 0014). */
  worklistP95Ms: number;
  accountP95Ms: number;
  /** Pages a second the server answered with every officer asking back to back (its capacity on this machine). */
  worklistPagesPerSecond: number;
  accountPagesPerSecond: number;
  /** The worklist read and rendered afresh for every request (a server with PAGE_CACHE_ENTRIES=0): as after every change. */
  worklistAfreshP95Ms: number;
  worklistAfreshPagesPerSecond: number;
  /**
   * The worklist as served while payments post and are re-assessed, `changesPerSecond` a second, each on another
   * account round the landlord: a kept page is rendered afresh only when a change may show on it (its patches',
   * migration 0031), so an officer's page stays kept through changes on other patches. `changes` were made in all.
   */
  worklistWhileChangingP95Ms: number;
  worklistWhileChangingPagesPerSecond: number;
  whileChanging: { changesPerSecond: number; changes: number };
  /** Requests of each page asked before the counted ones and not counted (the serving processes warming up). */
  pageWarmupRequests: number;
  /** The CPU each counted page took, by side (see PageCpu); while changing, the changes' CPU is in it too. */
  pageCpu: { worklist: PageCpu; worklistAfresh: PageCpu; worklistWhileChanging: PageCpu; account: PageCpu };
  demoTenancies: number;
  demoBuildMs: number;
  /** Assessments made again from their exported case files (the daily run's, the import's, the single re-assessments), and how many differed (0). */
  verifiedAssessments: number;
  verifiedDiffer: number;
  /** The cores, memory and database server the figures were measured on, with the server's settings that move them. */
  machine: MachineDescription;
}

/**
 * The CPU a step took: the benchmark's process (its threads together) and the PostgreSQL server's processes
 * on this machine (null for the embedded database, whose work is the process's, or a server elsewhere). With
 * both near the machine's cores times the elapsed time, the step is bound by CPU, not by waiting.
 */
export interface RunCpu {
  nodeMs: number;
  databaseMs: number | null;
}

/**
 * The CPU one page took on average over a load's counted requests, in milliseconds: the serving processes'
 * (`rentwise serve` and its workers; null when the pages are served in the benchmark's own process, on the embedded
 * database), PostgreSQL's (null when its server is not on this machine or the database is embedded), and the
 * benchmark's own process (the load generator, and the server too when `servingMs` is null). `machineMs` is what the
 * machine had a page: its cores times the load's elapsed time, over the pages. Their sum near `machineMs` says the
 * pages were bound by the machine's CPU.
 */
export interface PageCpu {
  servingMs: number | null;
  databaseMs: number | null;
  benchmarkProcessMs: number;
  machineMs: number;
}

export const BUILD_AS_OF = '2026-11-22'; // a Sunday: the daily run of Monday 2026-11-23 posts a week's charges for every account
const RUN_AS_OF = '2026-11-23';

function parseArgs(argv: string[]): Options {
  const o: Options = { tenancies: 100_000, json: null, importRows: null, demoTenancies: null, concurrency: 50, pageRequests: 2000, pageWarmup: null, workers: null, verify: null, changesPerSecond: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--tenancies') o.tenancies = Number(next());
    else if (a === '--json') o.json = next();
    else if (a === '--import-rows') o.importRows = Number(next());
    else if (a === '--demo-tenancies') o.demoTenancies = Number(next());
    else if (a === '--concurrency') o.concurrency = Number(next());
    else if (a === '--page-requests') o.pageRequests = Number(next());
    else if (a === '--page-warmup') o.pageWarmup = Number(next());
    else if (a === '--workers') o.workers = Number(next());
    else if (a === '--verify') o.verify = Number(next());
    else if (a === '--changes-per-second') o.changesPerSecond = Number(next());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.tenancies) || o.tenancies < 2) throw new Error('--tenancies: a whole number of at least 2');
  if (o.verify !== null && (!Number.isInteger(o.verify) || o.verify < 1)) throw new Error('--verify: a whole number of at least 1');
  if (o.pageWarmup !== null && (!Number.isInteger(o.pageWarmup) || o.pageWarmup < 0)) throw new Error('--page-warmup: a whole number, 0 or more');
  if (!(o.changesPerSecond > 0 && o.changesPerSecond <= 1000)) throw new Error('--changes-per-second: more than 0, at most 1,000');
  return o;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * The database's housekeeping, done before each measured stage: `VACUUM (ANALYZE)` of every table. The stage
 * before (the build, a daily run, an import) has written many rows, and autovacuum would otherwise vacuum and
 * analyse them while a later stage is measured, at a moment of its own choosing: on two cores at 10,000 tenancies
 * it vacuumed the ledger's 3.5 million rows for 15 s in the middle of the pages' measurement. A landlord's
 * database is in that state: its history was vacuumed long ago, and autovacuum keeps up with a day's writes.
 * Rentwise's own work is all measured; the bare scan and the COPY are measured on the same settled database.
 */
async function settle(db: Db, log: (line: string) => void): Promise<void> {
  log('VACUUM (ANALYZE), so that no autovacuum runs during the next measure…');
  await db.exec('VACUUM (ANALYZE)');
}

/**
 * Times fn with the CPU it took: this process's, and the PostgreSQL server's when the database is a server
 * on this machine (null otherwise: the embedded database's work is this process's).
 */
async function timedWithCpu<T>(db: Db, fn: () => Promise<T>): Promise<{ ms: number; value: T; cpu: RunCpu }> {
  const { value, elapsedMs, nodeCpuMs, postgresCpuMs } = await cpuOver(fn);
  return { ms: elapsedMs, value, cpu: { nodeMs: round(nodeCpuMs), databaseMs: db.kind === 'postgres' && postgresCpuMs !== null ? round(postgresCpuMs) : null } };
}

function cpuText(cpu: RunCpu): string {
  return `Node ${cpu.nodeMs} ms${cpu.databaseMs === null ? '' : ` + PostgreSQL ${cpu.databaseMs} ms`}`;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (n: number) => Math.round(n * 10) / 10;

/** A table of figures: the measure, Rentwise's figure and the baseline's right-aligned, then the ratio or goal. */
export function printFigures(rows: readonly (readonly [string, string, string, string])[]): void {
  for (const [m, a, b, r] of rows) console.log(`${m.padEnd(52)}${a.padStart(14)}${b.padStart(14)}   ${r}`);
}

/** The bare scan's median of three, with the server's own settings. */
async function bareScan(db: Db): Promise<number> {
  return withServerSettings(db, async (tx) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push((await timed(() => tx.query(BARE_SCAN))).ms);
    return percentile(runs, 50);
  });
}

/** A generic-csv payment file of `rows` rows for the open tenancies, dated `lastDate` and the four days before in turn. */
export async function paymentFile(db: Db, rows: number, dir: string, lastDate: string = RUN_AS_OF): Promise<{ path: string; csv: string }> {
  const refs = (await db.query<{ payment_reference: string }>(`SELECT payment_reference FROM tenancies WHERE end_date IS NULL ORDER BY id`)).map((r) => r.payment_reference);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const date = addDays(lastDate, -(i % 5));
    lines.push(csvLine([date, refs[i % refs.length]!, formatPenceAsDecimal(1000 + (i % 9000)), 'debit_card', `BENCH-${i}`]));
  }
  const path = join(dir, 'payments.csv');
  const csv = lines.join('');
  writeFileSync(path, `date,reference,amount,method,transaction_id\n${csv}`);
  return { path, csv };
}

/** `rentwise serve --workers N` on the bench database, in child processes; resolves when it answers. */
export async function serveInChildProcess(databaseUrl: string, workers: number | null, env: Record<string, string> = {}): Promise<{ url: string; pid: number | null; close: () => Promise<void> }> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const p = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(p));
    });
    probe.once('error', reject);
  });
  const bin = fileURLToPath(new URL('../bin/rentwise.mjs', import.meta.url));
  // The server as it runs by default: a log line a request (level info), written to its standard output, which is
  // discarded here. Measured alternately against level warn, no request logged: the same pages a second within the
  // spread (docs/performance-history.md, session 39).
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), ...(workers ? ['--workers', String(workers)] : [])], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // Up to ten minutes: on a large database the server first applies any pending migration.
  let healthy = false;
  for (let i = 0; i < 6000 && !healthy; i++) {
    if (child.exitCode !== null) throw new Error(`rentwise serve stopped (${child.exitCode})`);
    healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (!healthy) await new Promise((r) => setTimeout(r, 100));
  }
  if (!healthy) {
    child.kill('SIGTERM');
    throw new Error('rentwise serve did not answer /health within ten minutes');
  }
  return {
    url,
    pid: child.pid ?? null,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
}
type Autocannon = (
  options: {
    url: string;
    connections: number;
    amount: number;
    timeout: number;
    requests: { method: 'GET'; setupRequest: (req: { path: string; headers: Record<string, string> }, context: Record<string, unknown>) => unknown }[];
  },
  done: (error: Error | null, result: { non2xx: number; errors: number; timeouts: number }) => void,
) => AutocannonInstance;

/**
 * `concurrency` signed-in officers (one autocannon connection each, each with its own session) requesting
 * pages back to back, `total` requests in all, the latency of every one and the pages answered a second. Before
 * them, not counted: a first request from each officer (a worklist is then kept for the session, ADR 0014), and
 * `warmup` more. A serving process compiles its code as it first runs it (V8 interprets a function at first and
 * optimises it once it is hot), so its first few hundred pages are slower than every page after: measured at
 * 10,000 tenancies, the first 100 counted worklists took 200–316 ms each on average, the 2,000 after them 36–40 ms
 * at the median (docs/performance-history.md, session 29). A server in service has long since warmed up, so the
 * warm-up is left out. The CPU of the counted requests is measured by side (PageCpu): `servingPid` is the serving
 * processes' parent, null when this process serves the pages; `postgres` says whether the database is a
 * PostgreSQL server (whose processes' CPU is read when it runs on this machine).
 */
export async function pageLoad(
  baseUrl: string,
  cookies: string[],
  paths: (i: number) => string,
  total: number,
  concurrency: number,
  warmup: number,
  servingPid: number | null,
  postgres: boolean,
  cores: number,
): Promise<{ latencies: number[]; perSecond: number; cpu: PageCpu }> {
  await requestsBackToBack(baseUrl, cookies, paths, concurrency, concurrency);
  if (warmup > 0) await requestsBackToBack(baseUrl, cookies, paths, warmup, concurrency);
  const value = await requestsBackToBack(baseUrl, cookies, paths, total, concurrency);
  const { elapsedMs, nodeCpuMs, postgresCpuMs, processTreeCpuMs } = cpuBetween(value.first, value.last, servingPid);
  const pages = Math.max(1, value.latencies.length);
  const perPage = (ms: number) => round(ms / pages);
  const cpu: PageCpu = {
    servingMs: processTreeCpuMs === null ? null : perPage(processTreeCpuMs),
    databaseMs: postgres && postgresCpuMs !== null ? perPage(postgresCpuMs) : null,
    benchmarkProcessMs: perPage(nodeCpuMs),
    machineMs: perPage(cores * elapsedMs),
  };
  return { latencies: value.latencies, perSecond: value.perSecond, cpu };
}

/** A page's CPU as the benchmark prints it. */
function pageCpuText(cpu: PageCpu): string {
  const fixed = (ms: number) => ms.toFixed(1);
  const parts = [
    ...(cpu.servingMs === null ? [`this process (server and load generator) ${fixed(cpu.benchmarkProcessMs)}`] : [`serving ${fixed(cpu.servingMs)}`]),
    ...(cpu.databaseMs === null ? [] : [`PostgreSQL ${fixed(cpu.databaseMs)}`]),
    ...(cpu.servingMs === null ? [] : [`load generator ${fixed(cpu.benchmarkProcessMs)}`]),
  ];
  const sum = (cpu.servingMs ?? 0) + (cpu.databaseMs ?? 0) + cpu.benchmarkProcessMs;
  return `${fixed(sum)} ms (${parts.join(', ')}) of the ${fixed(cpu.machineMs)} ms the cores had`;
}

/** A card payment of `amountPence` posted to the account and the account re-assessed: two transactions, as a payment taken by card is. */
async function postPaymentAndReassess(db: Db, tenancyId: number, amountPence: number, idempotencyKey: string): Promise<void> {
  await appendLedgerTransactions(db, [{ tenancyId, businessDate: RUN_AS_OF, kind: 'payment', method: 'debit_card', amountPence: -amountPence, idempotencyKey, source: 'bench' }]);
  await reassessTenancies(db, [tenancyId], RUN_AS_OF, 'payment');
}

/**
 * `during()` while, `perSecond` times a second, a payment of £1 posts to the next account of `tenancyIds` (round the
 * landlord, a stride apart) and the account is re-assessed, as a payment taken by card is: each its own change to
 * the data (ADR 0014). On time, or as soon as the last is done when one takes longer than its turn.
 */
async function whileChanging<T>(db: Db, tenancyIds: readonly number[], perSecond: number, during: () => Promise<T>): Promise<{ value: T; changes: number }> {
  let stopped = false;
  let changes = 0;
  const started = performance.now();
  const changing = (async () => {
    while (!stopped) {
      const wait = started + (changes * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopped) break;
      await postPaymentAndReassess(db, tenancyIds[(changes * 7919) % tenancyIds.length]!, 100, `bench:changing:${process.pid}:${changes}`);
      changes += 1;
    }
  })();
  try {
    return { value: await during(), changes };
  } finally {
    stopped = true;
    await changing;
  }
}

/**
 * `total` requests from `concurrency` officers back to back: each response time (autocannon reports fixed
 * percentiles, not the 95th), the pages a second, and the CPU used so far read as the first request goes and as the
 * last answer comes.
 */
async function requestsBackToBack(
  baseUrl: string,
  cookies: string[],
  paths: (i: number) => string,
  total: number,
  concurrency: number,
): Promise<{ latencies: number[]; perSecond: number; first: CpuSnapshot; last: CpuSnapshot }> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const latencies: number[] = [];
  let nextCookie = 0;
  let nextPath = 0;
  // Timed to the last answer, not to autocannon's end: it notices that the last request is answered only at its
  // next once-a-second tick, so an end-to-end time rounds up to whole seconds (2,000 pages in 2.1 s would count as
  // 3 s: every figure of pages a second before session 29 was 2,000 ÷ a whole number of seconds). The CPU is read
  // over the same span: the idle wait for that tick is no page's.
  const first = cpuSnapshot();
  let last: CpuSnapshot | null = null;
  let answered = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: concurrency,
        amount: total,
        // A slow shared CI machine must not turn a slow answer into a failure: every response time is kept and
        // reported; only an answer that never comes (two minutes) or is not 200 stops the benchmark.
        timeout: 120,
        requests: [
          {
            method: 'GET',
            // The sessions are dealt round the connections request by request (autocannon starts a request's
            // context afresh each time its list of requests comes round, here at every request), so a session's
            // pages come from every serving process, as an officer's do: a browser's idle connection is closed after
            // the server's keep-alive, and the next one may go to another process.
            setupRequest: (req) => ({ ...req, path: paths(nextPath++), headers: { ...req.headers, cookie: cookies[nextCookie++ % cookies.length]! } }),
          },
        ],
      },
      (error, result) => {
        if (error) reject(error);
        else if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) reject(new Error(`pages: ${result.non2xx} answers other than 2xx, ${result.errors} errors, ${result.timeouts} time-outs`));
        else resolve();
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      if (++answered === total) last = cpuSnapshot();
    });
  });
  const end = last ?? cpuSnapshot();
  return { latencies, perSecond: (latencies.length * 1000) / (end.at - first.at), first, last: end };
}

export async function main(argv: string[]): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn'; // on the embedded database the pages are served in this process: its request log would drown the figures
  const o = parseArgs(argv);
  const work = mkdtempSync(join(tmpdir(), 'rentwise-bench-files-'));
  const { db, url: databaseUrl, drop } = await freshDatabase('default');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  try {
    log(`Building ${o.tenancies} tenancies with five years of history on ${db.kind}…`);
    const build = await timed(() => buildDemoLandlord(db, { tenancies: o.tenancies, seed: 1, asOf: BUILD_AS_OF }));
    // The landlord ran yesterday's (Sunday's) daily run, as every day: the run measured is Monday's, with a
    // week's charges to post for every account and the day's tasks to raise, not the first run ever.
    await runDaily(db, BUILD_AS_OF);
    await settle(db, log);
    const [{ n: ledgerRows } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM ledger_transactions`);
    const machine = await describeMachine(db);

    log('Daily run against the bare balance scan…');
    const scanBefore = await bareScan(db);
    const daily = await timedWithCpu(db, () => runDaily(db, RUN_AS_OF));
    const scanAfter = await bareScan(db);
    const bareScanMs = (scanBefore + scanAfter) / 2;
    const verifyCount = o.verify ?? Math.min(1000, o.tenancies);
    log(`Checking ${verifyCount} of the daily run's assessments against assess on their exported case files…`);
    const verified = [await verifyCurrentAssessments(db, { sample: verifyCount })];

    const importRows = o.importRows ?? Math.min(100_000, Math.max(1000, o.tenancies * 10));
    await settle(db, log);
    log(`Importing ${importRows} payment rows against a raw COPY…`);
    const file = await paymentFile(db, importRows, work);
    await db.exec(`CREATE TABLE bench_copy_scratch (date date, reference text, amount numeric, method text, transaction_id text)`);
    // The rows as one chunk, as psql's \copy sends a file: each chunk goes as a message of its own, and a row a
    // message made this baseline about 16 times slower (docs/performance-history.md, session 28).
    const copy = await timed(() => db.copyCsv('bench_copy_scratch', ['date', 'reference', 'amount', 'method', 'transaction_id'], [file.csv]));
    await db.exec(`DROP TABLE bench_copy_scratch`);
    const imported = await timedWithCpu(db, () => importPayments(db, { path: file.path, format: 'generic-csv', today: RUN_AS_OF }));

    log('Re-assessing one account after a payment (p95 of 50)…');
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE end_date IS NULL ORDER BY id`)).map((r) => r.id);
    const reassess: number[] = [];
    const reassessed = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const tenancyId = ids[(i * 7919) % ids.length]!;
      reassessed.add(tenancyId);
      const t = await timed(() => postPaymentAndReassess(db, tenancyId, 500, `bench:${process.pid}:${i}`));
      reassess.push(t.ms);
    }

    log(`Checking ${verifyCount} current assessments (the import's re-assessments) and the ${reassessed.size} re-assessed accounts…`);
    verified.push(await verifyCurrentAssessments(db, { sample: verifyCount }), await verifyCurrentAssessments(db, { tenancyIds: [...reassessed] }));
    const checked = verified.reduce((n, v) => n + v.checked, 0);
    const differ = verified.reduce((n, v) => n + v.differ, 0);

    await settle(db, log);
    log(`Pages under ${o.concurrency} concurrent signed-in officers…`);
    const users = await seedDemoUsers(db);
    // On PostgreSQL the pages are served as in production: `rentwise serve` in its own processes (one per
    // core); on the embedded database, in this process (it holds the database). A second server keeps no pages,
    // so each worklist is read and rendered afresh, as after every change to the data.
    const serve = (pageCacheEntries: number | null) =>
      databaseUrl
        ? serveInChildProcess(databaseUrl, o.workers, pageCacheEntries === null ? {} : { PAGE_CACHE_ENTRIES: String(pageCacheEntries) })
        : startWebServer(db, { port: 0, host: '127.0.0.1', today: () => RUN_AS_OF, ...(pageCacheEntries === null ? {} : { config: { pageCacheEntries } }) }).then((s) => ({ ...s, pid: null }));
    const pages = {
      worklistP95Ms: 0,
      accountP95Ms: 0,
      worklistPagesPerSecond: 0,
      accountPagesPerSecond: 0,
      worklistAfreshP95Ms: 0,
      worklistAfreshPagesPerSecond: 0,
      worklistWhileChangingP95Ms: 0,
      worklistWhileChangingPagesPerSecond: 0,
    };
    const noCpu: PageCpu = { servingMs: null, databaseMs: null, benchmarkProcessMs: 0, machineMs: 0 };
    const pageCpu = { worklist: noCpu, worklistAfresh: noCpu, worklistWhileChanging: noCpu, account: noCpu };
    let changes = 0;
    const warmup = o.pageWarmup ?? Math.max(o.concurrency, Math.round(o.pageRequests / 4));
    const officers = users.filter((u) => u.role === 'officer' || u.role === 'senior_officer' || u.role === 'manager');
    const refs = (await db.query<{ ref: string }>(`SELECT ref FROM tenancies ORDER BY id LIMIT 500`)).map((r) => r.ref);
    const worklist = () => '/worklist';
    // Officers may read every patch's account (read-only outside their own), so any ref serves.
    const account = (i: number) => `/tenancies/${encodeURIComponent(refs[i % refs.length]!)}`;
    /** A session for each of the `concurrency` officers (the demo's officers, senior officers and managers in turn). */
    const signInOfficers = async (baseUrl: string) => {
      const cookies: string[] = [];
      for (let i = 0; i < o.concurrency; i++) {
        const u = officers[i % officers.length]!;
        cookies.push(await signIn(baseUrl, u.username, u.password));
      }
      return cookies;
    };
    const server = await serve(null);
    try {
      const cookies = await signInOfficers(server.url);
      // Back to back: every officer asks for the next page as soon as the last arrives, so the pages a second
      // are what the server can answer on this machine.
      const worklistLoad = await pageLoad(server.url, cookies, worklist, o.pageRequests, o.concurrency, warmup, server.pid, db.kind === 'postgres', machine.cores);
      const accountLoad = await pageLoad(server.url, cookies, account, o.pageRequests, o.concurrency, warmup, server.pid, db.kind === 'postgres', machine.cores);
      pageCpu.worklist = worklistLoad.cpu;
      pageCpu.account = accountLoad.cpu;
      pages.worklistP95Ms = percentile(worklistLoad.latencies, 95);
      pages.accountP95Ms = percentile(accountLoad.latencies, 95);
      pages.worklistPagesPerSecond = worklistLoad.perSecond;
      pages.accountPagesPerSecond = accountLoad.perSecond;
      // The worklist again from the same server, while payments post round the landlord.
      const changed = await whileChanging(db, ids, o.changesPerSecond, () =>
        pageLoad(server.url, cookies, worklist, o.pageRequests, o.concurrency, warmup, server.pid, db.kind === 'postgres', machine.cores),
      );
      pageCpu.worklistWhileChanging = changed.value.cpu;
      pages.worklistWhileChangingP95Ms = percentile(changed.value.latencies, 95);
      pages.worklistWhileChangingPagesPerSecond = changed.value.perSecond;
      changes = changed.changes;
    } finally {
      await server.close();
    }
    const afresh = await serve(0);
    try {
      const cookies = await signInOfficers(afresh.url);
      const load = await pageLoad(afresh.url, cookies, worklist, o.pageRequests, o.concurrency, warmup, afresh.pid, db.kind === 'postgres', machine.cores);
      pageCpu.worklistAfresh = load.cpu;
      pages.worklistAfreshP95Ms = percentile(load.latencies, 95);
      pages.worklistAfreshPagesPerSecond = load.perSecond;
    } finally {
      await afresh.close();
    }

    const demoTenancies = o.demoTenancies ?? Math.min(5000, o.tenancies);
    log(`The ${demoTenancies}-tenancy demo build on a fresh embedded database…`);
    const embedded = await freshDatabase('pglite');
    let demoBuildMs = 0;
    try {
      demoBuildMs = (
        await timed(async () => {
          await buildDemoLandlord(embedded.db, { tenancies: demoTenancies, seed: 1, asOf: RUN_AS_OF });
          await runDaily(embedded.db, RUN_AS_OF);
        })
      ).ms;
    } finally {
      await embedded.drop();
    }

    const result: BenchResult = {
      database: db.kind,
      tenancies: o.tenancies,
      ledgerRows: Number(ledgerRows),
      buildMs: round(build.ms),
      dailyRunMs: round(daily.ms),
      bareScanMs: round(bareScanMs),
      dailyRunRatio: round(daily.ms / bareScanMs),
      dailyRunCpu: daily.cpu,
      importRows,
      importMs: round(imported.ms),
      copyMs: round(copy.ms),
      importRatio: round(imported.ms / copy.ms),
      importCpu: imported.cpu,
      reassessP95Ms: round(percentile(reassess, 95)),
      worklistP95Ms: round(pages.worklistP95Ms),
      accountP95Ms: round(pages.accountP95Ms),
      worklistPagesPerSecond: round(pages.worklistPagesPerSecond),
      accountPagesPerSecond: round(pages.accountPagesPerSecond),
      worklistAfreshP95Ms: round(pages.worklistAfreshP95Ms),
      worklistAfreshPagesPerSecond: round(pages.worklistAfreshPagesPerSecond),
      worklistWhileChangingP95Ms: round(pages.worklistWhileChangingP95Ms),
      worklistWhileChangingPagesPerSecond: round(pages.worklistWhileChangingPagesPerSecond),
      whileChanging: { changesPerSecond: o.changesPerSecond, changes },
      pageWarmupRequests: o.concurrency + warmup,
      pageCpu,
      demoTenancies,
      demoBuildMs: round(demoBuildMs),
      verifiedAssessments: checked,
      verifiedDiffer: differ,
      machine,
    };
    const rows: [string, string, string, string][] = [
      ['daily run vs bare GROUP BY scan', `${result.dailyRunMs} ms`, `${result.bareScanMs} ms`, `${result.dailyRunRatio}× (goal ≤ 3×)`],
      [`import ${importRows} rows vs raw COPY`, `${result.importMs} ms`, `${result.copyMs} ms`, `${result.importRatio}× (goal ≤ 2×)`],
      ['re-assess after a payment, p95', `${result.reassessP95Ms} ms`, '', 'goal < 50 ms'],
      [`worklist page, p95 (${o.concurrency} officers; pages/s)`, `${result.worklistP95Ms} ms`, `${result.worklistPagesPerSecond}/s`, 'goal < 100 ms'],
      [`… each read and rendered afresh (no page kept)`, `${result.worklistAfreshP95Ms} ms`, `${result.worklistAfreshPagesPerSecond}/s`, ''],
      [`… as served while ${o.changesPerSecond} payments a second post`, `${result.worklistWhileChangingP95Ms} ms`, `${result.worklistWhileChangingPagesPerSecond}/s`, `${changes} payments`],
      [`account page, p95 (${o.concurrency} officers; pages/s)`, `${result.accountP95Ms} ms`, `${result.accountPagesPerSecond}/s`, 'goal < 100 ms'],
      [`${demoTenancies}-tenancy demo build (embedded)`, `${result.demoBuildMs} ms`, '', 'goal < 60,000 ms'],
      ['stored assessments = assess on the exported case file', `${checked - differ} of ${checked}`, '', differ === 0 ? 'all the same' : `${differ} DIFFER`],
    ];
    console.log(`\nRentwise benchmark: ${result.tenancies} tenancies, ${result.ledgerRows} ledger rows, ${result.database} (built in ${Math.round(result.buildMs / 1000)} s)`);
    console.log(`on ${machineLine(machine)}`);
    printFigures([['measure', 'Rentwise', 'baseline', 'ratio / goal'], ...rows]);
    console.log(`Pages: each load counted after ${result.pageWarmupRequests} requests not counted (the serving processes warming up)`);
    console.log(`CPU used: the daily run ${cpuText(result.dailyRunCpu)}; the import ${cpuText(result.importCpu)} (on ${machine.cores} cores)`);
    console.log(`CPU a page over the counted loads (the cores had: ${machine.cores} × the load's elapsed time ÷ its pages):`);
    const cpuRows = [
      ['the worklist as served', pageCpu.worklist],
      ['… read and rendered afresh', pageCpu.worklistAfresh],
      ['… while payments post', pageCpu.worklistWhileChanging],
      ['the account page', pageCpu.account],
    ] as const;
    for (const [name, cpu] of cpuRows) {
      console.log(`  ${name.padEnd(28)}${pageCpuText(cpu)}`);
    }
    if (o.json) writeFileSync(o.json, `${JSON.stringify(result, null, 2)}\n`);
    if (differ > 0) {
      const listed = verified.flatMap((v) => v.differences).slice(0, 10);
      throw new Error(`${differ} stored assessments differ from assess on their exported case files: ${listed.map((d) => `${d.ref} (${d.trigger}: ${d.parts.join('; ')})`).join(', ')}`);
    }
  } finally {
    await drop();
    rmSync(work, { recursive: true, force: true });
  }
}
