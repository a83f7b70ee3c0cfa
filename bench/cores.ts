/**
 * Do the ratios move with cores? The daily run and the import against their baselines, timed from outside as
 * `bench/from-outside.ts` times them, with the database server and the command pinned to a set of CPUs, each set in
 * turn, round after round (alternately, so the machine's drift from hour to hour falls on every set alike):
 *
 *   DATABASE_URL=postgres://user@host/db npx tsx bench/cores.ts [--tenancies 10000] [--rounds 2] [--cpus 0] [--cpus 0,1]
 *       [--page-requests 2000]
 *
 * It builds the benchmark's landlord once (five years of weekly history to Sunday 2026-11-22, that Sunday's daily run
 * made) and keeps it as a template. Each round, for each CPU set, it makes a fresh copy of it (`CREATE DATABASE …
 * TEMPLATE`), vacuums and analyses it, pins PostgreSQL (its postmaster, so every backend it starts from then on, and
 * the processes it has started) to the set with `taskset`, and times: the bare scan three times, `rentwise run daily
 * --as-of 2026-11-23` (a Monday: a week's charges for every account; `taskset -c SET rentwise …`), the bare scan three
 * times; then a raw `psql \copy` of the benchmark's payment file into a scratch table and `rentwise import payments`
 * of it; then the account page under 50 signed-in officers back to back (as `npm run bench` loads it, `--page-requests`
 * counted after a quarter as many), served by `rentwise serve` with a process per CPU of the set, it and the load
 * generator pinned to the set too. Then it gives the server back every CPU and drops the copy. It prints, for each
 * set, each time, the medians and the ratios.
 *
 * It needs the PostgreSQL server on this machine (its processes are pinned), the right to set their CPU affinity (the
 * server's user or root), and `taskset` and `psql` on the PATH. No time is asserted. Session 40's figures are in
 * docs/performance-history.md.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runDaily } from '../src/application/daily-run/run-daily';
import { buildDemoLandlord } from '../src/application/demo/build-demo';
import { seedDemoUsers } from '../src/application/users/seed-demo-users';
import { openDatabase } from '../src/persistence/open-database';
import { BARE_SCAN } from './bare-scan';
import { timedCommand, wholeNumberOption } from './command-line';
import { BUILD_AS_OF, pageLoad, paymentFile, percentile, printFigures, round, serveInChildProcess } from './run-bench';
import { signIn } from './sign-in';
import { freshDatabase } from './scratch-database';

const MONDAY = '2026-11-23';
const RENTWISE = fileURLToPath(new URL('../bin/rentwise.mjs', import.meta.url));
/** Every CPU this machine gives the process, as a taskset list. */
const EVERY_CPU = Array.from({ length: availableParallelism() }, (_, i) => i).join(',');

interface Options {
  tenancies: number;
  rounds: number;
  cpuSets: string[];
  pageRequests: number;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { tenancies: 10_000, rounds: 2, cpuSets: [], pageRequests: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--tenancies') o.tenancies = wholeNumberOption(flag, argv[++i]);
    else if (flag === '--rounds') o.rounds = wholeNumberOption(flag, argv[++i]);
    else if (flag === '--page-requests') o.pageRequests = wholeNumberOption(flag, argv[++i]);
    else if (flag === '--cpus') {
      const set = argv[++i] ?? '';
      if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(set)) throw new Error(`--cpus: expected a CPU list as taskset takes it (0 or 0,1 or 0-3), got "${set}"`);
      o.cpuSets.push(set);
    } else throw new Error(`unknown option ${flag ?? ''} (--tenancies N, --rounds N, --cpus LIST, repeated, --page-requests N)`);
  }
  if (o.cpuSets.length === 0) o.cpuSets = EVERY_CPU === '0' ? ['0'] : ['0', EVERY_CPU];
  return o;
}

