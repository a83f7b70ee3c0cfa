import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsReadFrom } from '../../../test/support/rows-read';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { AUDIT_COUNT_LIMIT, auditCursorText, parseAuditCursor, searchAudit, type AuditCursor, type AuditQuery } from './audit-store';

/** Every page of a search, following the "older" links from the newest; then back along the "newer" links. */
async function allPages(db: Db, q: Omit<AuditQuery, 'limit'>, limit: number) {
  const forward: number[][] = [];
  const cursors: (AuditCursor | null)[] = [];
  let page = await searchAudit(db, { ...q, limit });
  forward.push(page.rows.map((r) => Number(r.id)));
  while (page.older) {
    cursors.push(page.newer);
    page = await searchAudit(db, { ...q, limit, before: page.older });
    forward.push(page.rows.map((r) => Number(r.id)));
  }
  const oldest = page;
  const backward: number[][] = [forward[forward.length - 1]!];
  while (page.newer) {
    page = await searchAudit(db, { ...q, limit, after: page.newer });
    backward.unshift(page.rows.map((r) => Number(r.id)));
  }
  return { forward, backward, oldest };
}

describe('searchAudit pages by key, newest first, and counts a bounded number of matches', () => {
  let db: Db;
  /** The ids in the log's order: newest first, by time then id. */
  let newestFirst: number[];

  beforeAll(async () => {
    db = await createTestDatabase();
    // 1,000 entries in 137 distinct microseconds (several share each, so the id breaks ties), ids not in time order.
    await db.query(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, origin)
       SELECT timestamptz '2026-11-20 09:00:00.123456+00' + ((g * 7919) % 137) * interval '1 microsecond', 'jo' || (g % 3), CASE WHEN g % 250 = 0 THEN 'sign_in_failed' ELSE 'read' END, 'tenancy', g::text, 'web'
       FROM generate_series(1, 1000) g`,
    );
    newestFirst = (await db.query<{ id: string }>(`SELECT id::text AS id FROM audit_log a ORDER BY a.at DESC, a.id DESC`)).map((r) => Number(r.id));
  });
  afterAll(async () => db.close());

  it('the pages, older after older, are the whole log in order, each entry once; the newer links lead back through the same pages', async () => {
    const { forward, backward } = await allPages(db, {}, 100);
    expect(forward.map((p) => p.length)).toEqual(Array.from({ length: 10 }, () => 100));
    expect(forward.flat()).toEqual(newestFirst);
    expect(backward).toEqual(forward);
  });

  it('a page that does not divide the log: the last page is short and has no older link; the first has no newer link', async () => {
    const first = await searchAudit(db, { limit: 300 });
    expect(first.newer).toBeNull();
    const { forward, oldest } = await allPages(db, {}, 300);
    expect(forward.map((p) => p.length)).toEqual([300, 300, 300, 100]);
    expect(forward.flat()).toEqual(newestFirst);
    expect(oldest.older).toBeNull();
  });

  it('a search keeps its filter from page to page', async () => {
    const expected = (await db.query<{ id: string }>(`SELECT id::text AS id FROM audit_log a WHERE actor = 'jo1' ORDER BY a.at DESC, a.id DESC`)).map((r) => Number(r.id));
    const { forward, backward } = await allPages(db, { actor: 'jo1' }, 40);
    expect(forward.flat()).toEqual(expected);
    expect(backward).toEqual(forward);
    const failed = await searchAudit(db, { action: 'sign_in_failed', limit: 100 });
    const failedIds = (await db.query<{ id: string }>(`SELECT id::text AS id FROM audit_log a WHERE action = 'sign_in_failed' ORDER BY a.at DESC, a.id DESC`)).map((r) => Number(r.id));
    expect(failedIds).toHaveLength(4);
    expect(failed.rows.map((r) => Number(r.id))).toEqual(failedIds);
    expect([failed.matches, failed.moreThanCounted, failed.older, failed.newer]).toEqual([4, false, null, null]);
  });

  it('the cursor is exact to the microsecond and id, and a link that is not a cursor is refused', async () => {
    const page = await searchAudit(db, { limit: 1 });
    const cursor = page.older!;
    expect(parseAuditCursor(auditCursorText(cursor))).toEqual(cursor);
    const [at] = await db.query<{ micros: string }>(`SELECT (extract(epoch FROM at) * 1000000)::bigint::text AS micros FROM audit_log WHERE id = $1`, [cursor.id]);
    expect(cursor.atMicros).toBe(at!.micros);
    expect(cursor.atMicros.endsWith('456') || cursor.atMicros.length === 16).toBe(true);
    for (const bad of ['', '12', '1.2.3', 'x.1', '1.-2', `${'9'.repeat(18)}.1`]) expect(parseAuditCursor(bad)).toBeNull();
  });

  it(`counts at most ${AUDIT_COUNT_LIMIT.toLocaleString('en-GB')} matches, and reads no more than that and the page, however deep the page`, async () => {
    const big = await createTestDatabase();
    try {
      await big.query(
        `INSERT INTO audit_log (at, actor, action, entity, origin)
         SELECT timestamptz '2026-01-01' + g * interval '1 second', 'many', CASE WHEN g % 5000 = 0 THEN 'sign_in_failed' ELSE 'read' END, 'worklist', 'web'
         FROM generate_series(1, ${AUDIT_COUNT_LIMIT + 2000}) g`,
      );
      await big.exec('ANALYZE audit_log');
      const first = await searchAudit(big, { actor: 'many', limit: 100 });
      expect([first.matches, first.moreThanCounted]).toEqual([AUDIT_COUNT_LIMIT, true]);
      // A page 110 pages into the log: an offset would read the 11,000 entries before it, and a full count all 12,000.
      const [deep] = await big.query<{ micros: string; id: string }>(
        `SELECT (extract(epoch FROM at) * 1000000)::bigint::text AS micros, id::text FROM audit_log ORDER BY at DESC, id DESC OFFSET 11000 LIMIT 1`,
      );
      const before = { atMicros: deep!.micros, id: deep!.id };
      const page = await searchAudit(big, { actor: 'many', limit: 100, before });
      expect(page.rows).toHaveLength(100);
      expect(page.older).not.toBeNull();
      const read = await rowsReadFrom(big, 'audit_log', 'a', (d) => searchAudit(d, { actor: 'many', limit: 100, before }));
      expect(read).toBeLessThanOrEqual(AUDIT_COUNT_LIMIT + 1 + 101 + 5);
      // What was done has its index (0023): the two failed sign-ins are read, not the log.
      const failedRead = await rowsReadFrom(big, 'audit_log', 'a', (d) => searchAudit(d, { action: 'sign_in_failed', limit: 100 }));
      expect(failedRead).toBeLessThanOrEqual(10);
      expect((await searchAudit(big, { action: 'sign_in_failed', limit: 100 })).matches).toBe(2);
    } finally {
      await big.close();
    }
  });

  it("dates are the landlord's days (Europe/London), in summer time and out of it, whatever the session's time zone", async () => {
    const log = await createTestDatabase();
    try {
      await log.query(`SET TIME ZONE 'UTC'`);
      // Half an hour either side of midnight in London: in summer time (UTC+1) and in winter (UTC).
      const at: Record<string, string> = {
        'june-15-late': '2026-06-15 22:30:00+00', // 23:30 on the 15th in London
        'june-16-early': '2026-06-15 23:30:00+00', // 00:30 on the 16th in London
        'dec-15-late': '2026-12-15 23:30:00+00',
        'dec-16-early': '2026-12-16 00:30:00+00',
      };
      for (const [entityId, when] of Object.entries(at)) {
        await log.query(`INSERT INTO audit_log (at, actor, action, entity, entity_id, origin) VALUES ($1, 'tz', 'read', 'tenancy', $2, 'web')`, [when, entityId]);
      }
      const on = async (day: string) => (await searchAudit(log, { actor: 'tz', from: day, to: day, limit: 10 })).rows.map((e) => e.entity_id).sort();
      expect(await on('2026-06-15')).toEqual(['june-15-late']);
      expect(await on('2026-06-16')).toEqual(['june-16-early']);
      expect(await on('2026-12-15')).toEqual(['dec-15-late']);
      expect(await on('2026-12-16')).toEqual(['dec-16-early']);
      expect((await searchAudit(log, { actor: 'tz', from: '2026-06-16', to: '2026-12-15', limit: 10 })).rows.map((e) => e.entity_id).sort()).toEqual(['dec-15-late', 'june-16-early']);
    } finally {
      await log.close();
    }
  });
});
