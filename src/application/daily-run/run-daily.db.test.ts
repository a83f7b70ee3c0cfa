import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessCase } from '../../domain/assessment';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import { resolvePolicy } from '../../domain/policy';
import type { Db } from '../../persistence/database';
import { loadCaseData } from '../../persistence/stores/case-data-store';
import { TRACE_OF_A } from '../../persistence/stores/assessment-store';
import { copyTextColumn, copyTextSpy } from '../../../test/support/copy-text-spy';
import { createTestDatabase } from '../../../test/support/test-database';
import { activePolicy, assessInBatches } from '../assessment/assess-tenancies';
import { assessmentWorkersFor } from '../assessment/parallel-assessment';
import { buildCaseFile, caseFileOf } from '../case-file/build-case-file';
import { buildDemoLandlord } from '../demo/build-demo';
import { runDaily } from './run-daily';

const AS_OF = '2026-11-23';

async function storedResults(db: Db): Promise<Map<number, unknown>> {
  const rows = await db.query<{ tenancy_id: number; result: unknown; trace: unknown }>(
    `SELECT a.tenancy_id, a.result, ${TRACE_OF_A} AS trace FROM assessments a WHERE a.as_of = $1 AND a.trigger = 'daily' ORDER BY a.tenancy_id`,
    [AS_OF],
  );
  return new Map(rows.map((r) => [r.tenancy_id, { result: r.result, trace: r.trace }]));
}

