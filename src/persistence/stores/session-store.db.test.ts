import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { findSession, saveSession } from './session-store';
import { findUserById, insertPatch, insertUser, updateUser } from './user-store';

describe('findSession reads the session with its user in one query', () => {
  let db: Db;
  let officerId: number;
  let patchId: number;
  const expires = new Date('2030-01-01T00:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    patchId = (await insertPatch(db, 'North'))!;
    officerId = (await insertUser(db, { username: 'ola', displayName: 'Ola Officer', role: 'officer', extraRoles: ['manager'], patchId, passwordHash: null }))!;
    await saveSession(db, { id: 'signed-in', user_id: officerId, data: { userId: officerId, csrfToken: 't' }, expires_at: expires });
    await saveSession(db, { id: 'anonymous', user_id: null, data: { csrfToken: 'u' }, expires_at: expires });
  });
  afterAll(async () => db.close());

  it('gives the session and the fields of its user that findUserById gives', async () => {
    const session = await findSession(db, 'signed-in');
    const user = (await findUserById(db, officerId))!;
    expect(session).toMatchObject({ id: 'signed-in', user_id: officerId, data: { userId: officerId, csrfToken: 't' } });
    expect(session!.expires_at.getTime()).toBe(expires.getTime());
    expect(session!.user).toEqual({
      id: user.id,
      username: user.username,
      display_name: user.display_name,
      role: user.role,
      extra_roles: user.extra_roles,
      patch_id: user.patch_id,
      patch_name: user.patch_name,
      active: true,
    });
    expect(session!.user).toMatchObject({ username: 'ola', role: 'officer', extra_roles: ['manager'], patch_id: patchId, patch_name: 'North' });
  });

  it('gives no user for a session nobody signed in to, and none for an unknown id', async () => {
    expect((await findSession(db, 'anonymous'))!.user).toBeNull();
    expect(await findSession(db, 'no-such-session')).toBeNull();
  });

  it('says when the user has been deactivated (the request then ends the session)', async () => {
    await updateUser(db, officerId, { displayName: 'Ola Officer', role: 'officer', extraRoles: [], patchId, active: false });
    expect((await findSession(db, 'signed-in'))!.user).toMatchObject({ id: officerId, active: false, extra_roles: [] });
  });
});
