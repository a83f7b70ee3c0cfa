/**
 * The daily run's and a large import's assessments on several cores (PostgreSQL only).
 *
 * Assessing is Node's work (building each typed case file, the engine, the trace), and one Node thread
 * is one core: on PostgreSQL, where the server runs beside us, the batches are shared out among worker
 * threads, each with its own pool of connections and its own three-batch pipeline (assessInBatches). Each
 * batch is still stored in one transaction of its own, so a run stopped part-way and run again ends with
 * the same stored result, as before. On the embedded database (held by this process), inside a
 * transaction (other connections would not see its writes), or for a few batches, the batches are
 * assessed here, in order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { poolsWithin, readConnectionLimits, type ConnectionLimits } from '../../persistence/connection-budget';
import type { Db } from '../../persistence/database';
import { assessInBatches, type ActivePolicy, type AssessmentBatch, type AssessmentTrigger, type PipelineResult, type PipelineTimings } from './assess-tenancies';

/** What a worker is given (structured-cloned). */
export interface AssessWorkerInput {
  connectionString: string;
  /** The worker's batches with their index in the whole run (for progress). */
  batches: { index: number; batch: AssessmentBatch }[];
  trigger: AssessmentTrigger;
  policy: ActivePolicy;
  jobRunId: number | null;
}

/** What a worker reports: a batch stored, then its totals, or the error that stopped it. */
export type AssessWorkerMessage =
  | { type: 'batch'; index: number }
  | ({ type: 'done'; timings: PipelineTimings } & PipelineResult)
  | { type: 'error'; message: string; stack?: string };

export interface ParallelOptions {
  /** Worker threads (default: defaultAssessmentWorkers(); 1 assesses here). */
  workers?: number;
  jobRunId?: number | null;
  nowMs?: () => number;
  timings?: PipelineTimings;
  onBatch?: (index: number) => void;
}

/** Each worker's pool of connections: for the batches it reads ahead and the one it stores at once (assessInBatches). */
export const WORKER_CONNECTIONS = 3;

/** Fewer batches than this per worker are not worth a thread's start-up (loading the code). */
const MIN_BATCHES_PER_WORKER = 2;

/**
 * One worker per core but one: the database server and this thread need a core too. Measured on two cores
 * (docs/performance.md): two workers beside PostgreSQL took as long as one thread, with a third more CPU.
 */
export function defaultAssessmentWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * How many worker threads would assess `batchCount` batches on `db` (1: in this thread): no more than the server's
 * free connections allow (`limits`, `poolsWithin`: each worker opens WORKER_CONNECTIONS), so that a machine of many
 * cores does not ask the server for more connections than it has.
 */
export function assessmentWorkersFor(db: Db, batchCount: number, requested: number = defaultAssessmentWorkers(), limits: ConnectionLimits | null = null): number {
  if (db.kind !== 'postgres' || db.connectionString === undefined) return 1;
  const wanted = Math.max(1, Math.min(requested, Math.floor(batchCount / MIN_BATCHES_PER_WORKER)));
  if (wanted <= 1) return 1;
  return poolsWithin(limits, { pools: wanted, perPool: WORKER_CONNECTIONS, minPerPool: WORKER_CONNECTIONS }).pools;
}

/**
 * Assesses and stores every batch, on worker threads where it pays (see the module comment); the same
 * result and stored rows as assessInBatches on one thread. Batches are dealt out in turn (batch i to worker
 * i mod n) so that every worker gets old and new tenancies alike.
 */
export async function assessInParallel(
  db: Db,
  batches: readonly AssessmentBatch[],
  trigger: AssessmentTrigger,
  policy: ActivePolicy,
  options: ParallelOptions = {},
): Promise<PipelineResult> {
  // The server's connections are read only when workers would start (one statement).
  const wanted = assessmentWorkersFor(db, batches.length, options.workers);
  const workers = wanted > 1 ? assessmentWorkersFor(db, batches.length, options.workers, await readConnectionLimits(db)) : 1;
  if (workers <= 1 || db.connectionString === undefined) return assessInBatches(db, batches, trigger, policy, options);
  const connectionString = db.connectionString;
  const shares = Array.from({ length: workers }, () => [] as AssessWorkerInput['batches']);
  batches.forEach((batch, index) => shares[index % workers]!.push({ index, batch }));
  const outcomes = await Promise.allSettled(
    shares.map((share) => runWorker({ connectionString, batches: share, trigger, policy, jobRunId: options.jobRunId ?? null }, options.onBatch)),
  );
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
  const byAction: Record<string, number> = {};
  const charges = { posted: 0, postedPence: 0 };
  let assessed = 0;
  for (const o of outcomes) {
    if (o.status !== 'fulfilled') continue;
    assessed += o.value.assessed;
    for (const [action, n] of Object.entries(o.value.byAction)) byAction[action] = (byAction[action] ?? 0) + n;
    charges.posted += o.value.charges.posted;
    charges.postedPence += o.value.charges.postedPence;
    if (options.timings) {
      options.timings.chargesMs += o.value.timings.chargesMs;
      options.timings.readMs += o.value.timings.readMs;
      options.timings.assessMs += o.value.timings.assessMs;
      options.timings.storeMs += o.value.timings.storeMs;
    }
  }
  return { assessed, byAction, charges };
}

function runWorker(input: AssessWorkerInput, onBatch: ((index: number) => void) | undefined): Promise<Extract<AssessWorkerMessage, { type: 'done' }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./assess-worker.mjs', import.meta.url), { workerData: input });
    let settled = false;
    worker.on('message', (message: AssessWorkerMessage) => {
      if (message.type === 'batch') onBatch?.(message.index);
      else if (message.type === 'done') {
        settled = true;
        resolve(message);
      } else {
        settled = true;
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        reject(error);
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`an assessment worker stopped (exit code ${code}) before it finished`));
    });
  });
}
