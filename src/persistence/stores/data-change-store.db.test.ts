import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { dataChangedSince, pruneDataChanges } from './data-change-store';

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

  it('every other table notes its changes (a new table must be given the trigger)', async () => {
    const tables = await db.query<{ table: string; noted: boolean }>(
      `SELECT c.relname AS table,
              EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE g.tgrelid = c.oid AND p.proname = 'note_data_change') AS noted
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => !t.noted).map((t) => t.table)).toEqual(NOT_NOTED);
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
