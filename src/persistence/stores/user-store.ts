import type { Db } from '../database';

export type Role = 'officer' | 'senior_officer' | 'manager' | 'admin';
export const ROLES: readonly Role[] = ['officer', 'senior_officer', 'manager', 'admin'];

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  extra_roles: Role[];
  patch_id: number | null;
  patch_name: string | null;
  password_hash: string | null;
  oidc_subject: string | null;
  active: boolean;
  failed_sign_ins: number;
  locked_until: Date | null;
  last_signed_in_at: Date | null;
  created_at: Date;
}

const SELECT_USER = `
  SELECT u.id, u.username, u.display_name, u.role, u.extra_roles, u.patch_id, p.name AS patch_name, u.password_hash, u.oidc_subject,
         u.active, u.failed_sign_ins, u.locked_until, u.last_signed_in_at, u.created_at
  FROM users u LEFT JOIN patches p ON p.id = u.patch_id`;

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  extraRoles?: readonly Role[];
  patchId: number | null;
  passwordHash: string | null;
  oidcSubject?: string | null;
}

/** Creates a user; null when the username is taken. */
export async function insertUser(db: Db, user: NewUser): Promise<number | null> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, extra_roles, patch_id, password_hash, oidc_subject)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [user.username, user.displayName, user.role, [...(user.extraRoles ?? [])], user.patchId, user.passwordHash, user.oidcSubject ?? null],
  );
  return rows[0]?.id ?? null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE u.username = $1`, [username]);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findUserByOidcSubject(db: Db, subject: string): Promise<UserRow | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE u.oidc_subject = $1`, [subject]);
  return rows[0] ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.query<UserRow>(`${SELECT_USER} ORDER BY u.username`);
}

export async function updateUser(
  db: Db,
  id: number,
  changes: { displayName: string; role: Role; extraRoles: readonly Role[]; patchId: number | null; active: boolean },
): Promise<void> {
  await db.query(`UPDATE users SET display_name = $2, role = $3, extra_roles = $4::text[], patch_id = $5, active = $6 WHERE id = $1`, [
    id,
    changes.displayName,
    changes.role,
    [...changes.extraRoles],
    changes.patchId,
    changes.active,
  ]);
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.query(`UPDATE users SET password_hash = $2, failed_sign_ins = 0, locked_until = NULL WHERE id = $1`, [id, passwordHash]);
}

export async function linkOidcSubject(db: Db, id: number, subject: string): Promise<void> {
  await db.query(`UPDATE users SET oidc_subject = $2 WHERE id = $1`, [id, subject]);
}

/** Counts a failed sign-in; locks the account until `lockUntil` once `maxFailures` is reached. */
export async function recordFailedSignIn(db: Db, id: number, maxFailures: number, lockUntil: Date): Promise<void> {
  await db.query(
    `UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
       locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1`,
    [id, maxFailures, lockUntil],
  );
}

export async function recordSuccessfulSignIn(db: Db, id: number, at: Date): Promise<void> {
  await db.query(`UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_signed_in_at = $2 WHERE id = $1`, [id, at]);
}

export interface PatchRow {
  id: number;
  name: string;
  tenancies: number;
  officers: string[];
}

export async function listPatches(db: Db): Promise<PatchRow[]> {
  return db.query<PatchRow>(
    `SELECT p.id, p.name,
       (SELECT count(*)::int FROM tenancies t WHERE t.patch_id = p.id) AS tenancies,
       coalesce((SELECT array_agg(u.display_name ORDER BY u.display_name) FROM users u WHERE u.patch_id = p.id AND u.active), '{}') AS officers
     FROM patches p ORDER BY p.name`,
  );
}

export async function findPatchByName(db: Db, name: string): Promise<{ id: number; name: string } | null> {
  const rows = await db.query<{ id: number; name: string }>(`SELECT id, name FROM patches WHERE name = $1`, [name]);
  return rows[0] ?? null;
}

export async function findPatchById(db: Db, id: number): Promise<{ id: number; name: string } | null> {
  const rows = await db.query<{ id: number; name: string }>(`SELECT id, name FROM patches WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Creates a patch; null when the name is taken. */
export async function insertPatch(db: Db, name: string): Promise<number | null> {
  const rows = await db.query<{ id: number }>(`INSERT INTO patches (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id`, [name]);
  return rows[0]?.id ?? null;
}

/** Renames a patch; false when another patch has the name. */
export async function renamePatch(db: Db, id: number, name: string): Promise<boolean> {
  const clash = await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = $1 AND id <> $2`, [name, id]);
  if (clash.length > 0) return false;
  await db.query(`UPDATE patches SET name = $2 WHERE id = $1`, [id, name]);
  return true;
}

export async function listPatchNames(db: Db): Promise<{ id: number; name: string }[]> {
  return db.query<{ id: number; name: string }>(`SELECT id, name FROM patches ORDER BY name`);
}

/**
 * The worklist's filter choices in one round trip (every worklist page shows both): the patches by name
 * (as listPatchNames), and the active caseworkers — officers, senior officers and anyone with the officer
 * role besides their own — by name, with their patch.
 */
export async function listWorklistFilterChoices(
  db: Db,
): Promise<{ patches: { id: number; name: string }[]; officers: { id: number; name: string; patchName: string | null }[] }> {
  const [row] = await db.query<{ patches: { id: number; name: string }[]; officers: { id: number; name: string; patchName: string | null }[] }>(
    `SELECT (SELECT coalesce(json_agg(json_build_object('id', pa.id, 'name', pa.name) ORDER BY pa.name), '[]') FROM patches pa) AS patches,
            (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.display_name, 'patchName', p.name) ORDER BY u.display_name), '[]')
             FROM users u LEFT JOIN patches p ON p.id = u.patch_id WHERE u.active AND (u.role IN ('officer', 'senior_officer') OR 'officer' = ANY(u.extra_roles))) AS officers`,
  );
  return { patches: row?.patches ?? [], officers: row?.officers ?? [] };
}
