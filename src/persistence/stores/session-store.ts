import type { Db } from '../database';
import type { Role, UserRow } from './user-store';

/** A web session as stored: the key is a hash of the cookie's value, never the value itself. */
export interface SessionRow {
  id: string;
  user_id: number | null;
  data: Record<string, unknown>;
  expires_at: Date;
}

/** The user a session belongs to, read with it (what a request needs to know who is signed in). */
export type SessionUser = Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'extra_roles' | 'patch_id' | 'patch_name' | 'active'>;

/**
 * The session with its user (null for a session nobody has signed in to, or whose user is gone), in one
 * query: every request reads both, so they come in one round trip.
 */
export async function findSession(db: Db, idHash: string): Promise<(SessionRow & { user: SessionUser | null }) | null> {
  const rows = await db.query<SessionRow & { u_id: number | null } & { [K in keyof SessionUser as `u_${K}`]: SessionUser[K] | null }>(
    `SELECT s.id, s.user_id, s.data, s.expires_at,
            u.id AS u_id, u.username AS u_username, u.display_name AS u_display_name, u.role AS u_role, u.extra_roles AS u_extra_roles,
            u.patch_id AS u_patch_id, p.name AS u_patch_name, u.active AS u_active
     FROM web_sessions s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN patches p ON p.id = u.patch_id
     WHERE s.id = $1`,
    [idHash],
  );
  const r = rows[0];
  if (!r) return null;
  const user: SessionUser | null =
    r.u_id === null
      ? null
      : {
          id: r.u_id,
          username: r.u_username ?? '',
          display_name: r.u_display_name ?? '',
          role: r.u_role as Role,
          extra_roles: r.u_extra_roles ?? [],
          patch_id: r.u_patch_id,
          patch_name: r.u_patch_name,
          active: r.u_active === true,
        };
  return { id: r.id, user_id: r.user_id, data: r.data, expires_at: r.expires_at, user };
}

export async function saveSession(db: Db, session: SessionRow): Promise<void> {
  await db.query(
    `INSERT INTO web_sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
    [session.id, session.user_id, JSON.stringify(session.data), session.expires_at],
  );
}

export async function touchSession(db: Db, idHash: string, expiresAt: Date): Promise<void> {
  await db.query(`UPDATE web_sessions SET expires_at = $2 WHERE id = $1`, [idHash, expiresAt]);
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.query(`DELETE FROM web_sessions WHERE id = $1`, [idHash]);
}

/** Ends every session of a user (e.g. when an administrator deactivates the account). */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.query(`DELETE FROM web_sessions WHERE user_id = $1`, [userId]);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>(`DELETE FROM web_sessions WHERE expires_at < $1 RETURNING id`, [now]);
  return rows.length;
}
