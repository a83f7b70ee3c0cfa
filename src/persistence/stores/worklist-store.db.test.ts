import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { createTestDatabase } from '../../../test/support/test-database';
import { untilAnotherSessionWaitsForALock } from '../../../test/support/blocked';
import { rowsReadFrom } from '../../../test/support/rows-read';
import { addDays } from '../../domain/calendar/business-date';
import { WATCH_ONLY_ACTIONS } from '../../domain/worklist/caseload';
import { FLAG_EVENT_TYPES } from '../../application/caseload/case-flags';
import type { Db } from '../database';
import { storeAssessments, type NewAssessment } from './assessment-store';
import { appendCaseEvents } from './case-event-store';
import { patchIdsByName } from './tenancy-store';
import { countFollowUpsDue, countWorklistByAction, flagEventsOf, followUpsDue, followUpsDueWithTotal, queryWorklist, queryWorklistPage, worklistTotal, type WorklistFilter } from './worklist-store';

describe('open follow-ups kept by the database (migration 0021): a worklist reads the open ones of its patch', () => {
  let db: Db;
  let east: number;
  let west: number;
  let eastHome: number;
  let westHome: number;

  /** The open follow-ups by their definition: follow-up events with a due date and no done event of the same tenancy naming them. */
  const defined = async () =>
    db.query<{ event_id: number; tenancy_id: number; patch_id: number | null; due_date: string }>(
      `SELECT e.id AS event_id, e.tenancy_id, t.patch_id, e.details ->> 'dueDate' AS due_date
       FROM case_events e JOIN tenancies t ON t.id = e.tenancy_id
       WHERE e.type = 'follow_up' AND e.details ->> 'dueDate' IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM case_events d WHERE d.tenancy_id = e.tenancy_id AND d.type = 'follow_up_done' AND (d.details ->> 'followUpId') = e.id::text)
       ORDER BY e.id`,
    );
  const kept = async () => db.query(`SELECT event_id, tenancy_id, patch_id, due_date FROM open_follow_ups ORDER BY event_id`);
  const followUp = (tenancyId: number, dueDate: string, reason: string) => ({ tenancyId, eventDate: '2026-09-01', type: 'follow_up', details: { dueDate, reason } });

  beforeAll(async () => {
    db = await createTestDatabase();
    eastHome = await aTenancyOnPatch(db, 'TEN-FE', 'East');
    westHome = await aTenancyOnPatch(db, 'TEN-FW', 'West');
    const patches = await patchIdsByName(db, ['East', 'West']);
    east = patches.get('East')!;
    west = patches.get('West')!;
    // Years of follow-ups made and done on the West home, and four open on the East one.
    await appendCaseEvents(db, [
      ...Array.from({ length: 300 }, (_x, i) => followUp(westHome, addDays('2026-01-01', i), `W${i}`)),
      ...Array.from({ length: 4 }, (_x, i) => followUp(eastHome, addDays('2026-11-01', i), `E${i}`)),
    ]);
    const westDone = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE details ->> 'reason' LIKE 'W%' AND (details ->> 'reason') <> 'W299' ORDER BY id`);
    await appendCaseEvents(
      db,
      westDone.map((f) => ({ tenancyId: westHome, eventDate: '2026-11-01', type: 'follow_up_done', details: { followUpId: String(f.id) } })),
    );
  });
  afterAll(async () => db.close());

  it('equals its definition after follow-ups are made, marked done (on the right home only) and moved with their home to another patch', async () => {
    expect(await kept()).toEqual(await defined());
    expect((await kept()).length).toBe(5);
    const [e0] = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE details ->> 'reason' = 'E0'`);
    // A done event on another home does not close it; on its own home it does.
    await appendCaseEvents(db, [{ tenancyId: westHome, eventDate: '2026-11-02', type: 'follow_up_done', details: { followUpId: String(e0!.id) } }]);
    expect(await kept()).toEqual(await defined());
    expect((await kept()).length).toBe(5);
    await appendCaseEvents(db, [{ tenancyId: eastHome, eventDate: '2026-11-02', type: 'follow_up_done', details: { followUpId: String(e0!.id) } }]);
    expect(await kept()).toEqual(await defined());
    expect((await kept()).length).toBe(4);
    await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [eastHome, west]);
    expect(await kept()).toEqual(await defined());
    expect((await followUpsDue(db, [west], '2026-11-23')).map((f) => f.reason)).toEqual(['W299', 'E1', 'E2', 'E3']);
    await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [eastHome, east]);
    expect(await kept()).toEqual(await defined());
  });

  it("a patch's follow-ups due read its open follow-ups and the page's events and homes, not every follow-up ever made", async () => {
    await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [eastHome, east]);
    // Another patch with ten times as many open follow-ups: a patch's page must not read them and filter them out.
    await appendCaseEvents(db, [
      ...Array.from({ length: 3000 }, (_x, i) => followUp(westHome, addDays('2026-10-01', i % 40), `WO${i}`)),
      ...Array.from({ length: 300 }, (_x, i) => followUp(eastHome, addDays('2026-11-05', i % 15), `EO${i}`)),
    ]);
    await db.exec('ANALYZE open_follow_ups');
    const open = await followUpsDueWithTotal(db, [east], '2026-11-23', 2);
    expect(open.total).toBe(303);
    expect(open.rows.map((f) => [f.reason, f.due_date, f.patch_id])).toEqual([
      ['E1', '2026-11-02', east],
      ['E2', '2026-11-03', east],
    ]);
    expect(await rowsReadFrom(db, 'case_events', null, (d) => followUpsDueWithTotal(d, [east], '2026-11-23', 2))).toBeLessThanOrEqual(2);
    expect(await rowsReadFrom(db, 'tenancies', null, (d) => followUpsDueWithTotal(d, [east], '2026-11-23', 2))).toBeLessThanOrEqual(2);
    expect(await rowsReadFrom(db, 'case_events', null, (d) => followUpsDue(d, null, '2026-11-23', 2, 2))).toBeLessThanOrEqual(2);
    expect(await rowsReadFrom(db, 'open_follow_ups', null, (d) => followUpsDueWithTotal(d, [east], '2026-11-23', 2))).toBeLessThanOrEqual(303);
    expect(await rowsReadFrom(db, 'case_events', null, (d) => countFollowUpsDue(d, [east], '2026-11-23'))).toBe(0);
    expect(await rowsReadFrom(db, 'open_follow_ups', null, (d) => countFollowUpsDue(d, [east], '2026-11-23'))).toBeLessThanOrEqual(303);
    expect(await countFollowUpsDue(db, null, '2026-11-23')).toBe(3304);
  });

  it('a done event recorded before its follow-up (a case file imported with its history) still closes it', async () => {
    const [{ n }] = (await db.query<{ n: string }>(`SELECT nextval(pg_get_serial_sequence('case_events', 'id'))::text AS n`)) as [{ n: string }];
    // The done event takes the next id itself, so it names the one after: the follow-up recorded next.
    const nextId = String(Number(n) + 2);
    await appendCaseEvents(db, [{ tenancyId: eastHome, eventDate: '2026-11-02', type: 'follow_up_done', details: { followUpId: nextId } }]);
    await appendCaseEvents(db, [followUp(eastHome, '2026-11-03', 'closed before made')]);
    const [made] = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE details ->> 'reason' = 'closed before made'`);
    expect(String(made!.id)).toBe(nextId);
    expect(await kept()).toEqual(await defined());
    expect((await followUpsDue(db, null, '2027-01-01', 10_000)).map((f) => f.reason)).not.toContain('closed before made');
  });

  it('what the table rests on cannot change: a follow-up\'s due date, a done event\'s followUpId, the type or tenancy of either, nor can they be deleted', async () => {
    const [f] = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'follow_up' AND tenancy_id = $1 ORDER BY id LIMIT 1`, [eastHome]);
    const [d] = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'follow_up_done' ORDER BY id LIMIT 1`);
    const refused = [
      [`UPDATE case_events SET details = details || '{"dueDate": "2030-01-01"}' WHERE id = $1`, f!.id],
      [`UPDATE case_events SET details = details || '{"followUpId": "999999"}' WHERE id = $1`, d!.id],
      [`UPDATE case_events SET type = 'note' WHERE id = $1`, f!.id],
      [`UPDATE case_events SET tenancy_id = ${westHome} WHERE id = $1`, f!.id],
      [`DELETE FROM case_events WHERE id = $1`, f!.id],
      [`DELETE FROM case_events WHERE id = $1`, d!.id],
    ] as const;
    for (const [sql, id] of refused) expect(await db.query(sql, [id]).then(() => `${sql}: done`, (e: Error) => e.message), sql).toMatch(/^case_events/);
    const [noteId] = await appendCaseEvents(db, [{ tenancyId: eastHome, eventDate: '2026-11-02', type: 'note', details: {} }]);
    await expect(db.query(`UPDATE case_events SET type = 'follow_up', details = '{"dueDate": "2026-11-01"}' WHERE id = $1`, [noteId])).rejects.toThrow(/case_events/);
    // Other details of a follow-up may still be added (as addCaseEventDetails does for other events).
    await db.query(`UPDATE case_events SET details = details || '{"extra": true}' WHERE id = $1`, [f!.id]);
    expect(await kept()).toEqual(await defined());
  });

  it.runIf(process.env.DATABASE_URL)('side by side (PostgreSQL): a follow-up recorded while its home moves patch is kept on the patch the move commits, in either order', async () => {
    const patchOf = async (reason: string) =>
      (await db.query<{ patch_id: number | null }>(`SELECT o.patch_id FROM open_follow_ups o JOIN case_events e ON e.id = o.event_id WHERE e.details ->> 'reason' = $1`, [reason]))[0]
        ?.patch_id;
    await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [eastHome, east]);
    // The move first, then the follow-up while the move is not committed: the follow-up waits and takes the new patch.
    let recorded: Promise<void> = Promise.resolve();
    await db.transaction(async (move) => {
      await move.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [eastHome, west]);
      recorded = db.transaction((tx) => appendCaseEvents(tx, [followUp(eastHome, '2026-11-04', 'during a move')]).then(() => undefined));
      expect(await untilAnotherSessionWaitsForALock(db)).toBe(true);
    });
    await recorded;
    expect(await patchOf('during a move')).toBe(west);
    // The follow-up first, not committed, then the move: the move waits and carries it.
    let moved: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await appendCaseEvents(tx, [followUp(eastHome, '2026-11-04', 'before a move')]);
      moved = db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [eastHome, east]);
      expect(await untilAnotherSessionWaitsForALock(db)).toBe(true);
    });
    await moved;
    expect(await patchOf('before a move')).toBe(east);
    expect(await patchOf('during a move')).toBe(east);
    expect(await kept()).toEqual(await defined());
  });
});

describe('followUpsDue pages with limit and offset; countFollowUpsDue counts them', () => {
  let db: Db;
  let northPatch: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const north = await aTenancyOnPatch(db, 'TEN-N', 'North');
    const south = await aTenancyOnPatch(db, 'TEN-S', 'South');
    northPatch = (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'North'`))[0]!.id;
    const followUp = (tenancyId: number, dueDate: string, reason: string) => ({ tenancyId, eventDate: '2026-10-01', type: 'follow_up', details: { dueDate, reason } });
    await appendCaseEvents(db, [
      ...Array.from({ length: 8 }, (_x, i) => followUp(north, addDays('2026-11-01', i), `N${i}`)),
      followUp(north, '2026-12-31', 'later'),
      followUp(north, '2026-10-15', 'done'),
      followUp(south, '2026-10-20', 'S0'),
    ]);
    const [done] = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE details ->> 'reason' = 'done'`);
    await appendCaseEvents(db, [{ tenancyId: north, eventDate: '2026-10-16', type: 'follow_up_done', details: { followUpId: String(done!.id) } }]);
  });
  afterAll(async () => db.close());

  it('offset skips rows in the same order (oldest due first)', async () => {
    expect((await followUpsDue(db, null, '2026-11-23')).map((f) => f.reason)).toEqual(['S0', 'N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7']);
    expect((await followUpsDue(db, null, '2026-11-23', 3)).map((f) => f.reason)).toEqual(['S0', 'N0', 'N1']);
    expect((await followUpsDue(db, null, '2026-11-23', 3, 3)).map((f) => f.reason)).toEqual(['N2', 'N3', 'N4']);
    expect((await followUpsDue(db, [northPatch], '2026-11-23', 3, 6)).map((f) => f.reason)).toEqual(['N6', 'N7']);
    expect(await followUpsDue(db, null, '2026-11-23', 3, 30)).toEqual([]);
  });

  it('counts the follow-ups due and not done, in the patches', async () => {
    expect(await countFollowUpsDue(db, null, '2026-11-23')).toBe(9);
    expect(await countFollowUpsDue(db, [northPatch], '2026-11-23')).toBe(8);
    expect(await countFollowUpsDue(db, [], '2026-11-23')).toBe(0);
    expect(await countFollowUpsDue(db, null, '2026-11-03')).toBe(4);
    expect(await countFollowUpsDue(db, null, '2027-01-01')).toBe(10);
  });

  it('followUpsDueWithTotal: the first rows and the count in one query, the same as the two', async () => {
    for (const [patchIds, today, limit] of [[null, '2026-11-23', 3], [[northPatch], '2026-11-23', 10], [[], '2026-11-23', 3], [null, '2026-11-03', 2], [null, '2027-01-01', 20]] as const) {
      const ids = patchIds === null ? null : [...patchIds];
      expect(await followUpsDueWithTotal(db, ids, today, limit)).toEqual({ rows: await followUpsDue(db, ids, today, limit), total: await countFollowUpsDue(db, ids, today) });
    }
  });
});

describe('queryWorklist: a page is the same slice of the whole order, ties included, and reads only its own tenancies', () => {
  let db: Db;
  let eastPatch: number;
  interface Case {
    ref: string;
    patchId: number;
    tenure: string;
    action: string;
    priority: number;
    realArrearsPence: number;
  }
  const cases: Case[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // 60 cases on two patches, few distinct priorities and arrears (so ties fall across every page boundary),
    // refs created out of their order, some watched without action and some with no action at all.
    const actions = ['send_letter_1', 'send_letter_2', 'monitor', 'send_letter_1', 'none', 'home_visit'];
    const assessments: NewAssessment[] = [];
    for (let i = 0; i < 60; i++) {
      const n = (i * 37) % 60;
      const ref = `TEN-W${String(n).padStart(3, '0')}`;
      const tenure = i % 4 === 0 ? 'introductory' : 'secure';
      const id = await aTenancyOnPatch(db, ref, i % 3 === 0 ? 'West' : 'East', { tenure });
      const patchId = (await db.query<{ patch_id: number }>(`SELECT patch_id FROM tenancies WHERE id = $1`, [id]))[0]!.patch_id;
      const c = { ref, patchId, tenure, action: actions[i % actions.length]!, priority: [90, 50, 50, 20][i % 4]!, realArrearsPence: [5_000, 5_000, 12_000][i % 3]! };
      cases.push(c);
      assessments.push({
        tenancyId: id,
        asOf: '2026-11-23',
        trigger: 'daily',
        policyVersion: 1,
        action: c.action,
        priority: c.priority,
        balancePence: c.realArrearsPence,
        arrearsPence: c.realArrearsPence,
        realArrearsPence: c.realArrearsPence,
        needsApproval: false,
        patchId,
        result: { reasons: [] },
        trace: [],
      });
    }
    await storeAssessments(db, assessments);
    eastPatch = (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'East'`))[0]!.id;
  });
  afterAll(async () => db.close());

  const all: WorklistFilter = { patchIds: null, action: null, minRealArrearsPence: null, maxRealArrearsPence: null, vulnerable: null, tenure: null };
  const inOrder = (filter: WorklistFilter) =>
    cases
      .filter(
        (c) =>
          c.action !== 'none' &&
          (filter.patchIds === null || filter.patchIds.includes(c.patchId)) &&
          (filter.action ? c.action === filter.action : !WATCH_ONLY_ACTIONS.includes(c.action)) &&
          (filter.tenure === null || c.tenure === filter.tenure),
      )
      .sort((a, b) => b.priority - a.priority || b.realArrearsPence - a.realArrearsPence || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));

  it('every page of every size equals the slice of the whole order (priority, real arrears, then ref)', async () => {
    const filters: WorklistFilter[] = [all, { ...all, patchIds: [eastPatch] }, { ...all, tenure: 'introductory' }, { ...all, action: 'monitor' }];
    for (const filter of filters) {
      const expected = inOrder(filter).map((c) => c.ref);
      expect(expected.length).toBeGreaterThan(0);
      for (const limit of [1, 3, 7, 50]) {
        for (let offset = 0; offset <= expected.length; offset += limit) {
          const page = await queryWorklist(db, filter, { limit, offset });
          expect(page.rows.map((r) => r.ref), `${JSON.stringify(filter)} ${limit}@${offset}`).toEqual(expected.slice(offset, offset + limit));
          expect(page.total).toBe(expected.length);
        }
      }
    }
  });

  it("looks up the tenancy only for the page's candidates (the cases ranked within its end), not for every case", async () => {
    const ordered = inOrder(all);
    const limit = 5;
    // The candidates: every case whose priority and arrears come no later than the fifth case's.
    const last = ordered[limit - 1]!;
    const candidates = ordered.filter((c) => c.priority > last.priority || (c.priority === last.priority && c.realArrearsPence >= last.realArrearsPence)).length;
    expect(candidates).toBeLessThan(ordered.length);
    const read = await rowsReadFrom(db, 'tenancies', 't', (d) => queryWorklist(d, all, { limit, offset: 0 }));
    expect(read).toBeGreaterThanOrEqual(limit);
    expect(read).toBeLessThanOrEqual(candidates);
  });
});

