import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { findTenancyByRef, type TenancyRow } from '../../persistence/stores/tenancy-store';
import { reassessTenancies } from '../assessment/reassess';
import type { AuditContext } from '../audit/audit';
import { canActOnPatch, canSeeCases, type Actor } from '../users/permissions';

/** What every use case that changes a case needs: the database, who, from where, and the business date. */
export interface CaseContext {
  db: Db;
  actor: Actor;
  audit: AuditContext;
  today: BusinessDate;
  /** Called when re-assessing fails (the decision is kept; the recommendation is refreshed by the next run). */
  onReassessError?: (error: unknown) => void;
}

export type CaseAccess = { ok: true; tenancy: TenancyRow } | { ok: false; reason: 'not_found' | 'forbidden' };

/** The tenancy `ref` when the actor may see it. */
export async function caseToView(db: Db, actor: Actor, ref: string): Promise<CaseAccess> {
  if (!canSeeCases(actor)) return { ok: false, reason: 'forbidden' };
  const tenancy = await findTenancyByRef(db, ref);
  if (!tenancy) return { ok: false, reason: 'not_found' };
  return { ok: true, tenancy };
}

/** The tenancy `ref` when the actor may record on it (their patch, or every patch for seniors and managers). */
export async function caseToActOn(db: Db, actor: Actor, ref: string): Promise<CaseAccess> {
  const access = await caseToView(db, actor, ref);
  if (!access.ok) return access;
  if (!canActOnPatch(actor, access.tenancy.patch_id)) return { ok: false, reason: 'forbidden' };
  return access;
}

/** Re-assesses after a decision or a recorded event, at once; true when the recommendation was refreshed. */
export async function reassessAfterChange(ctx: CaseContext, tenancyIds: readonly number[]): Promise<boolean> {
  try {
    await reassessTenancies(ctx.db, tenancyIds, ctx.today, 'decision');
    return true;
  } catch (error) {
    ctx.onReassessError?.(error);
    return false;
  }
}
