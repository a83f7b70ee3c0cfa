import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { storeAssessments } from './assessment-store';
import { dataChangedSince, dataChangedSinceElseAudit, pruneDataChanges, TABLES_NOTED_BY_TENANCY } from './data-change-store';

/** The tables whose changes are not noted: written by every page view, or the migrations' own record. */
const NOT_NOTED = ['audit_log', 'data_changes', 'schema_migrations', 'web_sessions'];

describe('data changes (migration 0028): has anything changed since a snapshot?', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  const aPatch = async (name: string) => db.query(`INSERT INTO patches (name) VALUES ($1)`, [name]);

  it('nothing to compare with: a snapshot, unchanged', async () => {
    const now = await dataChangedSince(db, null);
    expect(now.changed).toBe(false);
    expect(now.snapshot).toMatch(/^\d+:\d+:[\d,]*$/);
  });

  it('a change committed after the snapshot is seen; from a snapshot taken after it, not', async () => {
    const before = await dataChangedSince(db, null);
    expect((await dataChangedSince(db, before.snapshot)).changed).toBe(false);
    await aPatch('Noted');
    const after = await dataChangedSince(db, before.snapshot);
    expect(after.changed).toBe(true);
    expect((await dataChangedSince(db, after.snapshot)).changed).toBe(false);
  });

  it('however the change is made: an update, a delete, a statement that names no row of a noted table', async () => {
    await aPatch('Changing');
    for (const sql of [`UPDATE patches SET name = 'Changed' WHERE name = 'Changing'`, `DELETE FROM patches WHERE name = 'Changed'`]) {
      const before = await dataChangedSince(db, null);
      await db.query(sql);
      expect((await dataChangedSince(db, before.snapshot)).changed).toBe(true);
    }
  });

  it('a transaction rolled back changed nothing; one transaction is noted once', async () => {
    const before = await dataChangedSince(db, null);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO patches (name) VALUES ('Rolled back')`);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect((await dataChangedSince(db, before.snapshot)).changed).toBe(false);
    const xids = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO patches (name) VALUES ('One')`);
      await tx.query(`INSERT INTO patches (name) VALUES ('Two')`);
      await tx.query(`UPDATE patches SET name = 'Three' WHERE name = 'Two'`);
      return tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM data_changes WHERE xid = pg_current_xact_id()`);
    });
    expect(xids[0]!.n).toBe(1);
    expect((await dataChangedSince(db, before.snapshot)).changed).toBe(true);
  });

  it('a page view writes the audit log and its session: neither is a change', async () => {
    const before = await dataChangedSince(db, null);
    await db.query(`INSERT INTO audit_log (actor, action, entity, details) VALUES ('officer', 'read', 'worklist', '{}')`);
    await db.query(`INSERT INTO web_sessions (id, data, expires_at) VALUES ('s1', '{}', now() + interval '1 hour')`);
    await db.query(`UPDATE web_sessions SET expires_at = now() + interval '2 hours' WHERE id = 's1'`);
    expect((await dataChangedSince(db, before.snapshot)).changed).toBe(false);
  });

  it("a kept page's check with the audit of serving it: the entries written, in the one statement, only when nothing has changed", async () => {
    const entries = (page: number) => [
      { actor: 'kept-page-officer', action: 'read', entity: 'worklist', origin: '127.0.0.1', at: new Date('2026-11-23T10:00:00Z'), details: { page } },
      { actor: 'kept-page-officer', action: 'read', entity: 'worklist', details: { page, second: true } },
    ];
    const audited = async () =>
      db.query<{ action: string; entity: string; origin: string | null; at: Date; details: Record<string, unknown> }>(
        `SELECT action, entity, origin, at, details FROM audit_log WHERE actor = 'kept-page-officer' ORDER BY id`,
      );
    const before = await dataChangedSince(db, null);
    const unchanged = await dataChangedSinceElseAudit(db, before.snapshot, { patchIds: null, tables: null, casesOnly: false }, entries(1));
    expect(unchanged.changed).toBe(false);
    expect(unchanged.snapshot).toMatch(/^\d+:\d+:[\d,]*$/);
    const written = await audited();
    expect(written.map((r) => r.details)).toEqual([{ page: 1 }, { page: 1, second: true }]);
    expect(written[0]).toMatchObject({ action: 'read', entity: 'worklist', origin: '127.0.0.1', at: new Date('2026-11-23T10:00:00Z') });
    // The audit log is not noted: the page is still unchanged after its own audit.
    expect((await dataChangedSince(db, unchanged.snapshot)).changed).toBe(false);
    await aPatch('Seen by a kept page');
    const changed = await dataChangedSinceElseAudit(db, unchanged.snapshot, {}, entries(2));
    expect(changed.changed).toBe(true);
    expect(await audited()).toHaveLength(2);
    // Its snapshot saw the change: from it, nothing has changed, and the entries are written.
    expect((await dataChangedSinceElseAudit(db, changed.snapshot, {}, entries(3))).changed).toBe(false);
    expect((await audited()).map((r) => r.details['page'])).toEqual([1, 1, 3, 3]);
  });

  it('every other table notes every change: by tenancy where its rows have one (with their patch where they carry it); a new table must be given the triggers', async () => {
    const tables = await db.query<{ table: string; events: string[]; by_tenancy: boolean; with_patch: boolean; with_cases: boolean; has_tenancy: boolean; has_patch: boolean }>(
      // tgtype's bits: 4 insert, 8 delete, 16 update, 32 truncate.
      `SELECT c.relname AS table,
              ARRAY(SELECT e.name FROM (VALUES (4, 'insert'), (16, 'update'), (8, 'delete'), (32, 'truncate')) AS e (bit, name)
                     WHERE EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid
                                    WHERE g.tgrelid = c.oid AND p.proname IN ('note_data_change', 'note_data_change_by_tenancy') AND g.tgtype & e.bit <> 0)) AS events,
              EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE g.tgrelid = c.oid AND p.proname = 'note_data_change_by_tenancy') AS by_tenancy,
              EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE g.tgrelid = c.oid AND p.proname = 'note_data_change_by_tenancy' AND g.tgnargs >= 1) AS with_patch,
              coalesce((SELECT bool_and(g.tgnargs = 2) FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE g.tgrelid = c.oid AND p.proname = 'note_data_change_by_tenancy'), false) AS with_cases,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenancy_id' AND NOT a.attisdropped) AS has_tenancy,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'patch_id' AND NOT a.attisdropped) AS has_patch
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => t.events.length === 0).map((t) => t.table)).toEqual(NOT_NOTED);
    // A trace is shown only through the assessment that names it, whose insert is noted.
    const notEveryEvent = tables.filter((t) => t.events.length > 0 && t.events.length < 4).map((t) => [t.table, t.events]);
    expect(notEveryEvent).toEqual([['assessment_traces', ['update', 'delete', 'truncate']]]);
    // Noted by tenancy: only tables whose rows name one; those whose rows carry a patch note it too (its old patch
    // when a row moves), so that a page of that patch sees the row leave.
    expect(tables.filter((t) => t.by_tenancy && !t.has_tenancy)).toEqual([]);
    expect(tables.filter((t) => t.by_tenancy && t.has_patch !== t.with_patch)).toEqual([]);
    // The current assessments note their cases (0033): on all three of their triggers, and no other table.
    expect(tables.filter((t) => t.with_cases).map((t) => t.table)).toEqual(['current_assessments']);
    // The list a kept page's tables are read against (tablesNamedIn).
    expect(tables.filter((t) => t.by_tenancy).map((t) => t.table)).toEqual([...TABLES_NOTED_BY_TENANCY]);
  });

  it('the schema has no views: a statement names every table it reads (what a kept page is stale by, migration 0032)', async () => {
    const views = await db.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')`);
    expect(views).toEqual([]);
  });

  describe('a page of some patches is stale only when a change may show on it (migration 0031)', () => {
    let north: number;
    let south: number;
    let northTenancy: number;
    let southTenancy: number;
    const patchOf = async (name: string) => (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = $1`, [name]))[0]!.id;
    /** Whether the change `write` makes stales a page of these patches, of those and of the whole landlord. */
    const stales = async (write: () => Promise<unknown>) => {
      const before = await dataChangedSince(db, null);
      await write();
      const of = async (patchIds: number[] | null) => (await dataChangedSince(db, before.snapshot, { patchIds })).changed;
      return { north: await of([north]), south: await of([south]), both: await of([north, south]), none: await of([]), all: await of(null) };
    };
    /** The tenancy's current assessment, on a patch. */
    const aCase = (tenancyId: number, patchId: number) => db.query(`UPDATE current_assessments SET patch_id = $2 WHERE tenancy_id = $1`, [tenancyId, patchId]);

    beforeAll(async () => {
      northTenancy = await aTenancyOnPatch(db, 'DC-N1', 'DC North');
      southTenancy = await aTenancyOnPatch(db, 'DC-S1', 'DC South');
      [north, south] = [await patchOf('DC North'), await patchOf('DC South')];
      const assessed = (tenancyId: number, patchId: number) => ({
        tenancyId,
        asOf: '2026-11-23',
        trigger: 'daily' as const,
        policyVersion: 1,
        action: 'send_letter_1',
        priority: 5,
        balancePence: 1000,
        arrearsPence: 1000,
        realArrearsPence: 1000,
        needsApproval: false,
        patchId,
        result: { reasons: [] },
        trace: [],
      });
      await storeAssessments(db, [assessed(northTenancy, north), assessed(southTenancy, south)]);
    });

    it("a change to a tenancy's rows: a page of its patch, or of every patch, not of another", async () => {
      expect(await stales(() => db.query(`UPDATE tenants SET name = 'Renamed' WHERE tenancy_id = $1`, [southTenancy]))).toEqual({ north: false, south: true, both: true, none: false, all: true });
      const note = await db.query<{ tenancy_ids: number[]; patch_ids: number[] }>(`SELECT tenancy_ids, patch_ids FROM data_changes ORDER BY xid DESC LIMIT 1`);
      expect(note).toEqual([{ tenancy_ids: [southTenancy], patch_ids: [] }]);
    });

    it('one transaction on two patches: both; its note names each tenancy once', async () => {
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [northTenancy]);
        await tx.query(`UPDATE tenants SET name = name WHERE tenancy_id = ANY ($1::int[])`, [[northTenancy, southTenancy]]);
      });
      const [note] = await db.query<{ tenancy_ids: number[] }>(`SELECT tenancy_ids FROM data_changes ORDER BY xid DESC LIMIT 1`);
      expect(note!.tenancy_ids).toEqual([northTenancy, southTenancy].sort((a, b) => a - b));
    });

    it("a tenancy's current assessment on another patch than the tenancy (not yet re-assessed after a move): a page of either", async () => {
      await aCase(southTenancy, north);
      expect(await stales(() => db.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [southTenancy]))).toMatchObject({ north: true, south: true, none: false });
      await aCase(southTenancy, south);
    });

    it('a row that carries a patch, moved off one: a page of the patch it left too', async () => {
      await aCase(northTenancy, north);
      // The tenancy is on North and its case moves to South (as a re-assessment after a move would): North's page showed it.
      expect(await stales(() => db.query(`UPDATE current_assessments SET patch_id = $2 WHERE tenancy_id = $1`, [northTenancy, south]))).toMatchObject({ north: true, south: true });
      const [note] = await db.query<{ patch_ids: number[] }>(`SELECT patch_ids FROM data_changes ORDER BY xid DESC LIMIT 1`);
      expect(note!.patch_ids).toEqual([north, south].sort((a, b) => a - b));
      await aCase(northTenancy, north);
    });

    it("a tenancy moved to another patch: every page (its rows follow it in the same transaction)", async () => {
      expect(await stales(() => db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [northTenancy, south]))).toEqual({ north: true, south: true, both: true, none: true, all: true });
      await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [northTenancy, north]);
    });

    it('a change to what has no tenancy, a row for every tenancy, or more than 100 tenancies at once: every page', async () => {
      expect(await stales(() => aPatch('DC Another'))).toMatchObject({ north: true, south: true, none: true });
      expect(await stales(() => db.query(`INSERT INTO rent_free_weeks (tenancy_id, week_commencing) VALUES (NULL, '2026-12-28')`))).toMatchObject({ north: true, south: true, none: true });
      const many: number[] = [];
      for (let i = 0; i < 101; i++) many.push(await aTenancyOnPatch(db, `DC-M${i}`, 'DC Many'));
      expect(await stales(() => db.query(`UPDATE tenants SET name = name WHERE tenancy_id = ANY ($1::int[])`, [many]))).toMatchObject({ north: true, south: true, none: true });
      expect(await stales(() => db.query(`UPDATE tenants SET name = name WHERE tenancy_id = ANY ($1::int[])`, [many.slice(0, 100)]))).toMatchObject({ north: false, south: false });
    });

    it('a statement that changes no row of a table with tenancies notes nothing; a new trace alone changes no page', async () => {
      expect(await stales(() => db.query(`UPDATE tenants SET name = name WHERE tenancy_id = -1`))).toMatchObject({ north: false, south: false, all: false });
      expect(await stales(() => db.query(`INSERT INTO assessment_traces (hash, trace) VALUES (sha256(convert_to('[]'::jsonb::text, 'UTF8')), '[]') ON CONFLICT DO NOTHING`))).toMatchObject({ all: false });
    });
  });

  describe('a page is stale only when a change was made to a table it reads (migration 0032)', () => {
    let tenancyId: number;
    beforeAll(async () => {
      tenancyId = await aTenancyOnPatch(db, 'DT-1', 'DT Patch');
    });
    /** Whether the change `write` makes stales a page reading each of these sets of tables (null: any). */
    const stales = async (write: () => Promise<unknown>, ...reads: (string[] | null)[]) => {
      const before = await dataChangedSince(db, null);
      await write();
      return Promise.all(reads.map(async (tables) => (await dataChangedSince(db, before.snapshot, { tables })).changed));
    };
    const lastNote = async () => (await db.query<{ tenancy_ids: number[] | null; tables: string[] | null }>(`SELECT tenancy_ids, tables FROM data_changes ORDER BY xid DESC LIMIT 1`))[0];

    it("a change to one table's rows: a page that reads it, or any table; not one that reads others, or none", async () => {
      expect(await stales(() => db.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [tenancyId]), ['tenants'], ['case_events', 'tenants'], null, ['case_events'], [])).toEqual([
        true,
        true,
        true,
        false,
        false,
      ]);
      expect(await lastNote()).toEqual({ tenancy_ids: [tenancyId], tables: ['tenants'] });
    });

    it('a payment: the ledger and its kept state, not the current assessment a worklist reads', async () => {
      const pay = () =>
        db.query(
          `INSERT INTO ledger_transactions (tenancy_id, business_date, kind, method, amount_pence, idempotency_key, source) VALUES ($1, '2026-11-23', 'payment', 'debit_card', -100, 'dt:pay', 'test')`,
          [tenancyId],
        );
      expect(await stales(pay, ['current_assessments', 'tenants'], ['ledger_transactions'])).toEqual([false, true]);
      const note = await lastNote();
      expect(note?.tables).toContain('ledger_transactions');
      expect(note?.tables).not.toContain('current_assessments');
    });

    it('one transaction, several tables: each named once, in the order first changed', async () => {
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [tenancyId]);
        await tx.query(`INSERT INTO case_events (tenancy_id, event_date, type, details) VALUES ($1, '2026-11-23', 'contact', '{}')`, [tenancyId]);
        await tx.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [tenancyId]);
      });
      expect((await lastNote())?.tables).toEqual(['tenants', 'case_events']);
    });

    it('a change to anything: every page, whatever it reads; so is a note from before 0032 (its tables not named)', async () => {
      expect(await stales(() => aPatch('DT Another'), [], ['tenants'])).toEqual([true, true]);
      expect(await lastNote()).toEqual({ tenancy_ids: null, tables: null });
      const before = await dataChangedSince(db, null);
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [tenancyId]);
        await tx.query(`UPDATE data_changes SET tables = NULL WHERE xid = pg_current_xact_id()`);
      });
      expect((await dataChangedSince(db, before.snapshot, { tables: ['case_events'] })).changed).toBe(true);
    });
  });

  describe("a page of cases is stale only when a change may show in them: its cases, follow-ups or tasks (migration 0033)", () => {
    let patchId: number;
    let noAction: number;
    let aCase: number;
    const worklistTables = ['assessments', 'case_events', 'current_assessments', 'open_follow_ups', 'tasks', 'tenants'];
    /** Whether the change `write` makes stales a page of the patch that reads the worklist's tables: of its cases only, and of any tenancy. */
    const stales = async (write: () => Promise<unknown>) => {
      const before = await dataChangedSince(db, null);
      await write();
      const of = async (casesOnly: boolean) => (await dataChangedSince(db, before.snapshot, { patchIds: [patchId], tables: worklistTables, casesOnly })).changed;
      return { cases: await of(true), any: await of(false) };
    };
    const assess = (tenancyId: number, action: string) =>
      storeAssessments(db, [
        { tenancyId, asOf: '2026-11-23', trigger: 'payment', policyVersion: 1, action, priority: action === 'none' ? 0 : 5, balancePence: 1000, arrearsPence: 1000, realArrearsPence: 1000, needsApproval: false, patchId, result: { reasons: [] }, trace: [] },
      ]);
    const renamed = (tenancyId: number) => () => db.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [tenancyId]);
    const lastNote = async () => (await db.query<{ case_tenancy_ids: number[] | null }>(`SELECT case_tenancy_ids FROM data_changes ORDER BY xid DESC LIMIT 1`))[0];

    beforeAll(async () => {
      noAction = await aTenancyOnPatch(db, 'DK-1', 'DK Patch');
      aCase = await aTenancyOnPatch(db, 'DK-2', 'DK Patch');
      patchId = (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'DK Patch'`))[0]!.id;
      await assess(noAction, 'none');
      await assess(aCase, 'send_letter_1');
    });

    it('an account with no action re-assessed to no action again (as after a payment): not a page of cases; its note names no case', async () => {
      expect(await stales(() => assess(noAction, 'none'))).toEqual({ cases: false, any: true });
      expect(await lastNote()).toEqual({ case_tenancy_ids: [] });
      expect(await stales(renamed(noAction))).toEqual({ cases: false, any: true });
    });

    it('a case re-assessed, or a change to its other rows: stale', async () => {
      expect(await stales(() => assess(aCase, 'send_letter_1'))).toEqual({ cases: true, any: true });
      expect(await lastNote()).toEqual({ case_tenancy_ids: [aCase] });
      expect(await stales(renamed(aCase))).toEqual({ cases: true, any: true });
    });

    it('an account that becomes a case, and one that stops being one: stale (its action before or after is noted)', async () => {
      expect(await stales(() => assess(noAction, 'send_letter_1'))).toEqual({ cases: true, any: true });
      expect(await stales(() => assess(noAction, 'none'))).toEqual({ cases: true, any: true });
      expect(await lastNote()).toEqual({ case_tenancy_ids: [noAction] });
      expect(await stales(renamed(noAction))).toEqual({ cases: false, any: true });
    });

    it('an account with no action but an open task or follow-up: stale by the task or follow-up, and by its other rows while it is open', async () => {
      const task = async () =>
        (
          await db.query<{ id: number }>(
            `INSERT INTO tasks (tenancy_id, kind, title, due_on, idempotency_key, created_by, patch_id) VALUES ($1, 'manual', 'Call back', '2026-11-23', 'dk:task', 'test', $2) RETURNING id`,
            [noAction, patchId],
          )
        )[0]!.id;
      let taskId = 0;
      expect(await stales(async () => (taskId = await task()))).toEqual({ cases: true, any: true });
      expect(await stales(renamed(noAction))).toEqual({ cases: true, any: true });
      expect(await stales(() => db.query(`UPDATE tasks SET status = 'done', closed_on = '2026-11-23', closed_by = 'test' WHERE id = $1`, [taskId]))).toEqual({ cases: true, any: true });
      expect(await stales(renamed(noAction))).toEqual({ cases: false, any: true });

      const [event] = await db.query<{ id: number }>(
        `INSERT INTO case_events (tenancy_id, event_date, type, details) VALUES ($1, '2026-11-23', 'follow_up', '{"dueDate": "2026-11-24"}') RETURNING id`,
        [noAction],
      );
      expect(await db.query(`SELECT 1 FROM open_follow_ups WHERE event_id = $1`, [event!.id])).toHaveLength(1);
      expect(await stales(renamed(noAction))).toEqual({ cases: true, any: true });
    });

    it('a note from before 0033 (its cases not named): stale', async () => {
      const other = await aTenancyOnPatch(db, 'DK-3', 'DK Patch');
      expect(await stales(renamed(other))).toEqual({ cases: false, any: true });
      expect(
        await stales(() =>
          db.transaction(async (tx) => {
            await tx.query(`UPDATE tenants SET name = name WHERE tenancy_id = $1`, [other]);
            await tx.query(`UPDATE data_changes SET case_tenancy_ids = NULL WHERE xid = pg_current_xact_id()`);
          }),
        ),
      ).toEqual({ cases: true, any: true });
    });
  });

  it.runIf(process.env.DATABASE_URL)('a change not yet committed is not seen; once committed, it is, by a snapshot taken while it ran too', async () => {
    const before = await dataChangedSince(db, null);
    let during = before;
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO patches (name) VALUES ('In flight')`);
      during = await dataChangedSince(db, before.snapshot); // another connection of the pool
      expect(during.changed).toBe(false);
    });
    expect((await dataChangedSince(db, before.snapshot)).changed).toBe(true);
    // The snapshot taken while it ran did not see it either.
    expect((await dataChangedSince(db, during.snapshot)).changed).toBe(true);
  });

  it('prunes the notes of transactions begun more than a week ago', async () => {
    await db.query(`INSERT INTO data_changes (xid, noted_at) VALUES ('3', now() - interval '8 days'), ('4', now() - interval '6 days')`);
    await aPatch('Recent');
    const kept = async () => (await db.query<{ xid: string }>(`SELECT xid::text FROM data_changes ORDER BY xid`)).map((r) => r.xid);
    expect(await kept()).toContain('3');
    expect(await pruneDataChanges(db)).toBe(1);
    const left = await kept();
    expect(left).not.toContain('3');
    expect(left).toContain('4');
    expect(left.length).toBeGreaterThan(1);
  });
});

describe.runIf(process.env.DATABASE_URL)('the check for changes on PostgreSQL, on a database of its own', () => {
  let fresh: Db;
  beforeAll(async () => {
    fresh = await createTestDatabase();
  });
  afterAll(async () => fresh.close());

  // With the cases' check written in as subqueries (not a function) it was planned afresh at every check, about
  // 0.25 ms of the server's CPU a kept page. (With tens of thousands of notes kept, PostgreSQL may still choose to
  // plan it afresh: it cannot know from a generic plan how few notes follow a snapshot.)
  it('the check is planned once on its connection, not at every page served (a generic plan)', async () => {
    const plans = await fresh.transaction(async (tx) => {
      const { snapshot } = await dataChangedSince(tx, null);
      for (let i = 0; i < 10; i++) await dataChangedSince(tx, snapshot, { patchIds: [1, 2], tables: ['current_assessments', 'tasks'], casesOnly: true });
      return tx.query<{ generic_plans: number }>(
        `SELECT generic_plans::int FROM pg_prepared_statements
          WHERE statement LIKE '%FROM data_changes d%' AND statement NOT LIKE '%audited AS%' AND statement NOT LIKE '%pg_prepared_statements%'`,
      );
    });
    expect(plans).toHaveLength(1);
    expect(plans[0]!.generic_plans).toBeGreaterThanOrEqual(5);
  });

  it("so is the check with a kept page's audit (one statement), whatever the entries", async () => {
    const plans = await fresh.transaction(async (tx) => {
      const { snapshot } = await dataChangedSince(tx, null);
      for (let i = 0; i < 10; i++) {
        const entries = Array.from({ length: 1 + (i % 3) }, (_, n) => ({ actor: 'officer', action: 'read', entity: 'worklist', details: { page: i, n } }));
        await dataChangedSinceElseAudit(tx, snapshot, { patchIds: [1, 2], tables: ['current_assessments', 'tasks'], casesOnly: true }, entries);
      }
      return tx.query<{ generic_plans: number }>(
        `SELECT generic_plans::int FROM pg_prepared_statements WHERE statement LIKE '%audited AS%' AND statement NOT LIKE '%pg_prepared_statements%'`,
      );
    });
    expect(plans).toHaveLength(1);
    expect(plans[0]!.generic_plans).toBeGreaterThanOrEqual(5);
  });
});
