import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';
import { findUserByUsername } from '../../../persistence/stores/user-store';
import { verifyPassword } from '../../../application/users/passwords';

describe('/admin/users', () => {
  let t: WebTestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createWebTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t.close());

  it('creates a user with a hashed password, and refuses a taken username or a short password', async () => {
    const ok = await admin.post('/admin/users/new', { username: 'Jo.Bloggs', name: 'Jo Bloggs', role: 'officer', patch: String(t.seed.patches.south), password: 'a-long-enough-one' });
    expect(ok.status).toBe(303);
    const user = (await findUserByUsername(t.db, 'jo.bloggs'))!;
    expect(user).toMatchObject({ role: 'officer', patch_name: 'Southbank', display_name: 'Jo Bloggs' });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.password_hash!, 'a-long-enough-one')).toBe(true);
    const taken = await admin.post('/admin/users/new', { username: 'jo.bloggs', name: 'x', role: 'officer', password: 'a-long-enough-one' });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('already taken');
    const short = await admin.post('/admin/users/new', { username: 'sam', name: 'x', role: 'boss', password: 'short' });
    expect(short.text).toContain('12 characters or more');
    expect(short.text).toContain('Select a role');
  });

  it('changes a role and patch, deactivates (ending sessions), resets a password', async () => {
    const jo = (await findUserByUsername(t.db, 'jo.bloggs'))!;
    const session = await t.signIn('officer.nopatch');
    const target = (await findUserByUsername(t.db, 'officer.nopatch'))!;
    expect((await admin.post(`/admin/users/${target.id}`, { name: 'No patch', role: 'senior_officer', patch: '' })).status).toBe(303);
    expect((await findUserByUsername(t.db, 'officer.nopatch'))!).toMatchObject({ role: 'senior_officer', active: false });
    expect((await session.agent.get('/worklist')).headers.location).toBe('/sign-in');
    expect((await admin.post(`/admin/users/${jo.id}/password`, { password: 'short' })).status).toBe(400);
    expect((await admin.post(`/admin/users/${jo.id}/password`, { password: 'another-long-password' })).status).toBe(303);
    expect(await verifyPassword((await findUserByUsername(t.db, 'jo.bloggs'))!.password_hash!, 'another-long-password')).toBe(true);
    expect((await admin.agent.get('/admin/users/999999')).status).toBe(404);
  });

  it('an administrator cannot remove their own administrator access', async () => {
    const res = await admin.post(`/admin/users/${t.seed.users.admin.id}`, { name: 'Admin', role: 'officer', active: 'yes' });
    expect(res.status).toBe(400);
    expect((await findUserByUsername(t.db, 'admin'))!.role).toBe('admin');
  });

  it('an administrator who is also an officer works cases', async () => {
    expect((await admin.post('/admin/users/new', { username: 'admin.two', name: 'A2', role: 'admin', alsoOfficer: 'yes', patch: String(t.seed.patches.north), password: t.seed.password })).status).toBe(303);
    expect((await findUserByUsername(t.db, 'admin.two'))!.extra_roles).toEqual(['officer']);
    const both = await t.signIn('admin.two');
    expect((await both.agent.get('/worklist')).status).toBe(200);
    expect((await both.agent.get('/admin/users')).status).toBe(200);
  });
});
