import { PAGE_CACHE_MAX_AGE_MS, PageCache, type KeptPage, type SharedPages } from '../web/page-cache';

/**
 * Rendered pages shared by the serving processes of `rentwise serve --workers N` (node:cluster), kept by the
 * primary process and passed over each worker's IPC channel (advanced serialization, so a page's bytes go as
 * bytes). A worker asks only when its own page is missing or stale (`servePage`), and checks what it gets against
 * the database as its own: the primary decides what is kept, never whether it is still true.
 */

/** A message between a worker and the primary about kept pages; every other message is left alone. */
export type PageMessage =
  | { rentwisePages: 'get'; id: number; key: string }
  | { rentwisePages: 'got'; id: number; page: KeptPage<unknown> | null }
  | { rentwisePages: 'put'; key: string; page: KeptPage<unknown> };

/** How long a worker waits for the primary's answer before it renders the page itself. */
export const SHARED_PAGE_ANSWER_MS = 1_000;

function isPageMessage(message: unknown): message is PageMessage {
  return typeof message === 'object' && message !== null && 'rentwisePages' in message;
}

/** Bytes that crossed the channel as a Uint8Array, as a Buffer over the same memory. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The worker's side: `SharedPages` over its channel to the primary (`process` in a cluster worker). */
export function sharedPagesOverChannel(
  channel: { send(message: PageMessage): unknown; on(event: 'message', listener: (message: unknown) => void): unknown },
  options: { answerMs?: number } = {},
): SharedPages {
  const answerMs = options.answerMs ?? SHARED_PAGE_ANSWER_MS;
  const waiting = new Map<number, (page: KeptPage<unknown> | undefined) => void>();
  let lastId = 0;
  // A channel that cannot send (the primary gone) only means rendering the page here.
  const sent = (message: PageMessage): boolean => {
    try {
      channel.send(message);
      return true;
    } catch {
      return false;
    }
  };
  channel.on('message', (message) => {
    if (!isPageMessage(message) || message.rentwisePages !== 'got') return;
    // No one waiting: answered too late, and the page was rendered meanwhile.
    waiting.get(message.id)?.(message.page ? { ...message.page, parts: message.page.parts.map(asBuffer) } : undefined);
  });
  return {
    get(key) {
      lastId += 1;
      const id = lastId;
      return new Promise((resolve) => {
        const settle = (page: KeptPage<unknown> | undefined) => {
          waiting.delete(id);
          clearTimeout(timer);
          resolve(page);
        };
        const timer = setTimeout(() => settle(undefined), answerMs);
        timer.unref();
        waiting.set(id, settle);
        if (!sent({ rentwisePages: 'get', id, key })) settle(undefined);
      });
    },
    put(key, page) {
      sent({ rentwisePages: 'put', key, page });
    },
  };
}

/**
 * The primary's side: keeps the latest page each worker offers under each key, the `maxEntries` most recently
 * used, each for at most ten minutes, and answers the workers' asks. `workers` emits each worker's messages
 * (`cluster`: `on('message', (worker, message) => …)`).
 */
export function keepPagesForWorkers(
  workers: { on(event: 'message', listener: (worker: { send(message: PageMessage): unknown }, message: unknown) => void): unknown },
  options: { maxEntries: number; nowMs?: () => number },
): PageCache {
  const pages = new PageCache({ maxEntries: options.maxEntries, maxAgeMs: PAGE_CACHE_MAX_AGE_MS, nowMs: options.nowMs ?? Date.now });
  workers.on('message', (worker, message) => {
    if (!isPageMessage(message)) return;
    if (message.rentwisePages === 'put') pages.set(message.key, message.page);
    else if (message.rentwisePages === 'get') worker.send({ rentwisePages: 'got', id: message.id, page: pages.get(message.key) ?? null });
  });
  return pages;
}
