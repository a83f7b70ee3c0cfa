import type { Db } from '../database';

export interface PolicyVersionRow {
  version: number;
  document: unknown;
  applied_by: string;
  applied_at: Date;
  note: string | null;
}

export async function latestPolicyVersion(db: Db): Promise<PolicyVersionRow | null> {
  const rows = await db.query<PolicyVersionRow>(`SELECT version, document, applied_by, applied_at, note FROM policy_versions ORDER BY version DESC LIMIT 1`);
  return rows[0] ?? null;
}

export async function listPolicyVersions(db: Db): Promise<PolicyVersionRow[]> {
  return db.query<PolicyVersionRow>(`SELECT version, document, applied_by, applied_at, note FROM policy_versions ORDER BY version`);
}

/** Stores a policy version; a version number already stored is left as it is (returns false). */
export async function insertPolicyVersion(db: Db, version: number, document: unknown, appliedBy: string, note: string | null): Promise<boolean> {
  const rows = await db.query<{ version: number }>(
    `INSERT INTO policy_versions (version, document, applied_by, note) VALUES ($1, $2, $3, $4) ON CONFLICT (version) DO NOTHING RETURNING version`,
    [version, JSON.stringify(document), appliedBy, note],
  );
  return rows.length > 0;
}
