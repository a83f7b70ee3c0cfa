import type { BusinessDate } from '../../domain/calendar/business-date';
import { needsAPerson } from '../../domain/worklist/caseload';
import type { Db } from '../../persistence/database';
import { tenancyIdRange } from '../../persistence/stores/case-data-store';
import { finishJobRun, startJobRun } from '../../persistence/stores/job-run-store';
import { storeAssessments } from '../../persistence/stores/assessment-store';
import { activePolicy, assessCaseData, loadCasesToAssess } from '../assessment/assess-tenancies';
import { postCharges } from '../charges/post-charges';
import { runAfterRunSteps } from './after-run';

export interface DailyRunSummary {
  asOf: BusinessDate;
  chargesPosted: number;
  chargesPostedPence: number;
  accountsAssessed: number;
  caseload: number;
  byAction: Record<string, number>;
  policyVersion: number;
  /** Tasks raised after the assessments, per step (src/application/daily-run/after-run.ts). */
  tasksRaised: Record<string, number>;
  durationMs: number;
  /** Where the time went (milliseconds): posting charges, reading case data, assessing in Node, storing, the after-run steps. */
  timings: { chargesMs: number; readMs: number; assessMs: number; storeMs: number; afterRunMs: number };
}

export interface DailyRunOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Milliseconds since an arbitrary origin (injected so the run can be timed without a clock in tests). */
  nowMs?: () => number;
}

/**
 * The daily run for a business date: post the charges due, then assess every current and former tenancy
 * and store the results as the worklists' source. Idempotent for a date: charges are never posted twice and
 * the day's assessments replace themselves, so a run killed at any point and run again ends with exactly
 * the same stored result. Works through the tenancies in id batches: one pass, a few set-based queries per
 * batch, no per-account queries.
 */
export async function runDaily(db: Db, asOf: BusinessDate, options: DailyRunOptions = {}): Promise<DailyRunSummary> {
  const nowMs = options.nowMs ?? (() => performance.now());
  const started = nowMs();
  const jobRunId = await startJobRun(db, 'daily', asOf);
  try {
    const charges = await postCharges(db, asOf);
    const timings = { chargesMs: nowMs() - started, readMs: 0, assessMs: 0, storeMs: 0, afterRunMs: 0 };
    const policy = await activePolicy(db);
    const range = await tenancyIdRange(db);
    const byAction: Record<string, number> = {};
    let assessed = 0;
    const batchSize = options.batchSize ?? 1000;
    if (range) {
      // Batches in id order. Each batch's case data is read outside the transaction (on PostgreSQL, the
      // pool runs its queries side by side) and the next batch's read starts while this one is assessed
      // and stored; each batch's results are stored in one transaction.
      const total = range.max - range.min + 1;
      const selectionAt = (from: number) => ({ idFrom: from, idTo: Math.min(range.max, from + batchSize - 1) });
      const read = (from: number) => {
        const readStarted = nowMs();
        const promise = loadCasesToAssess(db, selectionAt(from), asOf).then((cases) => ({ cases, ms: nowMs() - readStarted }));
        promise.catch(() => undefined); // awaited below; a failure then stops the run
        return promise;
      };
      let pending = read(range.min);
      for (let from = range.min; from <= range.max; from += batchSize) {
        const loaded = await pending;
        timings.readMs += loaded.ms;
        if (from + batchSize <= range.max) pending = read(from + batchSize);
        const assessStarted = nowMs();
        const batch = assessCaseData(loaded.cases, asOf, 'daily', policy, jobRunId);
        timings.assessMs += nowMs() - assessStarted;
        const storeStarted = nowMs();
        await db.transaction((tx) => storeAssessments(tx, batch.rows));
        timings.storeMs += nowMs() - storeStarted;
        assessed += batch.rows.length;
        for (const [action, n] of Object.entries(batch.byAction)) byAction[action] = (byAction[action] ?? 0) + n;
        options.onProgress?.(selectionAt(from).idTo - range.min + 1, total);
      }
    }
    const afterRunStarted = nowMs();
    const tasksRaised = await runAfterRunSteps(db, asOf);
    timings.afterRunMs = nowMs() - afterRunStarted;
    const summary: DailyRunSummary = {
      asOf,
      chargesPosted: charges.posted,
      chargesPostedPence: charges.postedPence,
      accountsAssessed: assessed,
      caseload: Object.entries(byAction).filter(([a]) => needsAPerson(a)).reduce((n, [, c]) => n + c, 0),
      byAction,
      policyVersion: policy.version,
      tasksRaised,
      durationMs: Math.round(nowMs() - started),
      timings: {
        chargesMs: Math.round(timings.chargesMs),
        readMs: Math.round(timings.readMs),
        assessMs: Math.round(timings.assessMs),
        storeMs: Math.round(timings.storeMs),
        afterRunMs: Math.round(timings.afterRunMs),
      },
    };
    await finishJobRun(db, jobRunId, 'succeeded', summary);
    return summary;
  } catch (error) {
    await finishJobRun(db, jobRunId, 'failed', { error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    throw error;
  }
}