/** The server's processes: its postmaster (the parent of this connection's backend) and the processes it has started. */
async function serverProcesses(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const ppidOf = (pid: number): number | null => {
      try {
        // /proc/PID/stat: "pid (comm) state ppid …"; the command name may hold spaces, so read after its last ")".
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      } catch {
        return null;
      }
    };
    const postmaster = row ? ppidOf(row.pid) : null;
    if (postmaster === null) throw new Error('The database server is not on this machine (its backend is not in /proc): its processes cannot be pinned.');
    const children = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => ppidOf(pid) === postmaster);
    return [postmaster, ...children];
  } finally {
    await client.end();
  }
}

async function pinServer(url: string, cpus: string): Promise<void> {
  const [postmaster, ...children] = await serverProcesses(url);
  // The postmaster must take the set (every backend it starts inherits it): a figure from a server left unpinned
  // would be wrong, not merely rough.
  await timedCommand('taskset', ['-a', '-p', '-c', cpus, String(postmaster)]);
  for (const pid of children) {
    // A process may end between the listing and the pinning (a backend of a connection just closed).
    await timedCommand('taskset', ['-a', '-p', '-c', cpus, String(pid)]).catch(() => undefined);
  }
}

interface Round {
  cpus: string;
  dailyMs: number;
  scanMs: number[];
  importMs: number;
  copyMs: number;
  accountP95Ms: number;
  accountPagesPerSecond: number;
}

/** How many CPUs a taskset list names (0,2-3 is three). */
function cpuCount(list: string): number {
  return list.split(',').reduce((n, part) => {
    const [from, to] = part.split('-').map(Number);
    return n + (to === undefined ? 1 : to - from! + 1);
  }, 0);
}

/**
 * The account page under 50 signed-in officers back to back, as `npm run bench` loads it: `rentwise serve` with a
 * process per CPU of the set, it and this process (the load generator) pinned to the set with the server.
 */
