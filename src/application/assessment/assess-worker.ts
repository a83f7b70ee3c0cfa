/**
 * An assessment worker thread: opens its own connections to the PostgreSQL server, assesses and stores
 * its share of the batches (assessInBatches: one transaction per batch), reports each batch and its
 * totals, and closes. Started by parallel-assessment.ts through assess-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPostgresDatabase } from '../../persistence/postgres-database';
import { assessInBatches } from './assess-tenancies';
import { WORKER_CONNECTIONS, type AssessWorkerInput, type AssessWorkerMessage } from './parallel-assessment';

// A worker thread does not inherit the main thread's source maps (on for the bundle, ADR 0009): errors it
// reports name the sources' lines either way.
process.setSourceMapsEnabled(true);

const input = workerData as AssessWorkerInput;
const post = (message: AssessWorkerMessage) => parentPort!.postMessage(message);

async function work(): Promise<void> {
  const db = await openPostgresDatabase(input.connectionString, WORKER_CONNECTIONS);
  try {
    const timings = { chargesMs: 0, readMs: 0, assessMs: 0, storeMs: 0 };
    const done = await assessInBatches(
      db,
      input.batches.map((b) => b.batch),
      input.trigger,
      input.policy,
      { jobRunId: input.jobRunId, nowMs: () => performance.now(), timings, onBatch: (i) => post({ type: 'batch', index: input.batches[i]!.index }) },
    );
    post({ type: 'done', ...done, timings });
  } finally {
    await db.close();
  }
}

await work().catch((error: unknown) => {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
});
