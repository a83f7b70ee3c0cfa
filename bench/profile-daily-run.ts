/**
 * Where the daily run's time goes, step by step, on one database: `npx tsx bench/profile-daily-run.ts
 * [--tenancies N] [--batch-size N]` (DATABASE_URL for PostgreSQL; a temporary embedded database otherwise). Builds the
 * demo landlord and runs Sunday's daily run, then times, per batch of 1,000 accounts, reading the case data
 * (whole history and compacted), building the typed case files, assessing, and the bare GROUP BY scan
 * beside them; then Monday's daily run with its own split, the CPU this process and the PostgreSQL server
 * used over it (the server's from /proc when it runs on this machine), and this process's CPU by step from a
 * sampling profile (bench/cpu-time.ts).
 */
import { activePolicy } from '../src/application/assessment/assess-tenancies';
import { caseFileOf } from '../src/application/case-file/build-case-file';
import { buildDemoLandlord } from '../src/application/demo/build-demo';
import { runDaily } from '../src/application/daily-run/run-daily';
import { assessCase } from '../src/domain/assessment/assess-case';
import { resolvePolicy } from '../src/domain/policy';
import { loadCaseData, tenancyIdRange } from '../src/persistence/stores/case-data-store';
import { BARE_SCAN, withServerSettings } from './bare-scan';
import { cpuOver, DAILY_RUN_STEPS, profileCpu, timeBySteps } from './cpu-time';
import { freshDatabase } from './scratch-database';

const AS_OF = '2026-11-23';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--tenancies');
  const tenancies = i > 0 ? Number(process.argv[i + 1]) : 2000;
  const b = process.argv.indexOf('--batch-size');
  const batchSize = b > 0 ? Number(process.argv[b + 1]) : undefined;
  const { db, drop } = await freshDatabase();
  try {
    const t0 = performance.now();
    await buildDemoLandlord(db, { tenancies, seed: 1, asOf: '2026-11-22' });
    console.log(`built ${tenancies} tenancies in ${Math.round(performance.now() - t0)} ms`);
    const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
      const s = performance.now();
      const r = await fn();
      return [r, performance.now() - s];
    };
    const [, scanMs] = await time(() => withServerSettings(db, (tx) => tx.query(BARE_SCAN)));
    const policy = await activePolicy(db);
    const range = (await tenancyIdRange(db))!;
    // The landlord ran yesterday's (Sunday's) daily run: the one measured is a Monday's, as every week.
    await runDaily(db, '2026-11-22');
    const totals = { full: 0, compact: 0, fullRows: 0, compactRows: 0, build: 0, assess: 0 };
    for (let from = range.min; from <= range.max; from += 1000) {
      const sel = { idFrom: from, idTo: Math.min(range.max, from + 999) };
      const [full, fullMs] = await time(() => loadCaseData(db, sel, AS_OF));
      const [compact, compactMs] = await time(() => loadCaseData(db, sel, AS_OF, { compact: true }));
      totals.full += fullMs;
      totals.compact += compactMs;
      totals.fullRows += full.reduce((n, c) => n + c.transactions.length, 0);
      totals.compactRows += compact.reduce((n, c) => n + c.transactions.length, 0);
      let s = performance.now();
      const parsed = compact.map((c) => caseFileOf(c, AS_OF));
      totals.build += performance.now() - s;
      s = performance.now();
      for (const p of parsed) if (p.ok) assessCase(p.value, resolvePolicy(policy.document, p.value.tenancy.tenure, p.value.landlord.type));
      totals.assess += performance.now() - s;
    }
    const {
      value: { value: summary, profile },
      elapsedMs: runMs,
      nodeCpuMs,
      postgresCpuMs,
    } = await cpuOver(() => profileCpu(() => runDaily(db, AS_OF, batchSize ? { batchSize } : {})));
    const f = (n: number) => `${Math.round(n)} ms`;
    console.log(`bare GROUP BY scan            ${f(scanMs)}`);
    console.log(`read case data, whole history ${f(totals.full)} (${totals.fullRows} transactions)`);
    console.log(`read case data, compacted     ${f(totals.compact)} (${totals.compactRows} transactions)`);
    console.log(`typed case files (caseFileOf) ${f(totals.build)}`);
    console.log(`assess                        ${f(totals.assess)}`);
    console.log(`daily run (all of it)         ${f(runMs)}  = ${(runMs / scanMs).toFixed(1)}× the bare scan`);
    const t = summary.timings;
    console.log(`  of which: charges ${f(t.chargesMs)}, then overlapped: read ${f(t.readMs)} (SQL + parsing), case files + assess ${f(t.assessMs)} (Node), store ${f(t.storeMs)} (SQL); after-run steps ${f(t.afterRunMs)}`);
    const server = db.kind === 'pglite' ? 'the embedded database runs in this process' : postgresCpuMs === null ? 'PostgreSQL not on this machine' : `PostgreSQL ${f(postgresCpuMs)}`;
    console.log(`  CPU over the run: this process ${f(nodeCpuMs)} (its threads together), ${server}`);
    console.log(`  this process's CPU profile by step (samples while the run was under way, idle included):`);
    for (const step of timeBySteps(profile, DAILY_RUN_STEPS)) {
      console.log(`    ${step.name.padEnd(52)} ${f(step.ms).padStart(9)} ${(100 * step.share).toFixed(1).padStart(5)} %`);
    }
  } finally {
    await drop();
  }
}

await main();