async function accountPages(url: string, cpus: string, requests: number): Promise<{ p95Ms: number; perSecond: number }> {
  const db = await openDatabase({ databaseUrl: url, embeddedDir: '', maxConnections: 2 });
  const [users, refs] = await Promise.all([
    seedDemoUsers(db).then((all) => all.filter((u) => u.role === 'officer' || u.role === 'senior_officer' || u.role === 'manager')),
    db.query<{ ref: string }>(`SELECT ref FROM tenancies ORDER BY id LIMIT 500`).then((rows) => rows.map((r) => r.ref)),
  ]).finally(() => db.close());
  await timedCommand('taskset', ['-a', '-p', '-c', cpus, String(process.pid)]);
  const server = await serveInChildProcess(url, cpuCount(cpus));
  try {
    const cookies: string[] = [];
    for (let i = 0; i < 50; i++) {
      const u = users[i % users.length]!;
      cookies.push(await signIn(server.url, u.username, u.password));
    }
    const account = (i: number) => `/tenancies/${encodeURIComponent(refs[i % refs.length]!)}`;
    const load = await pageLoad(server.url, cookies, account, requests, 50, Math.max(50, Math.round(requests / 4)), server.pid, true, cpuCount(cpus));
    return { p95Ms: percentile(load.latencies, 95), perSecond: load.perSecond };
  } finally {
    await server.close();
    await timedCommand('taskset', ['-a', '-p', '-c', EVERY_CPU, String(process.pid)]);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a PostgreSQL server on this machine.');
  const o = parseOptions(argv);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const work = mkdtempSync(join(tmpdir(), 'rentwise-cores-'));
  const { db, url, drop } = await freshDatabase('default');
  if (url === null) throw new Error('no PostgreSQL database');
  const template = new URL(url).pathname.slice(1);
  const copyName = `${template}_copy`;
  const copyUrl = (() => {
    const u = new URL(url);
    u.pathname = `/${copyName}`;
    return u.toString();
  })();
  const admin = (sql: string) => timedCommand('psql', [process.env.DATABASE_URL!, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
  const psql = (...args: string[]) => timedCommand('psql', [copyUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args]);
  const rounds: Round[] = [];
  let closed = false;
  try {
    log(`Building ${o.tenancies} tenancies with five years of history…`);
    await buildDemoLandlord(db, { tenancies: o.tenancies, seed: 1, asOf: BUILD_AS_OF });
    await runDaily(db, BUILD_AS_OF);
    const file = await paymentFile(db, Math.min(100_000, Math.max(1000, o.tenancies * 10)), work, MONDAY);
    await db.close();
    closed = true;
    for (let r = 1; r <= o.rounds; r++) {
      for (const cpus of o.cpuSets) {
        log(`Round ${r}, CPUs ${cpus}…`);
        await admin(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
        await admin(`CREATE DATABASE ${copyName} TEMPLATE ${template}`);
        await psql('-c', 'VACUUM (ANALYZE)');
        await pinServer(copyUrl, cpus);
        try {
          const env = { ...process.env, DATABASE_URL: copyUrl, LOG_LEVEL: 'warn' };
          const scanMs: number[] = [];
          const scans = async () => {
            for (let i = 0; i < 3; i++) scanMs.push((await psql('-A', '-t', '-o', '/dev/null', '-c', BARE_SCAN)).ms);
          };
          await scans();
          const daily = await timedCommand('taskset', ['-c', cpus, process.execPath, RENTWISE, 'run', 'daily', '--as-of', MONDAY], env);
          await scans();
          await psql('-c', 'VACUUM (ANALYZE)');
          await psql('-c', 'CREATE TABLE bench_copy_scratch (date date, reference text, amount numeric, method text, transaction_id text)');
          const copy = await psql('-c', `\\copy bench_copy_scratch (date, reference, amount, method, transaction_id) FROM '${file.path.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`);
          await psql('-c', 'DROP TABLE bench_copy_scratch');
          const imported = await timedCommand('taskset', ['-c', cpus, process.execPath, RENTWISE, 'import', 'payments', file.path], env);
          await psql('-c', 'VACUUM (ANALYZE)');
          const pages = await accountPages(copyUrl, cpus, o.pageRequests);
          rounds.push({ cpus, dailyMs: daily.ms, scanMs, importMs: imported.ms, copyMs: copy.ms, accountP95Ms: pages.p95Ms, accountPagesPerSecond: pages.perSecond });
        } finally {
          await pinServer(copyUrl, EVERY_CPU);
        }
      }
    }
    await admin(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
    console.log(`${o.tenancies} tenancies; PostgreSQL and the command pinned to each set of CPUs in turn, ${o.rounds} round(s)`);
    const rows: [string, string, string, string][] = [['CPUs: measure', 'rentwise', 'psql', 'ratio (median ÷ median)']];
    for (const cpus of o.cpuSets) {
      const mine = rounds.filter((x) => x.cpus === cpus);
      const scan = percentile(mine.flatMap((x) => x.scanMs), 50);
      const daily = mine.map((x) => x.dailyMs);
      const imports = mine.map((x) => x.importMs);
      const copy = percentile(mine.map((x) => x.copyMs), 50);
      const each = (ms: number[]) => `${ms.map((x) => Math.round(x)).join(', ')} ms`;
      rows.push([`${cpus}: run daily (Monday) vs the bare scan`, each(daily), `${round(scan)} ms`, `${round(percentile(daily, 50) / scan)}×`]);
      rows.push([`${cpus}: import payments vs \\copy`, each(imports), `${round(copy)} ms`, `${round(percentile(imports, 50) / copy)}×`]);
      rows.push([`${cpus}: account page, p95 (pages a second)`, mine.map((x) => `${round(x.accountP95Ms)} (${Math.round(x.accountPagesPerSecond)}/s)`).join(', '), '', 'goal < 100 ms']);
    }
    printFigures(rows);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (closed) {
      await admin(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`).catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    } else await drop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
