import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Db } from '../persistence/database';
import { appendAudit, type AuditEntry } from '../persistence/stores/audit-store';
import { dataChangedSince, dataChangedSinceElseAudit, recordingTablesRead, type DataSnapshot } from '../persistence/stores/data-change-store';
import type { WebContext } from './context';

/** How long a rendered page is kept at most, whatever happens (a bound on memory, not on freshness). */
export const PAGE_CACHE_MAX_AGE_MS = 10 * 60_000;

/** A page as rendered, with what its read showed (audited again each time it is served). */
export interface KeptPage<Shown> {
  /**
   * The database's snapshot taken before the page's data was read: every change it saw is in the page. Moved on to
   * a later one each time the page is served again: no change the page may show came in between.
   */
  snapshot: DataSnapshot;
  /** The patches the page shows (null: the whole landlord's): only a change that may show there makes it stale. */
  patchIds: readonly number[] | null;
  /** The tables with tenancies the page's statements read: a change to others' rows leaves it kept. */
  tables: readonly string[];
  /**
   * The page reads tenancies' rows only for its cases, open follow-ups and open tasks (`dataChangedSince`'s
   * `casesOnly`): a change to another tenancy's rows leaves it kept.
   */
  casesOnly: boolean;
  /** The page's UTF-8 bytes, cut where the response's CSP nonce was (a fresh nonce goes in each time). */
  parts: Buffer[];
  shown: Shown;
  keptAtMs: number;
  /** Which render this is (the same in every process that keeps it): a page known stale is not checked again. */
  renderId: string;
}

/**
 * Pages kept for every serving process of one server (`rentwise serve --workers N`: the primary process keeps them,
 * `src/main/shared-pages.ts`). A process asks for one only when its own is missing or stale, so a page rendered
 * after a change is rendered once, not once in each process its sessions are served by. What comes back is checked
 * against the database exactly as a page of its own (`servePage`).
 */
export interface SharedPages {
  /** The latest page any process kept under `key`, or undefined (none, or no answer in time). */
  get(key: string): Promise<KeptPage<unknown> | undefined>;
  /** Offers a page just rendered to the other processes, copied as it is offered (this process moves its own copy's snapshot on). */
  put(key: string, page: KeptPage<unknown>): void;
}

/**
 * Rendered pages kept in this process, the most recently used `maxEntries` of them, each for at most `maxAgeMs`.
 * A page is served from here only while the database says nothing has changed since its snapshot
 * (`servePage`): the cache decides what is kept, never whether it is still true.
 */
export class PageCache {
  private readonly pages = new Map<string, KeptPage<unknown>>();

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; nowMs: () => number }) {}

  get size(): number {
    return this.pages.size;
  }

  get<Shown>(key: string): KeptPage<Shown> | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.pages.delete(key);
    if (this.options.nowMs() - page.keptAtMs > this.options.maxAgeMs) return undefined;
    this.pages.set(key, page); // now the most recently used
    return page as KeptPage<Shown>;
  }

  set<Shown>(key: string, page: KeptPage<Shown>): void {
    if (this.options.maxEntries <= 0) return;
    this.pages.delete(key);
    this.pages.set(key, page);
    while (this.pages.size > this.options.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }
}

/** The page cut where `nonce` stands, as UTF-8 bytes. */
export function cutAtNonce(html: string, nonce: string): Buffer[] {
  return (nonce === '' ? [html] : html.split(nonce)).map((part) => Buffer.from(part, 'utf8'));
}

