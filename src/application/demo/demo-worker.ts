/**
 * The demo generator in a worker thread: generates the batches (demo-batches.ts) and posts them to the
 * thread that loads them, at most a few ahead of it, so the two cores work at once and memory stays flat.
 */
import { parentPort } from 'node:worker_threads';
import { demoBatches, type DemoBatchInputs } from './demo-batches';

export type ToWorker = { type: 'start'; inputs: DemoBatchInputs; ahead: number } | { type: 'more' };
export type FromWorker = { type: 'batch'; batch: ReturnType<typeof demoBatches> extends Generator<infer B> ? B : never } | { type: 'done' } | { type: 'error'; message: string };

// A worker thread does not inherit the main thread's source maps (on for the bundle, ADR 0009): errors it
// reports name the sources' lines either way.
process.setSourceMapsEnabled(true);

const port = parentPort;
if (port) {
  let credits = 0;
  let wake: (() => void) | null = null;
  const waitForCredit = () =>
    new Promise<void>((resolve) => {
      if (credits > 0) resolve();
      else wake = resolve;
    });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'more') {
      credits += 1;
      const w = wake;
      wake = null;
      w?.();
      return;
    }
    credits = message.ahead;
    void (async () => {
      try {
        for (const batch of demoBatches(message.inputs)) {
          await waitForCredit();
          credits -= 1;
          port.postMessage({ type: 'batch', batch } satisfies FromWorker);
        }
        port.postMessage({ type: 'done' } satisfies FromWorker);
      } catch (error) {
        port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
      }
    })();
  });
}
