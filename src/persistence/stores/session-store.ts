import type { Db } from '../database';

/** A web session as stored: the key is a hash of the cookie's value, never the value itself. */
export interface SessionRow {
  id: string;
  user_id: number | null;
  data: Record<string, unknown>;
  expires_at: Date;
}

export async function findSession(db: Db, idHash: string): Promise<SessionRow | null> {
  const rows = await db.query<SessionRow>(`SELECT id, user_id, data, expires_at FROM web_sessions WHERE id = $1`, [idHash]);
  return rows[0] ?? null;
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
