import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { insertPatch, insertUser, listPatchNames, listWorklistFilterChoices, updateUser } from './user-store';

describe('listWorklistFilterChoices: the patches and the active caseworkers in one query', () => {
  let db: Db;
  let north: number;
  let south: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    south = (await insertPatch(db, 'South'))!;
    north = (await insertPatch(db, 'North'))!;
    const user = (username: string, displayName: string, role: 'officer' | 'senior_officer' | 'manager' | 'admin', patchId: number | null, extraRoles: ('officer' | 'manager')[] = []) =>
      insertUser(db, { username, displayName, role, extraRoles, patchId, passwordHash: null });
    await user('zoe', 'Zoe Officer', 'officer', south);
    await user('amy', 'Amy Senior', 'senior_officer', north);
    await user('mark', 'Mark Manager', 'manager', null);
    await user('mo', 'Mo Manager-Officer', 'manager', north, ['officer']);
    const gone = (await user('old', 'Ola Left', 'officer', south))!;
    await updateUser(db, gone, { displayName: 'Ola Left', role: 'officer', extraRoles: [], patchId: south, active: false });
  });
  afterAll(async () => db.close());

  it('lists the patches as listPatchNames does, by name', async () => {
    const { patches } = await listWorklistFilterChoices(db);
    expect(patches).toEqual(await listPatchNames(db));
    expect(patches).toEqual([
      { id: north, name: 'North' },
      { id: south, name: 'South' },
    ]);
  });

  it('lists active officers, senior officers and officers by extra role, by name, with their patch', async () => {
    const { officers } = await listWorklistFilterChoices(db);
    expect(officers.map((o) => [o.name, o.patchName])).toEqual([
      ['Amy Senior', 'North'],
      ['Mo Manager-Officer', 'North'],
      ['Zoe Officer', 'South'],
    ]);
    expect(officers.every((o) => typeof o.id === 'number')).toBe(true);
  });
});
