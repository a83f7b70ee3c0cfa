import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { untilAnotherSessionWaitsForALock } from '../../../test/support/blocked';
import { indexesOfGenericPlans } from '../../../test/support/generic-plan';
import { rowsReadFrom } from '../../../test/support/rows-read';
import { createTestDatabase } from '../../../test/support/test-database';
import { addDays } from '../../domain/calendar/business-date';
import type { Db } from '../database';
import { closeTask, countTasks, createTasks, listTasks, listTasksWithTotal, type TaskFilter } from './task-store';
import { patchIdsByName } from './tenancy-store';

describe('listTasks pages with limit and offset; countTasks counts the same filter', () => {
  let db: Db;
  let north: number;
  let south: number;
  let northPatch: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    north = await aTenancyOnPatch(db, 'TEN-N', 'North');
    south = await aTenancyOnPatch(db, 'TEN-S', 'South');
    northPatch = (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'North'`))[0]!.id;
    await createTasks(db, [
      ...Array.from({ length: 12 }, (_x, i) => ({ tenancyId: north, kind: 'dhp_referral', title: `N${i}`, dueOn: addDays('2026-11-01', i), idempotencyKey: `n:${i}`, createdBy: 't' })),
      { tenancyId: north, kind: 'dhp_referral', title: 'later', dueOn: '2026-12-31', idempotencyKey: 'n:later', createdBy: 't' },
      { tenancyId: south, kind: 'dd_failed_collection', title: 'S0', dueOn: '2026-10-01', idempotencyKey: 's:0', createdBy: 't' },
    ]);
  });
  afterAll(async () => db.close());

  const due: TaskFilter = { dueBy: '2026-11-23', status: 'open' };

  it('offset skips rows in the same order (oldest due first); the default is the first 500 from 0', async () => {
    expect((await listTasks(db, due)).map((t) => t.title)).toEqual(['S0', ...Array.from({ length: 12 }, (_x, i) => `N${i}`)]);
    expect((await listTasks(db, { ...due, limit: 5 })).map((t) => t.title)).toEqual(['S0', 'N0', 'N1', 'N2', 'N3']);
    expect((await listTasks(db, { ...due, limit: 5, offset: 5 })).map((t) => t.title)).toEqual(['N4', 'N5', 'N6', 'N7', 'N8']);
    expect((await listTasks(db, { ...due, limit: 5, offset: 10 })).map((t) => t.title)).toEqual(['N9', 'N10', 'N11']);
    expect(await listTasks(db, { ...due, limit: 5, offset: 50 })).toEqual([]);
  });

  it('listTasksWithTotal: the first rows and the count in one query, the same as the two', async () => {
    for (const filter of [{ ...due, limit: 5 }, { ...due, patchIds: [northPatch], limit: 20 }, { ...due, patchIds: [], limit: 5 }, { ...due, kinds: ['dd_failed_collection'], limit: 1 }]) {
      expect(await listTasksWithTotal(db, filter)).toEqual({ rows: await listTasks(db, filter), total: await countTasks(db, filter) });
    }
  });

  it('counts by the same filter, limit and offset aside', async () => {
    expect(await countTasks(db, due)).toBe(13);
    expect(await countTasks(db, { ...due, limit: 2, offset: 2 })).toBe(13);
    expect(await countTasks(db, { ...due, patchIds: [northPatch] })).toBe(12);
    expect(await countTasks(db, { ...due, patchIds: [] })).toBe(0);
    expect(await countTasks(db, { status: 'open' })).toBe(14);
    expect(await countTasks(db, { tenancyId: south })).toBe(1);
    expect(await countTasks(db, { ...due, kinds: ['dd_failed_collection'] })).toBe(1);
    const [n0] = await listTasks(db, { ...due, patchIds: [northPatch], limit: 1 });
    expect(await closeTask(db, n0!.id, { status: 'done', on: '2026-11-20', by: 't', note: null })).toBe(true);
    expect(await countTasks(db, due)).toBe(12);
    expect(await countTasks(db, { ...due, status: 'done' })).toBe(1);
  });
});

describe("a page of tasks looks up the tenancies of its own rows only, not the landlord's", () => {
  let db: Db;
  let eastPatch: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 30; i++) {
      const id = await aTenancyOnPatch(db, `TEN-K${String(i).padStart(2, '0')}`, i % 2 === 0 ? 'East' : 'West');
      await createTasks(db, [{ tenancyId: id, kind: 'dhp_referral', title: `K${i}`, dueOn: addDays('2026-11-01', i % 20), idempotencyKey: `k:${i}`, createdBy: 't' }]);
    }
    eastPatch = (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'East'`))[0]!.id;
  });
  afterAll(async () => db.close());

  it('every patch (a manager) and one patch (an officer): the rows, their refs and patches; a tenancy looked up for each row of the page only', async () => {
    for (const patchIds of [null, [eastPatch]]) {
      const filter: TaskFilter & { limit: number } = { dueBy: '2026-11-23', status: 'open', patchIds, limit: 5 };
      const { rows, total } = await listTasksWithTotal(db, filter);
      expect(total).toBe(patchIds ? 15 : 30);
      expect(rows).toHaveLength(5);
      for (const r of rows) {
        expect(r.ref).toBe(`TEN-K${r.title.slice(1).padStart(2, '0')}`);
        if (patchIds) expect(r.patch_id).toBe(eastPatch);
      }
      expect(await rowsReadFrom(db, 'tenancies', 't', (d) => listTasksWithTotal(d, filter))).toBeLessThanOrEqual(5);
      expect(await rowsReadFrom(db, 'tenancies', 't', (d) => listTasks(d, { ...filter, offset: 5 }))).toBeLessThanOrEqual(5);
    }
  });
});

