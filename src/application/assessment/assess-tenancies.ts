import { assessCase } from '../../domain/assessment';
import type { BusinessDate } from '../../domain/calendar/business-date';
import type { LandlordType, Tenure } from '../../domain/case-file/case-file';
import type { PolicyDocument } from '../../domain/policy';
import { DEFAULT_POLICY_DOCUMENT, resolvePolicy } from '../../domain/policy';
import type { Db } from '../../persistence/database';
import { stagedAssessmentText, storeStagedAssessments, type NewAssessment, type OvertakenAssessment } from '../../persistence/stores/assessment-store';
import { loadCaseBatch, type CaseBatch, type CaseData, type LoadOptions, type TenancySelection } from '../../persistence/stores/case-data-store';
import type { ChargeScheduleRows } from '../../persistence/stores/charge-store';
import { insertPolicyVersion, latestPolicyVersion } from '../../persistence/stores/policy-store';
import { caseFileOf } from '../case-file/build-case-file';
import { postCharges } from '../charges/post-charges';

export type AssessmentTrigger = 'daily' | 'payment' | 'decision' | 'import' | 'manual';

export interface ActivePolicy {
  version: number;
  document: PolicyDocument;
}

/** The policy in force: the latest applied version, or the default policy (recorded as version 1 on first use). */
export async function activePolicy(db: Db): Promise<ActivePolicy> {
  const latest = await latestPolicyVersion(db);
  if (latest) return { version: latest.version, document: latest.document as PolicyDocument };
  const document = DEFAULT_POLICY_DOCUMENT as PolicyDocument;
  await insertPolicyVersion(db, document.version, document, 'system', 'the default recovery policy (recovery-policy.md, version 1)');
  return { version: document.version, document };
}

/**
 * Assesses loaded case data exactly as `export-case REF --as-of D | assess -` would (the same case file,
 * built from the database, through the same parser and engine): the rows to store, with each result's
 * trace and policy version, and the counts per action. No I/O.
 */
export function assessCaseData(cases: readonly CaseData[], asOf: BusinessDate, trigger: AssessmentTrigger, policy: ActivePolicy, jobRunId: number | null = null): { rows: NewAssessment[]; byAction: Record<string, number> } {
  const rows: NewAssessment[] = [];
  const byAction: Record<string, number> = {};
  // The parameters for a tenure and landlord type, resolved once per batch (the same for every such case).
  const resolved = new Map<string, ReturnType<typeof resolvePolicy>>();
  const parametersFor = (tenure: Tenure, landlordType: LandlordType) => {
    const key = `${tenure}|${landlordType}`;
    let parameters = resolved.get(key);
    if (!parameters) {
      parameters = resolvePolicy(policy.document, tenure, landlordType);
      resolved.set(key, parameters);
    }
    return parameters;
  };
  for (const data of cases) {
    if (data.tenancy.start_date > asOf) continue; // not yet begun: nothing to assess
    const parsed = caseFileOf(data, asOf);
    if (!parsed.ok) throw new Error(`tenancy ${data.tenancy.ref}: stored data is not a valid case file: ${parsed.path}: ${parsed.message}`);
    const parameters = parametersFor(parsed.value.tenancy.tenure, parsed.value.landlord.type);
    const { output, trace } = assessCase(parsed.value, parameters);
    const result = { ...output, policyVersion: policy.version };
    byAction[output.recommendation.action] = (byAction[output.recommendation.action] ?? 0) + 1;
    rows.push({
      tenancyId: data.tenancy.id,
      asOf,
      trigger,
      policyVersion: policy.version,
      action: output.recommendation.action,
      priority: output.priority,
      balancePence: output.balancePence,
      arrearsPence: output.arrearsPence,
      realArrearsPence: output.realArrearsPence,
      needsApproval: output.recommendation.needsApproval,
      patchId: data.tenancy.patch_id,
      result,
      trace,
      jobRunId,
      previousTraceHash: data.tenancy.current_trace_hash ?? null,
      readSnapshot: data.tenancy.read_snapshot ?? null,
    });
  }
  return { rows, byAction };
}

/**
 * The case data an assessment reads (the recent history of each account; see compact-history.ts), each
 * account's built when the batch is sliced (loadCaseBatch).
 */
export function loadCasesToAssess(db: Db, selection: TenancySelection, asOf: BusinessDate, beforeLedger?: LoadOptions['beforeLedger']): Promise<CaseBatch> {
  return loadCaseBatch(db, selection, asOf, { compact: true, ...(beforeLedger ? { beforeLedger } : {}) });
}

/** One batch of a pipelined assessment: which tenancies, as of which date. */
export interface AssessmentBatch {
  selection: TenancySelection;
  asOf: BusinessDate;
  /**
   * Post the charges due up to asOf for the tenancies of the batch's id range just before reading its ledger (the
   * daily run): the charges of batch k + 1 are posted while Node assesses batch k.
   */
  postChargesFirst?: boolean;
}