/** The page again, with `nonce` where the old one stood. */
export function joinWithNonce(parts: readonly Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0]!;
  const nonceBytes = Buffer.from(nonce, 'utf8');
  const pieces: Buffer[] = [];
  parts.forEach((part, i) => {
    if (i > 0) pieces.push(nonceBytes);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/** A page read for `servePage`: its template and model, what it shows (audited), and what a change must touch to stale it. */
interface Loaded<Shown> {
  view: string;
  model: object;
  shown: Shown;
  /** The patches it shows (null or left out: every patch). */
  patchIds?: readonly number[] | null;
  /** It reads tenancies' rows only for its cases, open follow-ups and open tasks (`KeptPage`'s `casesOnly`). */
  casesOnly?: boolean;
}

/** What a kept page shows, as `dataChangedSince` compares a change with it. */
function scopeOf(page: KeptPage<unknown>): { patchIds: readonly number[] | null; tables: readonly string[]; casesOnly: boolean } {
  return { patchIds: page.patchIds, tables: page.tables, casesOnly: page.casesOnly };
}

function renderToString(res: Response, view: string, model: object): Promise<string> {
  return new Promise((resolve, reject) => {
    res.render(view, model, (error: Error | null, html: string) => (error ? reject(error) : resolve(html)));
  });
}

/**
 * Serves a GET page that shows tenants' data, from the pages kept in this process (or by another of the server's
 * processes) when nothing has changed since it was rendered, else by reading and rendering it afresh (and keeping
 * it).
 *
 * - Kept per session (its CSRF token is in the page's forms) and per `key`, which must name everything else the
 *   page depends on: the URL with its query, the business date. A session with a message to show (a flash) or
 *   no CSRF token yet is served afresh and nothing is kept.
 * - Before reading, one statement gives the database's snapshot and whether any transaction it saw had not been
 *   seen by the kept page's and changed what the page may show (`dataChangedSince`; migration 0028 notes every
 *   change to the landlord's data, whatever writes it, 0031 the tenancies and patches it changed, 0032 the tables,
 *   0033 the cases): a change to the page's `patchIds`, from `load`, or to any patch when it gives none, in a table
 *   the page read, and, when `load` says the page reads tenancies' rows only for its cases, open follow-ups and open
 *   tasks (`casesOnly`), to one of those.
 *   `load` must read through the `db` it is given, which notes the tables its statements name. A change committed
 *   while the page is read is not in the kept page's snapshot, so the next request renders afresh: a kept page is
 *   never older than the data. Served again, the page is kept with the newer snapshot, so each check reads only the
 *   notes since the last.
 * - When this process's page is missing or stale, the page another serving process kept (`ctx.sharedPages`) is
 *   checked the same way against its own snapshot, and served and kept here if nothing it may show has changed
 *   since; a page rendered afresh is offered to the others. So a change renders a session's page once, not once in
 *   each process that serves the session.
 * - Every time, kept or not, what the page showed is audited (`audit`'s entries), as a personal-data read. A kept
 *   page's entries are written by the statement that checks it (`dataChangedSinceElseAudit`), only if it is served:
 *   its check and audit are one round trip.
 */
export async function servePage<Shown>(
  ctx: WebContext,
  req: Request,
  res: Response,
  page: {
    key: string;
    load: (db: Db) => Promise<Loaded<Shown>>;
    /** The audit entries of a read that showed `shown`: written each time the page is served, kept or not. */
    audit: (shown: Shown) => readonly AuditEntry[];
  },
): Promise<void> {
  const session = req.webSession.data;
  const cache = ctx.pageCache;
  const key = cache && session.csrfToken !== undefined && !(session.flash && session.flash.length > 0) ? `${session.csrfToken}\u0000${page.key}` : null;
  const nonce = typeof res.locals.cspNonce === 'string' ? res.locals.cspNonce : '';
  let keep: ((html: string, loaded: Loaded<Shown>) => void) | null = null;
  let db = ctx.db;
  if (cache && key) {
    const kept = cache.get<Shown>(key);
    // A kept page's check and the audit of serving it are one statement (one round trip): the entries are written
    // only if nothing it may show has changed, so only if it is served.
    let { snapshot, changed } = kept
      ? await dataChangedSinceElseAudit(ctx.db, kept.snapshot, scopeOf(kept), page.audit(kept.shown))
      : await dataChangedSince(ctx.db, null);
    if (kept && !changed) {
      kept.snapshot = snapshot;
      sendKept(kept);
      return;
    }
    // Another process may have rendered it since: checked as this process's own would be.
    const shared = ctx.sharedPages ? ((await ctx.sharedPages.get(key)) as KeptPage<Shown> | undefined) : undefined;
    if (shared && shared.renderId !== kept?.renderId) {
      ({ snapshot, changed } = await dataChangedSinceElseAudit(ctx.db, shared.snapshot, scopeOf(shared), page.audit(shared.shown)));
      if (!changed) {
        const adopted = { ...shared, snapshot };
        cache.set<Shown>(key, adopted);
        sendKept(adopted);
        return;
      }
    }
    const recording = recordingTablesRead(ctx.db);
    db = recording.db;
    keep = (html, { shown, patchIds = null, casesOnly = false }) => {
      const rendered: KeptPage<Shown> = {
        snapshot,
        patchIds,
        tables: recording.tablesRead(),
        casesOnly,
        parts: cutAtNonce(html, nonce),
        shown,
        keptAtMs: ctx.now().getTime(),
        renderId: randomUUID(),
      };
      cache.set<Shown>(key, rendered);
      ctx.sharedPages?.put(key, rendered);
    };
  }
  const loaded = await page.load(db);
  await appendAudit(ctx.db, page.audit(loaded.shown));
  const html = await renderToString(res, loaded.view, loaded.model);
  keep?.(html, loaded);
  res.type('html').send(html);

  function sendKept(kept: KeptPage<Shown>): void {
    res.type('html').send(joinWithNonce(kept.parts, nonce));
  }
}
