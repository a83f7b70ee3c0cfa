import type { Db } from '../../persistence/database';
import {
  findPatchByName,
  findUserById,
  findUserByUsername,
  insertUser,
  ROLES,
  setPasswordHash,
  updateUser,
  type Role,
} from '../../persistence/stores/user-store';
import { deleteSessionsOfUser, type SessionUser } from '../../persistence/stores/session-store';
import { hashPassword, passwordProblem } from './passwords';
import type { Actor } from './permissions';

export type UserProblem = { field: 'username' | 'role' | 'patch' | 'name' | 'password'; message: string };

export interface NewUserInput {
  username: string;
  role: string;
  patchName?: string | null;
  displayName?: string | null;
  password?: string | null;
  alsoOfficer?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Creates a local account (password hashed with argon2). Returns the id, or the problems found. */
export async function createUserAccount(db: Db, input: NewUserInput): Promise<{ id: number } | { problems: UserProblem[] }> {
  const problems: UserProblem[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) problems.push({ field: 'username', message: 'Username must be 2 to 63 characters: lower-case letters, numbers, dots, dashes or underscores' });
  if (!isRole(input.role)) problems.push({ field: 'role', message: 'Select a role: officer, senior_officer, manager or admin' });
  let patchId: number | null = null;
  if (input.patchName && input.patchName.trim() !== '') {
    const patch = await findPatchByName(db, input.patchName.trim());
    if (!patch) problems.push({ field: 'patch', message: `There is no patch called "${input.patchName.trim()}"` });
    else patchId = patch.id;
  }
  const password = input.password ?? '';
  const pwProblem = password === '' ? 'Enter a password' : passwordProblem(password);
  if (pwProblem) problems.push({ field: 'password', message: pwProblem });
  const displayName = (input.displayName ?? '').trim() || username;
  if (displayName.length > 100) problems.push({ field: 'name', message: 'Name must be 100 characters or fewer' });
  if (problems.length === 0 && (await findUserByUsername(db, username))) problems.push({ field: 'username', message: `The username ${username} is already taken` });
  if (problems.length > 0) return { problems };
  const role = input.role as Role;
  const id = await insertUser(db, {
    username,
    displayName,
    role,
    extraRoles: input.alsoOfficer && role === 'admin' ? ['officer'] : [],
    patchId,
    passwordHash: await hashPassword(password),
  });
  if (id === null) return { problems: [{ field: 'username', message: `The username ${username} is already taken` }] };
  return { id };
}

export async function changeUser(
  db: Db,
  id: number,
  input: { displayName: string; role: string; patchId: number | null; active: boolean; alsoOfficer: boolean },
): Promise<{ ok: true } | { problems: UserProblem[] }> {
  const problems: UserProblem[] = [];
  if (!isRole(input.role)) problems.push({ field: 'role', message: 'Select a role' });
  const displayName = input.displayName.trim();
  if (displayName === '') problems.push({ field: 'name', message: 'Enter a name' });
  if (problems.length > 0) return { problems };
  const role = input.role as Role;
  await updateUser(db, id, { displayName, role, extraRoles: input.alsoOfficer && role === 'admin' ? ['officer'] : [], patchId: input.patchId, active: input.active });
  if (!input.active) await deleteSessionsOfUser(db, id);
  return { ok: true };
}

export async function resetPassword(db: Db, id: number, password: string): Promise<{ ok: true } | { problems: UserProblem[] }> {
  const problem = passwordProblem(password);
  if (problem) return { problems: [{ field: 'password', message: problem }] };
  await setPasswordHash(db, id, await hashPassword(password));
  await deleteSessionsOfUser(db, id);
  return { ok: true };
}

export function actorFromUser(user: Omit<SessionUser, 'active'>): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    extraRoles: user.extra_roles ?? [],
    patchId: user.patch_id,
    patchName: user.patch_name,
  };
}

/** The actor a user acts as, or null when there is no such user or it has been deactivated. */
export function activeActor(user: SessionUser | null): Actor | null {
  return user !== null && user.active ? actorFromUser(user) : null;
}

export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  return activeActor(await findUserById(db, userId));
}