export interface PipelineTimings {
  /** Posting the batches' charges (postChargesFirst), part of each read. */
  chargesMs: number;
  readMs: number;
  assessMs: number;
  storeMs: number;
}

/**
 * How many batches are being read while Node assesses one. A batch's read is a chain of statements, each
 * waiting for the one before (its charges posted and committed, the kept state, then the recent rows): with
 * one batch ahead, Node waited for the next batch's read 1.3–2.3 s of a 6–9-second Monday at 10,000
 * tenancies; with two, 0.6–0.9 s (most of it the first batch's read). Three waited no less.
 */
const READS_AHEAD = 2;

/**
 * Assesses and stores the batches in order with up to four in flight: while Node assesses batch k, the
 * database stores batch k − 1 (one transaction each) and reads batches k + 1 and k + 2 (READS_AHEAD; outside
 * any transaction; on PostgreSQL the pool runs them side by side; on the embedded database they queue), each
 * having first posted its charges when the batch asks (each charge batch in a transaction of its own,
 * committed before the read). The daily run and the re-assessment after an import share it. An account whose
 * result did not become current because another writer's result, committed after this batch was read, had
 * overtaken it (storeStagedAssessments, ADR 0012) is read and assessed again after the last batch, so every
 * account ends with a result read after the last writer before it. Returns the number assessed (each account
 * once), the counts per action (of the results made current) and the charges posted; adds the time of each
 * step to `timings` (the steps overlap, so their sum exceeds the elapsed time).
 */
export async function assessInBatches(
  db: Db,
  batches: readonly AssessmentBatch[],
  trigger: AssessmentTrigger,
  policy: ActivePolicy,
  options: { jobRunId?: number | null; nowMs?: () => number; timings?: PipelineTimings; onBatch?: (index: number) => void } = {},
): Promise<PipelineResult> {
  const done = await assessBatchesOnce(db, batches, trigger, policy, options);
  // Accounts whose result was overtaken (a re-assessment, or another writer, committed its result after this
  // one's case data was read; ADR 0012): read and assessed again until each result is made current.
  let overtaken = done.overtaken;
  for (let round = 1; overtaken.length > 0; round++) {
    if (round > MAX_REASSESSMENT_ROUNDS) {
      const ids = `${overtaken
        .map((o) => o.tenancyId)
        .sort((a, b) => a - b)
        .slice(0, 10)
        .join(', ')}${overtaken.length > 10 ? ', …' : ''}`;
      const which = overtaken.length === 1 ? `the assessment of tenancy id ${ids} was` : `the assessments of ${overtaken.length} tenancies (ids ${ids}) were`;
      throw new Error(`${which} overtaken by other writers ${MAX_REASSESSMENT_ROUNDS} times over: run again`);
    }
    for (const o of overtaken) {
      done.assessed--;
      done.byAction[o.action] = (done.byAction[o.action] ?? 0) - 1;
      if (done.byAction[o.action] === 0) delete done.byAction[o.action];
    }
    const again = await assessBatchesOnce(db, batchesByDate(overtaken), trigger, policy, { ...options, onBatch: () => undefined });
    done.assessed += again.assessed;
    for (const [action, n] of Object.entries(again.byAction)) done.byAction[action] = (done.byAction[action] ?? 0) + n;
    overtaken = again.overtaken;
  }
  return { assessed: done.assessed, byAction: done.byAction, charges: done.charges };
}

/**
 * How many times an account overtaken by other writers is read and assessed again before the run gives up:
 * each round reads after the writer that overtook it committed, so only new writers can overtake it again.
 */
const MAX_REASSESSMENT_ROUNDS = 5;

/** Tenancies a batch of named accounts holds (a re-assessment, or overtaken accounts read again). */
export const REASSESSMENT_BATCH_SIZE = 1000;

/**
 * The batches that assess the given accounts (distinct), each as of its own date: grouped by date, in tenancy
 * order, REASSESSMENT_BATCH_SIZE at a time, with no charges posted. Linear in the number of accounts.
 */
export function batchesByDate(accounts: readonly { tenancyId: number; asOf: BusinessDate }[]): AssessmentBatch[] {
  const byDate = new Map<BusinessDate, number[]>();
  for (const { tenancyId, asOf } of accounts) {
    const group = byDate.get(asOf);
    if (group) group.push(tenancyId);
    else byDate.set(asOf, [tenancyId]);
  }
  const batches: AssessmentBatch[] = [];
  for (const [asOf, group] of byDate) {
    group.sort((a, b) => a - b);
    for (let i = 0; i < group.length; i += REASSESSMENT_BATCH_SIZE) batches.push({ selection: { ids: group.slice(i, i + REASSESSMENT_BATCH_SIZE) }, asOf });
  }
  return batches;
}