describe("an officer's tasks come from the patch's own open tasks (migration 0020)", () => {
  let db: Db;
  let east: number;
  let west: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    // East: 60 homes, a task on every fourth. West: 10 homes with 80 open tasks each. So reading every open task
    // of the landlord, or every home of the patch, each reads far more than the patch's own tasks.
    for (let i = 0; i < 60; i++) {
      const id = await aTenancyOnPatch(db, `TEN-E${String(i).padStart(2, '0')}`, 'East');
      if (i % 4 === 0) {
        await createTasks(db, [{ tenancyId: id, kind: 'dhp_referral', title: `E${i}`, dueOn: addDays('2026-11-01', i % 20), idempotencyKey: `e:${i}`, createdBy: 't' }]);
      }
    }
    for (let i = 0; i < 10; i++) await aTenancyOnPatch(db, `TEN-W${i}`, 'West');
    const patches = await patchIdsByName(db, ['East', 'West']);
    east = patches.get('East')!;
    west = patches.get('West')!;
    await db.query(
      `INSERT INTO tasks (tenancy_id, kind, title, due_on, idempotency_key, created_by)
       SELECT t.id, 'dhp_referral', 'W', date '2026-11-01' + (g % 20), 'w:' || t.id || ':' || g, 't'
       FROM tenancies t CROSS JOIN generate_series(1, 80) g WHERE t.patch_id = $1`,
      [west],
    );
    await db.exec('ANALYZE tasks');
  });
  afterAll(async () => db.close());

  it("an officer's list and count can each be planned once: their generic plans read the patch's open tasks' index", async () => {
    // A prepared statement is planned at every call while its generic plan costs more than planning it for the call's
    // values: with `status = $n` no generic plan could use an index of the open tasks (each is `WHERE status = 'open'`),
    // and every worklist planned its tasks again (0.27 ms of PostgreSQL's 0.48 ms for the statement, session 22).
    const filter: TaskFilter & { limit: number } = { dueBy: '2026-11-23', status: 'open', patchIds: [east], limit: 5 };
    const plans = await indexesOfGenericPlans(db, async (d) => {
      await listTasksWithTotal(d, filter);
      await listTasks(d, { ...filter, offset: 5 });
      await countTasks(d, filter);
    });
    expect(plans).toHaveLength(3);
    for (const indexes of plans) expect(indexes).toContain('tasks_open_patch_due_idx');
  });

  const mismatched = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tasks k JOIN tenancies t ON t.id = k.tenancy_id WHERE k.patch_id IS DISTINCT FROM t.patch_id`,
      )
    )[0]!.n;

  it("an officer's list and count read the patch's open tasks and the page's homes only", async () => {
    const filter: TaskFilter & { limit: number } = { dueBy: '2026-11-23', status: 'open', patchIds: [east], limit: 5 };
    const eastOpen = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks k JOIN tenancies t ON t.id = k.tenancy_id WHERE t.patch_id = $1 AND k.status = 'open'`, [east]))[0]!.n;
    expect(eastOpen).toBe(15);
    const { rows, total } = await listTasksWithTotal(db, filter);
    expect(total).toBe(eastOpen);
    expect(rows.map((r) => r.title)).toEqual(['E0', 'E20', 'E40', 'E4', 'E24']);
    expect(await rowsReadFrom(db, 'tasks', 'k', (d) => listTasksWithTotal(d, filter))).toBeLessThanOrEqual(eastOpen);
    expect(await rowsReadFrom(db, 'tenancies', null, (d) => listTasksWithTotal(d, filter))).toBeLessThanOrEqual(5);
    expect(await rowsReadFrom(db, 'tasks', 'k', (d) => listTasks(d, { ...filter, offset: 5 }))).toBeLessThanOrEqual(eastOpen);
    expect(await rowsReadFrom(db, 'tenancies', null, (d) => listTasks(d, { ...filter, offset: 5 }))).toBeLessThanOrEqual(5);
    expect(await rowsReadFrom(db, 'tasks', 'k', (d) => countTasks(d, filter))).toBeLessThanOrEqual(eastOpen);
    expect(await rowsReadFrom(db, 'tenancies', null, (d) => countTasks(d, filter))).toBe(0);
  });

  it("a task's patch is always its tenancy's: when written, when the tenancy moves patch or loses it, whatever a statement sets", async () => {
    expect(await mismatched()).toBe(0);
    const [moved] = await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE ref = 'TEN-E00'`);
    await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [moved!.id, west]);
    expect(await mismatched()).toBe(0);
    expect((await listTasks(db, { patchIds: [west], limit: 1000 })).map((r) => r.title)).toContain('E0');
    expect((await listTasks(db, { patchIds: [east], limit: 1000 })).map((r) => r.title)).not.toContain('E0');
    await db.query(`UPDATE tenancies SET patch_id = NULL WHERE id = $1`, [moved!.id]);
    expect(await mismatched()).toBe(0);
    await db.query(`UPDATE tasks SET patch_id = $1`, [east]);
    await db.query(
      `INSERT INTO tasks (tenancy_id, kind, title, due_on, idempotency_key, created_by, patch_id) VALUES ($1, 'dhp_referral', 'given', '2026-11-02', 'e:given', 't', $2)`,
      [moved!.id, east],
    );
    expect(await mismatched()).toBe(0);
    await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [moved!.id, east]);
    expect(await mismatched()).toBe(0);
  });

  it.runIf(process.env.DATABASE_URL)('side by side (PostgreSQL): a task made while its home moves patch is kept on the patch the move commits, in either order; closing one takes no lock', async () => {
    const [home] = await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE ref = 'TEN-E01'`);
    const patchOf = async (title: string) => (await db.query<{ patch_id: number | null }>(`SELECT patch_id FROM tasks WHERE title = $1`, [title]))[0]?.patch_id;
    const task = (title: string) => ({ tenancyId: home!.id, kind: 'dhp_referral', title, dueOn: '2026-11-05', idempotencyKey: `side:${title}`, createdBy: 't' });
    await db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [home!.id, east]);
    // The move first, then the task while the move is not committed: the task waits and takes the new patch.
    let made: Promise<unknown> = Promise.resolve();
    await db.transaction(async (move) => {
      await move.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [home!.id, west]);
      made = db.transaction((tx) => createTasks(tx, [task('during a move')]));
      expect(await untilAnotherSessionWaitsForALock(db)).toBe(true);
    });
    await made;
    expect(await patchOf('during a move')).toBe(west);
    // The task first, not committed, then the move: the move waits and carries it.
    let moved: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await createTasks(tx, [task('before a move')]);
      moved = db.query(`UPDATE tenancies SET patch_id = $2 WHERE id = $1`, [home!.id, east]);
      expect(await untilAnotherSessionWaitsForALock(db)).toBe(true);
    });
    await moved;
    expect(await patchOf('before a move')).toBe(east);
    expect(await patchOf('during a move')).toBe(east);
    // Closing a task while its home's row is locked by a move does not wait for the move.
    const [open] = await db.query<{ id: number }>(`SELECT id FROM tasks WHERE title = 'before a move'`);
    await db.transaction(async (move) => {
      await move.query(`UPDATE tenancies SET updated_at = now() WHERE id = $1`, [home!.id]);
      const closing = closeTask(db, open!.id, { status: 'done', on: '2026-11-23', by: 't', note: 'closed' });
      let timer: NodeJS.Timeout | undefined;
      const blocked = new Promise<'blocked'>((resolve) => (timer = setTimeout(() => resolve('blocked'), 5000)));
      expect(await Promise.race([closing, blocked])).toBe(true);
      clearTimeout(timer);
    });
    expect(await mismatched()).toBe(0);
  });
});

