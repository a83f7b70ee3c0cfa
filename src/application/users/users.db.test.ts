import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../../persistence/database';
import { findUserByUsername, insertPatch } from '../../persistence/stores/user-store';
import { verifyPassword } from './passwords';
import { DEMO_PASSWORD, seedDemoUsers } from './seed-demo-users';
import { signInWithPassword } from './sign-in';

describe('demo users and password sign-in', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    await insertPatch(db, 'Northgate');
    await insertPatch(db, 'St. Mary’s & Hill');
  });
  afterAll(async () => db.close());

  it('seeds one officer per patch, a senior officer, a manager and an administrator; idempotently', async () => {
    const first = await seedDemoUsers(db);
    expect(first.map((u) => [u.username, u.role, u.patch])).toEqual([
      ['officer.northgate', 'officer', 'Northgate'],
      ['officer.st-mary-s-hill', 'officer', 'St. Mary’s & Hill'],
      ['senior', 'senior_officer', null],
      ['manager', 'manager', null],
      ['admin', 'admin', null],
    ]);
    expect(first.every((u) => u.password === DEMO_PASSWORD)).toBe(true);
    const hash = (await findUserByUsername(db, 'manager'))!.password_hash!;
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
    const second = await seedDemoUsers(db);
    expect(second).toEqual(first);
    expect((await db.query(`SELECT 1 FROM users`)).length).toBe(5);
    expect((await findUserByUsername(db, 'manager'))!.password_hash).toBe(hash);
  });

  it('signs in with the right password, refuses others, locks after five failures', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(await signInWithPassword(db, 'SENIOR', DEMO_PASSWORD, now)).toMatchObject({ ok: true, actor: { username: 'senior', role: 'senior_officer' } });
    expect(await signInWithPassword(db, 'nobody', DEMO_PASSWORD, now)).toEqual({ ok: false, reason: 'invalid' });
    for (let i = 0; i < 5; i += 1) expect((await signInWithPassword(db, 'admin', 'wrong', now)).ok).toBe(false);
    expect(await signInWithPassword(db, 'admin', DEMO_PASSWORD, now)).toEqual({ ok: false, reason: 'locked' });
    expect((await signInWithPassword(db, 'admin', DEMO_PASSWORD, new Date(now.getTime() + 16 * 60_000))).ok).toBe(true);
  });
});
