import type { Db } from '../../persistence/database';
import { appendAudit, type AuditEntry } from '../../persistence/stores/audit-store';

/** Who is doing something and from where: stamped on every audit entry. */
export interface AuditContext {
  actor: string;
  origin: string | null;
  now: Date;
}

/** Records reads and writes of tenants' personal data (who, what, when, from where). */
export async function audit(db: Db, ctx: AuditContext, entries: readonly Omit<AuditEntry, 'actor' | 'origin' | 'at'>[]): Promise<void> {
  await appendAudit(db, auditEntries(ctx, entries));
}

/** The entries as `audit` writes them (who, from where, when stamped on each), for a caller that writes them with other work. */
export function auditEntries(ctx: AuditContext, entries: readonly Omit<AuditEntry, 'actor' | 'origin' | 'at'>[]): AuditEntry[] {
  return entries.map((e) => ({ ...e, actor: ctx.actor, origin: ctx.origin, at: ctx.now }));
}
