import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { rowsReadFrom } from '../../../test/support/rows-read';
import { createTestDatabase } from '../../../test/support/test-database';
import { addDays } from '../../domain/calendar/business-date';
import type { Db } from '../database';
import { closeTask, countTasks, createTasks, listTasks, listTasksWithTotal, type TaskFilter } from './task-store';

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
