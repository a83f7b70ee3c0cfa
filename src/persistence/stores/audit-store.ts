import type { Db } from '../database';

export interface AuditEntry {
  actor: string;
  /** read | create | update | delete | sign_in | sign_in_failed | sign_out | … */
  action: string;
  /** What was touched: tenancy, tenancy_contact, worklist, search, statement, letter, case_event, user, … */
  entity: string;
  entityId?: string | null;
  tenancyId?: number | null;
  origin?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  tenancy_id: number | null;
  tenancy_ref: string | null;
  origin: string | null;
  details: Record<string, unknown>;
}

export async function appendAudit(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const insert = auditInsert(entries, 1);
  await db.query(insert.sql, insert.params);
}

/**
 * The statement that appends `entries` to the audit log, its parameters numbered from `firstParam` (eight of
 * them): for a statement that writes the entries together with something else (`dataChangedSinceElseAudit`). It
 * ends with its FROM, so a WHERE may follow.
 */
export function auditInsert(entries: readonly AuditEntry[], firstParam: number): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${firstParam + i}`;
  return {
    sql: `INSERT INTO audit_log (at, actor, action, entity, entity_id, tenancy_id, origin, details)
     SELECT coalesce(a, now()), b, c, d, e, f, g, h
     FROM unnest(${p(0)}::timestamptz[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::int[], ${p(6)}::text[], ${p(7)}::jsonb[]) AS x(a, b, c, d, e, f, g, h)`,
    params: [
      entries.map((e) => e.at ?? null),
      entries.map((e) => e.actor),
      entries.map((e) => e.action),
      entries.map((e) => e.entity),
      entries.map((e) => e.entityId ?? null),
      entries.map((e) => e.tenancyId ?? null),
      entries.map((e) => e.origin ?? null),
      entries.map((e) => JSON.stringify(e.details ?? {})),
    ],
  };
}

/** Where a page of the audit log begins or ends: an entry's time (microseconds since 1970, exact) and id. */
export interface AuditCursor {
  atMicros: string;
  id: string;
}

export interface AuditQuery {
  actor?: string | null;
  tenancyRef?: string | null;
  action?: string | null;
  entity?: string | null;
  from?: string | null;
  to?: string | null;
  limit: number;
  /** The entries older than this one (the next page), or newer than `after` (the page before); neither: the newest. */
  before?: AuditCursor | null;
  after?: AuditCursor | null;
}

/** Matches counted at most: the count of a search reads no more than this many entries (more shows as "more than"). */
export const AUDIT_COUNT_LIMIT = 10_000;

export interface AuditPage {
  /** Newest first. */
  rows: AuditRow[];
  /** Entries matching the search, up to AUDIT_COUNT_LIMIT; `moreThanCounted` when there are more. */
  matches: number;
  moreThanCounted: boolean;
  /** The cursors of the pages either side (null: none). */
  newer: AuditCursor | null;
  older: AuditCursor | null;
}

/** The cursor of an entry, as the page's links carry it: `<microseconds>.<id>`. */
export function auditCursorText(c: AuditCursor): string {
  return `${c.atMicros}.${c.id}`;
}

/** A cursor from a link (null when it is not one). */
export function parseAuditCursor(text: string): AuditCursor | null {
  const m = /^(\d{1,17})\.(\d{1,18})$/.exec(text);
  return m ? { atMicros: m[1]!, id: m[2]! } : null;
}

/**
 * Audit entries, newest first, a page at a time by key (the entries just older than `before`, or just newer than
 * `after`); `from`/`to` are dates (inclusive), days in Europe/London. Reads the page's entries and at most AUDIT_COUNT_LIMIT + 1
 * to count, however long the log (migration 0023): an offset would read every entry before the page, and a full
 * count every match.
 */
export async function searchAudit(db: Db, q: AuditQuery): Promise<AuditPage> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let text = sql;
    for (const value of values) {
      params.push(value);
      text = text.replace('?', `$${params.length}`);
    }
    conditions.push(text);
  };
  if (q.actor) add('a.actor = ?', q.actor);
  if (q.tenancyRef) add('a.tenancy_id = (SELECT id FROM tenancies WHERE ref = ?)', q.tenancyRef);
  if (q.action) add('a.action = ?', q.action);
  if (q.entity) add('a.entity = ?', q.entity);
  // A day is the landlord's (Europe/London, as the page shows the times), whatever the session's time zone.
  if (q.from) add(`a.at >= (?::date)::timestamp AT TIME ZONE 'Europe/London'`, q.from);
  if (q.to) add(`a.at < (?::date + 1)::timestamp AT TIME ZONE 'Europe/London'`, q.to);
  const filters = [...conditions];
  const filterParams = params.length;
  const newerFirst = !q.after;
  const cursor = q.after ?? q.before ?? null;
  // The entry's time as the cursor names it, exactly: whole microseconds added to the epoch (no floating point).
  const at = (p: string) => `(timestamptz 'epoch' + ${p}::bigint * interval '1 microsecond')`;
  if (cursor && newerFirst) add(`a.at <= ${at('?')} AND (a.at < ${at('?')} OR a.id < ?::bigint)`, cursor.atMicros, cursor.atMicros, cursor.id);
  if (cursor && !newerFirst) add(`a.at >= ${at('?')} AND (a.at > ${at('?')} OR a.id > ?::bigint)`, cursor.atMicros, cursor.atMicros, cursor.id);
  const where = (list: string[]) => (list.length > 0 ? `WHERE ${list.join(' AND ')}` : '');
  const direction = newerFirst ? 'DESC' : 'ASC';
  const fetched = await db.query<AuditRow & { at_micros: string; id_text: string }>(
    `SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.tenancy_id, t.ref AS tenancy_ref, a.origin, a.details,
            (extract(epoch FROM a.at) * 1000000)::bigint::text AS at_micros, a.id::text AS id_text
     FROM (SELECT a.* FROM audit_log a ${where(conditions)} ORDER BY a.at ${direction}, a.id ${direction} LIMIT $${params.length + 1}) a
     LEFT JOIN tenancies t ON t.id = a.tenancy_id
     ORDER BY a.at DESC, a.id DESC`,
    [...params, q.limit + 1],
  );
  // A cursor beyond every match (a link edited by hand, or kept with another search): the newest entries instead.
  if (cursor && fetched.length === 0) return searchAudit(db, { ...q, before: null, after: null });
  // One more than the page was read, to know whether there is a page beyond it (in the direction read).
  const beyond = fetched.length > q.limit;
  const page = beyond ? (newerFirst ? fetched.slice(0, q.limit) : fetched.slice(fetched.length - q.limit)) : fetched;
  const cursorOf = (r: { at_micros: string; id_text: string } | undefined): AuditCursor | null => (r ? { atMicros: r.at_micros, id: r.id_text } : null);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_log a ${where(filters)} LIMIT ${AUDIT_COUNT_LIMIT + 1}) x`,
    params.slice(0, filterParams),
  );
  const n = count?.n ?? 0;
  return {
    rows: page.map(({ at_micros: _m, id_text: _i, ...row }) => row),
    matches: Math.min(n, AUDIT_COUNT_LIMIT),
    moreThanCounted: n > AUDIT_COUNT_LIMIT,
    newer: newerFirst ? (cursor ? cursorOf(page[0]) : null) : beyond ? cursorOf(page[0]) : null,
    older: newerFirst ? (beyond ? cursorOf(page[page.length - 1]) : null) : cursorOf(page[page.length - 1]),
  };
}
