import type { Db } from '../../persistence/database';
import { findUserByUsername, recordFailedSignIn, recordSuccessfulSignIn } from '../../persistence/stores/user-store';
import { hashPassword, verifyPassword } from './passwords';
import type { Actor } from './permissions';
import { actorFromUser } from './users';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export type SignInResult = { ok: true; actor: Actor } | { ok: false; reason: 'invalid' | 'locked' };

let dummyHash: Promise<string> | null = null;

/**
 * Checks a username and password. Unknown usernames take as long as known ones (a dummy hash is
 * verified), and five failures in a row lock the account for 15 minutes.
 */
export async function signInWithPassword(db: Db, username: string, password: string, now: Date): Promise<SignInResult> {
  const user = await findUserByUsername(db, username.trim().toLowerCase());
  if (!user || !user.active || !user.password_hash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: 'invalid' };
  }
  if (user.locked_until && user.locked_until.getTime() > now.getTime()) return { ok: false, reason: 'locked' };
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordFailedSignIn(db, user.id, MAX_FAILED_SIGN_INS, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
    return { ok: false, reason: 'invalid' };
  }
  await recordSuccessfulSignIn(db, user.id, now);
  return { ok: true, actor: actorFromUser(user) };
}
