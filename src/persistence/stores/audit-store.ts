import type { Db } from '../database';

export interface AuditEntry {
  actor: string;
  /** read | create | update | delete | sign_in | sign_in_failed | sign_out | … */
  action: string;
  /** What was touched: tenancy, tenancy_contact, worklist, search, statement, letter, case_event, user, … */
  entity: string;
  entityId?: string | null;
  tenancyId?: number | null;
  origin?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  tenancy_id: number | null;
  tenancy_ref: string | null;
  origin: string | null;
  details: Record<string, unknown>;
}

export async function appendAudit(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, tenancy_id, origin, details)
     SELECT coalesce(a, now()), b, c, d, e, f, g, h
     FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::jsonb[]) AS x(a, b, c, d, e, f, g, h)`,
    [
      entries.map((e) => e.at ?? null),
      entries.map((e) => e.actor),
      entries.map((e) => e.action),
      entries.map((e) => e.entity),
      entries.map((e) => e.entityId ?? null),
      entries.map((e) => e.tenancyId ?? null),
      entries.map((e) => e.origin ?? null),
      entries.map((e) => JSON.stringify(e.details ?? {})),
    ],
  );
}

export interface AuditQuery {
  actor?: string | null;
  tenancyRef?: string | null;
  action?: string | null;
  entity?: string | null;
  from?: string | null;
  to?: string | null;
  limit: number;
  offset: number;
}

/** Audit entries, newest first; `from`/`to` are dates (inclusive) in UTC. */
export async function searchAudit(db: Db, q: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (q.actor) add('a.actor = ?', q.actor);
  if (q.tenancyRef) add('a.tenancy_id = (SELECT id FROM tenancies WHERE ref = ?)', q.tenancyRef);
  if (q.action) add('a.action = ?', q.action);
  if (q.entity) add('a.entity = ?', q.entity);
  if (q.from) add(`a.at >= ?::date`, q.from);
  if (q.to) add(`a.at < (?::date + 1)`, q.to);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log a ${where}`, params);
  const rows = await db.query<AuditRow>(
    `SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.tenancy_id, t.ref AS tenancy_ref, a.origin, a.details
     FROM audit_log a LEFT JOIN tenancies t ON t.id = a.tenancy_id ${where}
     ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  return { rows, total: count?.n ?? 0 };
}
