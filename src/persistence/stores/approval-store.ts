import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export type ApprovalStatus = 'pending' | 'approved' | 'declined';

export interface ApprovalRow {
  id: number;
  tenancy_id: number;
  tenancy_ref: string;
  patch_id: number | null;
  patch_name: string | null;
  action: string;
  assessment_id: number | null;
  recommended_action: string | null;
  requested_by: number;
  requested_by_name: string;
  requested_at: Date;
  request_note: string | null;
  status: ApprovalStatus;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  /** The business day of the decision (the workspace's today when it was made). */
  decided_on: BusinessDate | null;
  decision_reason: string | null;
  action_event_id: number | null;
  real_arrears_pence: number | null;
  names: string | null;
}

const APPROVAL_COLUMNS = `ap.id, ap.tenancy_id, t.ref AS tenancy_ref, t.patch_id, pa.name AS patch_name, ap.action, ap.assessment_id, ap.recommended_action,
         ap.requested_by, ru.display_name AS requested_by_name, ap.requested_at, ap.request_note, ap.status, ap.decided_by,
         du.display_name AS decided_by_name, ap.decided_at, ap.decided_on, ap.decision_reason, ap.action_event_id, c.real_arrears_pence,
         (SELECT string_agg(tn.name, ' & ' ORDER BY tn.position) FROM tenants tn WHERE tn.tenancy_id = t.id) AS names`;
const APPROVAL_JOINS = `
  JOIN tenancies t ON t.id = ap.tenancy_id
  LEFT JOIN patches pa ON pa.id = t.patch_id
  JOIN users ru ON ru.id = ap.requested_by
  LEFT JOIN users du ON du.id = ap.decided_by
  LEFT JOIN current_assessments c ON c.tenancy_id = ap.tenancy_id`;
const SELECT_APPROVAL = `SELECT ${APPROVAL_COLUMNS} FROM approvals ap ${APPROVAL_JOINS}`;

/** Opens a request; null when the same action already waits for approval on this tenancy. */
export async function insertApproval(
  db: Db,
  a: { tenancyId: number; action: string; assessmentId: number | null; recommendedAction: string | null; requestedBy: number; note: string | null; at: Date },
): Promise<number | null> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO approvals (tenancy_id, action, assessment_id, recommended_action, requested_by, request_note, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenancy_id, action) WHERE status = 'pending' DO NOTHING RETURNING id`,
    [a.tenancyId, a.action, a.assessmentId, a.recommendedAction, a.requestedBy, a.note, a.at],
  );
  return rows[0]?.id ?? null;
}

export async function findApproval(db: Db, id: number): Promise<ApprovalRow | null> {
  const rows = await db.query<ApprovalRow>(`${SELECT_APPROVAL} WHERE ap.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listApprovals(db: Db, status: ApprovalStatus | 'decided', limit = 200): Promise<ApprovalRow[]> {
  if (status === 'decided') {
    // The latest decisions are chosen from their index (migration 0023), then each is looked up by key with what
    // is joined to it: joining first would read every decision ever made to sort them.
    return db.query<ApprovalRow>(
      `SELECT ${APPROVAL_COLUMNS}
       FROM (SELECT d.id FROM approvals d WHERE d.status <> 'pending' ORDER BY d.decided_at DESC, d.id DESC LIMIT $1) chosen
       CROSS JOIN LATERAL (SELECT * FROM approvals ap WHERE ap.id = chosen.id OFFSET 0) ap
       ${APPROVAL_JOINS}
       ORDER BY ap.decided_at DESC, ap.id DESC`,
      [limit],
    );
  }
  return db.query<ApprovalRow>(`${SELECT_APPROVAL} WHERE ap.status = $1 ORDER BY ap.requested_at, ap.id LIMIT $2`, [status, limit]);
}

export async function listApprovalsOfTenancy(db: Db, tenancyId: number): Promise<ApprovalRow[]> {
  return db.query<ApprovalRow>(`${SELECT_APPROVAL} WHERE ap.tenancy_id = $1 ORDER BY ap.requested_at DESC, ap.id DESC`, [tenancyId]);
}

/** Decides a pending request (only if still pending and not the requester's own); false otherwise. */
export async function decideApproval(
  db: Db,
  d: { id: number; status: 'approved' | 'declined'; decidedBy: number; reason: string | null; at: Date; on: BusinessDate; actionEventId: number | null },
): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `UPDATE approvals SET status = $2, decided_by = $3, decision_reason = $4, decided_at = $5, decided_on = $7, action_event_id = $6
     WHERE id = $1 AND status = 'pending' AND requested_by <> $3 RETURNING id`,
    [d.id, d.status, d.decidedBy, d.reason, d.at, d.actionEventId, d.on],
  );
  return rows.length > 0;
}

export async function countPendingApprovals(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM approvals WHERE status = 'pending'`);
  return r?.n ?? 0;
}