describe("a manager's tasks due: the page from the top of the open tasks in due order (0025), the total counted beside it", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createTestDatabase();
    const id = await aTenancyOnPatch(db, 'TEN-M1', 'Middle');
    // 900 open tasks due on three days (300 a day: ties on the date, ordered by id), 100 due later, 100 closed.
    await createTasks(
      db,
      Array.from({ length: 1100 }, (_x, i) => ({ tenancyId: id, kind: 'dhp_referral', title: `M${i}`, dueOn: i < 900 ? addDays('2026-11-01', (i * 7) % 3) : '2026-12-24', idempotencyKey: `m:${i}`, createdBy: 't' })),
    );
    const closing = await db.query<{ id: number }>(`SELECT id FROM tasks ORDER BY id DESC LIMIT 100`);
    for (const { id: taskId } of closing.slice(0, 100)) await closeTask(db, taskId, { status: 'done', on: '2026-11-20', by: 't', note: null });
    await db.exec('ANALYZE tasks');
  });
  afterAll(async () => db.close());

  it('the same rows and total as the page and the count, oldest due first and then by id', async () => {
    const filter: TaskFilter & { limit: number } = { dueBy: '2026-11-23', status: 'open', patchIds: null, limit: 10 };
    const { rows, total } = await listTasksWithTotal(db, filter);
    expect(total).toBe(900);
    expect(rows).toEqual(await listTasks(db, filter));
    const expected = await db.query<{ id: string }>(`SELECT id::text AS id FROM tasks k WHERE status = 'open' AND due_on <= '2026-11-23' ORDER BY k.due_on, k.id LIMIT 10`);
    expect(rows.map((r) => String(r.id))).toEqual(expected.map((r) => r.id));
  });

  it("a manager's page and count can each be planned once: their generic plans read the open tasks' indexes", async () => {
    const filter: TaskFilter & { limit: number } = { dueBy: '2026-11-23', status: 'open', patchIds: null, limit: 10 };
    const plans = await indexesOfGenericPlans(db, (d) => listTasksWithTotal(d, filter));
    expect(plans).toHaveLength(2);
    for (const indexes of plans) expect(indexes.some((name) => name.startsWith('tasks_open_'))).toBe(true);
  });

  it('the page reads its ten tasks, not the 900 due', async () => {
    const filter: TaskFilter & { limit: number } = { dueBy: '2026-11-23', status: 'open', patchIds: null, limit: 10 };
    expect(await rowsReadFrom(db, 'tasks', 'k', (d) => listTasks(d, filter))).toBeLessThanOrEqual(12);
  });
});