/** assessInBatches' one pass over the batches: its results, and the accounts whose results were overtaken. */
async function assessBatchesOnce(
  db: Db,
  batches: readonly AssessmentBatch[],
  trigger: AssessmentTrigger,
  policy: ActivePolicy,
  options: { jobRunId?: number | null; nowMs?: () => number; timings?: PipelineTimings; onBatch?: (index: number) => void },
): Promise<PipelineResult & { overtaken: OvertakenAssessment[] }> {
  const nowMs = options.nowMs ?? (() => 0);
  const timings = options.timings ?? { chargesMs: 0, readMs: 0, assessMs: 0, storeMs: 0 };
  const byAction: Record<string, number> = {};
  const charges = { posted: 0, postedPence: 0 };
  let assessed = 0;
  const overtaken: OvertakenAssessment[] = [];
  const read = (b: AssessmentBatch) => {
    const started = nowMs();
    const promise = loadCasesToAssess(db, b.selection, b.asOf, b.postChargesFirst ? (known) => postChargesOf(b, known) : undefined).then((cases) => ({ cases, ms: nowMs() - started }));
    promise.catch(() => undefined); // awaited below; a failure then stops the run
    return promise;
  };
  const postChargesOf = async (b: AssessmentBatch, known: ChargeScheduleRows) => {
    if ('ids' in b.selection) throw new Error('charges are posted for a batch of an id range only');
    const started = nowMs();
    const posted = await postCharges(db, b.asOf, { range: b.selection, known });
    charges.posted += posted.posted;
    charges.postedPence += posted.postedPence;
    timings.chargesMs += nowMs() - started;
  };
  const pendingReads = batches.slice(0, READS_AHEAD).map(read);
  let pendingStore: Promise<void> | null = null;
  try {
    for (let i = 0; i < batches.length; i++) {
      const loaded = await pendingReads.shift()!;
      timings.readMs += loaded.ms;
      const next = batches[i + READS_AHEAD];
      if (next) pendingReads.push(read(next));
      const assessStarted = nowMs();
      const batch = await assessInSlices(loaded.cases, batches[i]!.asOf, trigger, policy, options.jobRunId ?? null);
      timings.assessMs += nowMs() - assessStarted;
      if (pendingStore) await pendingStore;
      const storeStarted = nowMs();
      pendingStore = storeStagedAssessments(db, batch.staged).then((notMadeCurrent) => {
        timings.storeMs += nowMs() - storeStarted;
        overtaken.push(...notMadeCurrent);
      });
      pendingStore.catch(() => undefined); // awaited before the next store or after the last batch
      assessed += batch.assessed;
      for (const [action, n] of Object.entries(batch.byAction)) byAction[action] = (byAction[action] ?? 0) + n;
      options.onBatch?.(i);
    }
    if (pendingStore) await pendingStore;
  } finally {
    // A failure part-way: let what is in flight settle before the caller moves on (or closes the database).
    await Promise.allSettled([...pendingReads, pendingStore].filter((p) => p !== null));
  }
  return { assessed, byAction, charges, overtaken };
}

/** Cases assessed between two turns of the event loop in a pipelined assessment. */
const CASES_PER_TURN = 50;

/**
 * assessCaseData over a batch, giving the event loop a turn every CASES_PER_TURN cases: the database's
 * replies for the next batch's read (its charges, then its queries one after another) and the previous
 * batch's store are answered while this batch is assessed, instead of waiting for the whole batch. Assessing
 * a batch of 1,000 takes 150–250 ms of Node; without the turns the next batch's read did not start until it
 * ended (a pool hands out its connection, and so sends a query, only on a later turn). Measured on a
 * 10,000-account Monday with the schedules read once, four runs each alternately: 10 % less elapsed time,
 * the same Node CPU (docs/performance-history.md, session 8).
 */
export async function assessInSlices(cases: CaseBatch, asOf: BusinessDate, trigger: AssessmentTrigger, policy: ActivePolicy, jobRunId: number | null): Promise<StagedBatch> {
  const staged: Buffer[] = [];
  let assessed = 0;
  const byAction: Record<string, number> = {};
  for (let from = 0; from < cases.length; from += CASES_PER_TURN) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const slice = assessCaseData(cases.slice(from, from + CASES_PER_TURN), asOf, trigger, policy, jobRunId);
    if (slice.rows.length > 0) staged.push(stagedAssessmentText(slice.rows));
    assessed += slice.rows.length;
    for (const [action, n] of Object.entries(slice.byAction)) byAction[action] = (byAction[action] ?? 0) + n;
  }
  return { staged, assessed, byAction };
}

/**
 * A batch assessed and waiting to be stored: its rows as the COPY text that stages them
 * (stagedAssessmentLine), one buffer per slice. The text is kept outside the JavaScript heap, so while the
 * next batch is assessed the garbage collector neither copies nor promotes a batch's results and traces
 * (~5 kB of text an account): at 20,000 tenancies that was a fifth of what the young-generation
 * collections promoted (docs/performance-history.md, session 14).
 */
export interface StagedBatch {
  staged: Buffer[];
  assessed: number;
  byAction: Record<string, number>;
}

/** What a pipelined assessment did. */
export interface PipelineResult {
  assessed: number;
  byAction: Record<string, number>;
  /** The charges posted for batches with postChargesFirst. */
  charges: { posted: number; postedPence: number };
}
