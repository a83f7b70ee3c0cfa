import type { Db } from '../../persistence/database';
import { findUserByUsername, insertUser, listPatches, type Role } from '../../persistence/stores/user-store';
import { hashPassword } from './passwords';

/** The one password every demo account shares (documented in the README and printed by `rentwise demo`). */
export const DEMO_PASSWORD = 'demo-password-1';

export interface DemoUser {
  username: string;
  password: string;
  role: Role;
  patch: string | null;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'patch'
  );
}

/**
 * Creates the demo sign-ins: one income officer per patch (`officer.<patch>`), `senior` (senior income
 * officer), `manager` (income manager, approves) and `admin` (administrator), all with DEMO_PASSWORD.
 * Idempotent: accounts that exist are left as they are.
 */
export async function seedDemoUsers(db: Db): Promise<DemoUser[]> {
  const patches = await listPatches(db);
  const wanted: { username: string; displayName: string; role: Role; patchId: number | null; patch: string | null }[] = [];
  const used = new Set<string>();
  for (const p of patches) {
    let username = `officer.${slug(p.name)}`;
    for (let n = 2; used.has(username); n += 1) username = `officer.${slug(p.name)}-${n}`;
    used.add(username);
    wanted.push({ username, displayName: `${p.name} income officer`, role: 'officer', patchId: p.id, patch: p.name });
  }
  wanted.push({ username: 'senior', displayName: 'Senior income officer', role: 'senior_officer', patchId: null, patch: null });
  wanted.push({ username: 'manager', displayName: 'Income manager', role: 'manager', patchId: null, patch: null });
  wanted.push({ username: 'admin', displayName: 'Administrator', role: 'admin', patchId: null, patch: null });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result: DemoUser[] = [];
  for (const w of wanted) {
    if (!(await findUserByUsername(db, w.username))) {
      await insertUser(db, { username: w.username, displayName: w.displayName, role: w.role, patchId: w.patchId, passwordHash });
    }
    result.push({ username: w.username, password: DEMO_PASSWORD, role: w.role, patch: w.patch });
  }
  return result;
}