describe('the daily run', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 80, seed: 7, asOf: '2026-11-16' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('posts the week\'s charges once, assesses every account, and changes nothing when run again', async () => {
    const first = await runDaily(db, AS_OF, { batchSize: 25 });
    expect(first.accountsAssessed).toBeGreaterThan(70);
    expect(first.chargesPosted).toBeGreaterThan(0);
    const ledgerAfterFirst = await db.query<{ n: number; total: number }>(`SELECT count(*)::int AS n, sum(amount_pence)::bigint AS total FROM ledger_transactions`);
    const storedFirst = await storedResults(db);

    const second = await runDaily(db, AS_OF, { batchSize: 25 });
    expect(second.chargesPosted).toBe(0);
    expect(second.byAction).toEqual(first.byAction);
    expect(await db.query(`SELECT count(*)::int AS n, sum(amount_pence)::bigint AS total FROM ledger_transactions`)).toEqual(ledgerAfterFirst);
    expect(await storedResults(db)).toEqual(storedFirst);
  });

  it('a run stopped part-way and run again ends with exactly the same stored result', async () => {
    const reference = await storedResults(db);
    // Simulate a run that was killed after its first batch: a different partial state for some accounts…
    const policy = await activePolicy(db);
    await db.query(`UPDATE current_assessments SET action = 'stale', priority = 0`);
    await assessInBatches(db, [{ selection: { idFrom: 1, idTo: 10 }, asOf: AS_OF }], 'daily', policy);
    // …then the whole run again.
    await runDaily(db, AS_OF, { batchSize: 30 });
    expect(await storedResults(db)).toEqual(reference);
    const stale = await db.query(`SELECT 1 FROM current_assessments WHERE action = 'stale'`);
    expect(stale).toHaveLength(0);
  });

  it('reads two batches ahead: the next two batches\' reads are under way before the first batch is stored', async () => {
    await runDaily(db, AS_OF, { batchSize: 25 });
    const reference = await storedResults(db);
    const policy = await activePolicy(db);
    const events: string[] = [];
    // The batch read starts with the selection's tenancies; a store is a transaction of its own.
    const watched: Db = {
      ...db,
      query: (sql, params) => {
        if (sql.includes('SELECT t.id, t.ref, t.payment_reference')) events.push(`read ${String(params?.[0])}`);
        return db.query(sql, params);
      },
      transaction: (fn) => {
        events.push('transaction');
        return db.transaction(fn);
      },
    };
    const batches = [1, 21, 41, 61].map((idFrom) => ({ selection: { idFrom, idTo: idFrom + 19 }, asOf: AS_OF }));
    const done = await assessInBatches(watched, batches, 'daily', policy);
    expect(done.assessed).toBe(reference.size);
    expect(events.slice(0, events.indexOf('transaction'))).toEqual(['read 1', 'read 21', 'read 41']);
    expect(await storedResults(db)).toEqual(reference);
  });

  it('shares the batches among worker threads on PostgreSQL only, and they store exactly what one thread stores', async () => {
    expect(assessmentWorkersFor(db, 1, 4)).toBe(1); // one batch: not worth a thread
    if (db.kind === 'pglite') {
      expect(assessmentWorkersFor(db, 40, 4)).toBe(1); // the embedded database is this process's
      return;
    }
    expect(assessmentWorkersFor(db, 40, 4)).toBe(4);
    // No more than the server's free connections allow, three each, a quarter of them left for others.
    expect(assessmentWorkersFor(db, 40, 4, { maxConnections: 100, reservedConnections: 3, openConnections: 10 })).toBe(4);
    expect(assessmentWorkersFor(db, 80, 31, { maxConnections: 100, reservedConnections: 3, openConnections: 10 })).toBe(21);
    expect(assessmentWorkersFor(db, 40, 4, { maxConnections: 20, reservedConnections: 3, openConnections: 9 })).toBe(2);
    expect(assessmentWorkersFor(db, 40, 4, { maxConnections: 20, reservedConnections: 3, openConnections: 15 })).toBe(1);
    await db.transaction(async (tx) => expect(assessmentWorkersFor(tx, 40, 4)).toBe(1)); // other connections would not see the transaction's writes
    const reference = await storedResults(db);
    await db.query(`UPDATE current_assessments SET action = 'stale', priority = 0`);
    const progress: number[] = [];
    const summary = await runDaily(db, AS_OF, { batchSize: 8, workers: 3, onProgress: (done) => progress.push(done) });
    expect(await storedResults(db)).toEqual(reference);
    expect(await db.query(`SELECT 1 FROM current_assessments WHERE action = 'stale'`)).toHaveLength(0);
    expect(summary.accountsAssessed).toBe(reference.size);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const [range] = await db.query<{ n: number }>(`SELECT (max(id) - min(id) + 1)::int AS n FROM tenancies`);
    expect(progress.at(-1)).toBe(range!.n);
  });

  it('a day run again sends each trace as its hash alone: the run reads the current hash with the case data (migration 0019)', async () => {
    await runDaily(db, AS_OF, { batchSize: 25 });
    const reference = await storedResults(db);
    const traceCount = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assessment_traces`))[0]?.n;
    const tracesBefore = await traceCount();
    const sent: { table: string; text: string }[] = [];
    await runDaily(copyTextSpy(db, sent), AS_OF, { batchSize: 25, workers: 1 });
    const traces = sent.filter((s) => s.table === 'assessment_staging').flatMap((s) => copyTextColumn(s.text, 12));
    expect(traces).toHaveLength(reference.size);
    expect(traces.filter((t) => t !== '\\N')).toEqual([]);
    expect(await traceCount()).toBe(tracesBefore);
    expect(await storedResults(db)).toEqual(reference);
    const [inline] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assessments WHERE as_of = $1 AND trace_hash IS NULL`, [AS_OF]);
    expect(inline?.n).toBe(0);
  });

  it('one truth: every stored recommendation and its trace equal assess on the exported case file', async () => {
    const stored = await storedResults(db);
    const policy = await activePolicy(db);
    const cases = await loadCaseData(db, { idFrom: 0, idTo: 1_000_000 }, AS_OF);
    expect(cases.length).toBe(stored.size);
    for (const data of cases) {
      // Exactly what `export-case REF --as-of D | assess -` does: JSON out, JSON in.
      const json = JSON.parse(JSON.stringify(buildCaseFile(data, AS_OF)));
      const parsed = parseCaseFile(json);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      // The typed builder the run uses gives the very same case file, without the round trip.
      expect(caseFileOf(data, AS_OF)).toEqual(parsed);
      const { output, trace } = assessCase(parsed.value, resolvePolicy(policy.document, parsed.value.tenancy.tenure, parsed.value.landlord.type));
      const s = stored.get(data.tenancy.id) as { result: Record<string, unknown>; trace: unknown };
      expect({ ...output, policyVersion: policy.version }).toEqual(s.result);
      // …and the stored rule trace is `assess --trace`'s, figure for figure.
      expect(JSON.parse(JSON.stringify(trace))).toEqual(s.trace);
    }
    // The daily run read most accounts' recent history only (the older part summed from the kept state),
    // those clear on the day itself included (paid ahead, still in credit after the Monday's charge): 77 of 80
    // here, 49 when they were read whole.
    const compact = await loadCaseData(db, { idFrom: 0, idTo: 1_000_000 }, AS_OF, { compact: true });
    const compacted = compact.filter((c, i) => c.transactions.length < cases[i]!.transactions.length).length;
    expect(compacted).toBeGreaterThan(cases.length * 0.9);
    // Former tenancies too (their recent history from the margin before the end).
    const formerCompacted = compact.filter((c, i) => c.tenancy.end_date !== null && c.transactions.length < cases[i]!.transactions.length).length;
    expect(formerCompacted).toBeGreaterThan(0);
  });

  it('keeps a caseload far smaller than a one-week-of-arrears staircase', async () => {
    const [r] = await db.query<{ staircase: number; caseload: number }>(
      `SELECT count(*) FILTER (WHERE (a.result->>'arrearsPence')::bigint >= (a.result->>'weeklyChargePence')::bigint AND (a.result->>'weeklyChargePence')::bigint > 0)::int AS staircase,
              count(*) FILTER (WHERE a.action NOT IN ('none', 'monitor', 'monitor_arrangement', 'monitor_notice', 'monitor_order'))::int AS caseload
       FROM assessments a WHERE a.as_of = $1 AND a.trigger = 'daily'`,
      [AS_OF],
    );
    expect(r!.caseload).toBeLessThanOrEqual(r!.staircase);
  });
});
