import { EventEmitter } from 'node:events';
import { keepPagesForWorkers, sharedPagesOverChannel, type PageMessage } from '../../src/main/shared-pages';
import type { SharedPages } from '../../src/web/page-cache';

/**
 * A primary keeping pages for its workers (`keepPagesForWorkers`) and the workers' side of it
 * (`sharedPagesOverChannel`), connected as node:cluster connects them: each message is copied as it is sent and
 * arrives on a later turn. `structuredClone` gives a page's bytes as a Uint8Array; a cluster channel's advanced
 * serialization as a Buffer (`copy` chooses). `sent` holds what the workers sent.
 */
export function aClusterOfPages(options: { maxEntries?: number; nowMs?: () => number; copy?: (m: PageMessage) => PageMessage; answerMs?: number } = {}) {
  const copy = options.copy ?? ((m: PageMessage) => structuredClone(m));
  const primary = new EventEmitter();
  const sent: PageMessage[] = [];
  const kept = keepPagesForWorkers(primary, { maxEntries: options.maxEntries ?? 10, ...(options.nowMs ? { nowMs: options.nowMs } : {}) });
  const worker = (answering = true): SharedPages => {
    const inbox = new EventEmitter();
    const handle = {
      send: (m: PageMessage) => {
        const copied = copy(m);
        setImmediate(() => inbox.emit('message', copied));
      },
    };
    return sharedPagesOverChannel(
      {
        send: (m) => {
          sent.push(m);
          const copied = copy(m); // as process.send serializes it: when sent
          if (answering) setImmediate(() => primary.emit('message', handle, copied));
        },
        on: (event, listener) => inbox.on(event, listener),
      },
      { answerMs: options.answerMs ?? 1_000 },
    );
  };
  return { worker, kept, sent, primary };
}