describe('queryWorklistPage: a page of the whole caseload is read from the top of its index (0024), not every case sorted', () => {
  let db: Db;
  let patchId: number;
  const all: WorklistFilter = { patchIds: null, action: null, minRealArrearsPence: null, maxRealArrearsPence: null, vulnerable: null, tenure: null };

  beforeAll(async () => {
    db = await createTestDatabase();
    await aTenancyOnPatch(db, 'TEN-C0000', 'Central');
    patchId = (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'Central'`))[0]!.id;
    // 3,000 homes on one patch: a caseload of 1,000 (a third watched, a third with no action) over few priorities and
    // arrears, so that a page's end falls among many ties.
    await db.query(
      `INSERT INTO tenancies (ref, payment_reference, tenure, start_date, patch_id)
       SELECT 'TEN-C' || lpad(g::text, 4, '0'), 'P-C' || g, 'secure', '2026-01-05', $1 FROM generate_series(1, 2999) g`,
      [patchId],
    );
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id`)).map((r) => r.id);
    await storeAssessments(
      db,
      ids.map((tenancyId, i) => {
        const action = ['send_letter_1', 'monitor', 'none'][i % 3]!;
        const realArrearsPence = [5_000, 12_000, 30_000][(i >> 2) % 3]!;
        return { tenancyId, asOf: '2026-11-23', trigger: 'daily', policyVersion: 1, action, priority: action === 'none' ? 0 : [90, 50, 20][(i >> 4) % 3]!, balancePence: realArrearsPence, arrearsPence: realArrearsPence, realArrearsPence, needsApproval: false, patchId, result: { reasons: [] }, trace: [] };
      }),
    );
    await db.exec('ANALYZE current_assessments');
    await db.exec('ANALYZE tenancies');
  });
  afterAll(async () => db.close());

  it('the same pages as sorting every case, and the total from the counts by action', async () => {
    const expected = (
      await db.query<{ ref: string }>(
        `SELECT t.ref FROM current_assessments c JOIN tenancies t ON t.id = c.tenancy_id WHERE c.action = 'send_letter_1'
         ORDER BY c.priority DESC, c.real_arrears_pence DESC, t.ref`,
      )
    ).map((r) => r.ref);
    expect(expected).toHaveLength(1000);
    for (const [limit, offset] of [[50, 0], [50, 50], [50, 950], [7, 333], [50, 1000]] as const) {
      expect((await queryWorklistPage(db, all, { limit, offset })).map((r) => r.ref)).toEqual(expected.slice(offset, offset + limit));
    }
    const counts = await countWorklistByAction(db, all);
    expect(worklistTotal(counts, null)).toBe(1000);
    expect(worklistTotal(counts, 'monitor')).toBe(1000);
    expect(worklistTotal(counts, 'home_visit')).toBe(0);
    expect((await queryWorklist(db, { ...all, patchIds: [patchId] }, { limit: 50, offset: 0 })).total).toBe(1000);
  });

  it("the flags of a page's cases: their events of the flags' types, read for those cases only", async () => {
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id`)).map((r) => r.id);
    // A flag event on every third home, and an event of another type on every home.
    await appendCaseEvents(db, [
      ...ids.filter((_id, i) => i % 3 === 0).map((tenancyId) => ({ tenancyId, eventDate: '2026-10-01', type: 'vulnerability', details: { flag: 'other' } })),
      ...ids.map((tenancyId) => ({ tenancyId, eventDate: '2026-10-02', type: 'contact', details: {} })),
    ]);
    await db.exec('ANALYZE case_events');
    const asked = [ids[0]!, ids[3]!, ids[4]!, ids[3]!];
    const flags = await flagEventsOf(db, asked, ['vulnerability', 'dispute']);
    expect([...flags.keys()]).toEqual([ids[0], ids[3]]);
    expect([...flags.values()].map((events) => events.map((e) => e.type))).toEqual([['vulnerability'], ['vulnerability']]);
    expect(await rowsReadFrom(db, 'case_events', null, (d) => flagEventsOf(d, asked, ['vulnerability', 'dispute']))).toBeLessThanOrEqual(12);
  });

  it("reads a case's flag events alone, however long its history of other events (migration 0030)", async () => {
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id LIMIT 50`)).map((r) => r.id);
    // Fifty cases with a year of weekly contacts and actions each, and a notice and a court order on every fifth.
    await appendCaseEvents(db, [
      ...ids.flatMap((tenancyId) =>
        Array.from({ length: 52 }, (_, w) => ({ tenancyId, eventDate: addDays('2025-10-06', 7 * w), type: w % 2 === 0 ? 'contact' : 'action', details: {} })),
      ),
      ...ids
        .filter((_id, i) => i % 5 === 0)
        .flatMap((tenancyId) => [
          { tenancyId, eventDate: '2026-06-01', type: 'notice_served', details: { notice: 'nosp' } },
          { tenancyId, eventDate: '2026-09-01', type: 'court_order', details: { order: 'suspended' } },
        ]),
    ]);
    await db.exec('ANALYZE case_events');
    const flags = await flagEventsOf(db, ids, FLAG_EVENT_TYPES);
    const flagRows = [...flags.values()].reduce((n, events) => n + events.length, 0);
    expect(flagRows).toBeGreaterThanOrEqual(20);
    // Every flag event of the fifty (those of the test before included), and none of their 2,600 other events (at most
    // one a case more than the flags: PostgreSQL 15 rounds a plan's rows per loop to a whole number).
    expect(await rowsReadFrom(db, 'case_events', null, (d) => flagEventsOf(d, ids, FLAG_EVENT_TYPES))).toBeLessThanOrEqual(flagRows + ids.length);
  });

  it("the flags' index covers exactly the flags' types", async () => {
    const [index] = await db.query<{ definition: string }>(`SELECT pg_get_indexdef('case_events_flags_idx'::regclass) AS definition`);
    const types = [...index!.definition.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]);
    expect(types.sort()).toEqual([...FLAG_EVENT_TYPES].sort());
  });

  it("the first page reads the top of the caseload and the last case's ties, for the whole landlord and for one patch", async () => {
    // The 50th case by priority and arrears ties with 1,000 / 9 ≈ 111 others at most: far fewer than the 2,000 cases with an action.
    for (const filter of [all, { ...all, patchIds: [patchId] }]) {
      const read = await rowsReadFrom(db, 'current_assessments', 'c', (d) => queryWorklistPage(d, filter, { limit: 50, offset: 0 }));
      expect(read, JSON.stringify(filter.patchIds)).toBeLessThanOrEqual(400);
    }
  });
});
