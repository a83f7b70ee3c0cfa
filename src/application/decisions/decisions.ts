import { currentAssessment } from '../../persistence/stores/assessment-store';
import { decideApproval, findApproval, insertApproval } from '../../persistence/stores/approval-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { appendAudit } from '../../persistence/stores/audit-store';
import type { Db } from '../../persistence/database';
import type { TenancyRow } from '../../persistence/stores/tenancy-store';
import { findTenancyById } from '../../persistence/stores/tenancy-store';
import { caseToActOn, reassessAfterChange, type CaseContext } from '../case-events/case-access';
import { isLetterAction, produceLetterForAction } from './letter-for-action';
import { canActOnPatch, canApprove } from '../users/permissions';

/** Every action code of the case-file contract. */
export const ACTION_CODES: readonly string[] = [
  'none', 'monitor', 'send_letter_1', 'send_letter_2', 'home_visit', 'send_final_warning', 'complete_pre_action', 'serve_notice',
  'monitor_notice', 'apply_for_possession', 'prepare_hearing', 'monitor_order', 'apply_for_warrant', 'apply_to_fix_date', 'apply_to_restore',
  'prepare_eviction', 'cancel_eviction', 'monitor_arrangement', 'review_arrangement', 'review_vulnerability', 'chase_benefit_claim',
  'request_managed_payment', 'request_third_party_deduction', 'request_hb_direct_payment', 'offer_dhp_support', 'resolve_dispute', 'hold',
  'send_fta_letter', 'trace_referral', 'debt_agency_referral', 'propose_write_off', 'refund_credit',
];

/** Actions a manager approves before they are recorded (recovery policy §5). */
export const APPROVAL_ACTIONS: readonly string[] = ['apply_for_possession', 'apply_for_warrant', 'apply_to_fix_date', 'apply_to_restore', 'propose_write_off'];

/** Recommendations that ask nothing of the officer today: nothing to confirm or reject. */
export const PASSIVE_ACTIONS: readonly string[] = ['none', 'monitor', 'monitor_notice', 'monitor_order', 'monitor_arrangement', 'hold'];

/** Actions an officer may choose instead of the recommendation. */
export const OVERRIDE_ACTIONS: readonly string[] = ACTION_CODES.filter((a) => !PASSIVE_ACTIONS.includes(a));

export const REJECTION_REASON_CODES: readonly string[] = ['payment_promised', 'payment_in_transit', 'benefit_claim', 'vulnerability', 'data_error', 'already_done', 'other'];

export function needsApproval(action: string): boolean {
  return APPROVAL_ACTIONS.includes(action);
}

export type DecisionOutcome =
  | { kind: 'recorded'; action: string; eventId: number; letterId: number | null; reassessed: boolean }
  | { kind: 'approval_requested'; action: string; approvalId: number; reassessed: boolean }
  | { kind: 'rejected'; eventId: number; reassessed: boolean }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  /** The recommendation changed (or was decided) since the page was shown. */
  | { kind: 'stale' }
  | { kind: 'already_pending'; action: string }
  | { kind: 'invalid'; problems: { field: string; message: string }[] };

/** The decision was already taken (a double submit, or the same assessment decided twice): roll back. */
class StaleDecision extends Error {}

/** The action asked for already waits for approval on this tenancy. */
class AlreadyPending extends Error {}

function staleAsValue(error: unknown): { kind: 'stale' } {
  if (error instanceof StaleDecision) return { kind: 'stale' };
  throw error;
}

/** Records the action (and its letter) or opens an approval request; in the caller's transaction. */
async function takeAction(
  tx: Db,
  ctx: CaseContext,
  tenancy: TenancyRow,
  action: string,
  details: Record<string, unknown>,
  note: string | null,
  idempotencyKey: string | null,
): Promise<{ kind: 'recorded'; eventId: number; letterId: number | null } | { kind: 'approval_requested'; approvalId: number } | { kind: 'already_pending' }> {
  if (needsApproval(action)) {
    const approvalId = await insertApproval(tx, {
      tenancyId: tenancy.id,
      action,
      assessmentId: typeof details.assessmentId === 'number' ? details.assessmentId : null,
      recommendedAction: typeof details.recommended === 'string' ? details.recommended : null,
      requestedBy: ctx.actor.id,
      note,
      at: ctx.audit.now,
    });
    if (approvalId === null) return { kind: 'already_pending' };
    const [requestEventId] = await appendCaseEvents(tx, [
      { tenancyId: tenancy.id, eventDate: ctx.today, type: 'approval_requested', details: { action, approvalId, ...details }, note, recordedBy: ctx.actor.username, idempotencyKey },
    ]);
    if (requestEventId === undefined) throw new StaleDecision();
    return { kind: 'approval_requested', approvalId };
  }
  const [eventId] = await appendCaseEvents(tx, [
    { tenancyId: tenancy.id, eventDate: ctx.today, type: 'action', details: { action, ...details }, note, recordedBy: ctx.actor.username, idempotencyKey },
  ]);
  if (eventId === undefined) throw new StaleDecision();
  let letterId: number | null = null;
  if (isLetterAction(action)) {
    letterId = await produceLetterForAction(tx, tenancy, action, ctx.today, ctx.actor, eventId);
  }
  return { kind: 'recorded', eventId, letterId };
}

async function auditDecision(tx: Db, ctx: CaseContext, tenancy: TenancyRow, what: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(tx, [
    { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'create', entity: 'case_decision', entityId: tenancy.ref, tenancyId: tenancy.id, details: { decision: what, ...details } },
  ]);
}

/**
 * Confirms the current recommendation: records an `action` event (with its letter for letter actions),
 * or, for actions that need approval, sends it to the managers' queue. `expected` is what the page showed:
 * when the recommendation has changed since, nothing is recorded (`stale`). Re-assesses at once.
 */
export async function confirmRecommendation(ctx: CaseContext, ref: string, expected: { action: string; assessmentId: number }): Promise<DecisionOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const assessment = await currentAssessment(ctx.db, tenancy.id);
  if (!assessment || assessment.id !== expected.assessmentId || assessment.action !== expected.action || PASSIVE_ACTIONS.includes(assessment.action)) {
    return { kind: 'stale' };
  }
  const action = assessment.action;
  const result = await ctx.db
    .transaction(async (tx) => {
      const r = await takeAction(tx, ctx, tenancy, action, { recommended: action, decision: 'confirmed', assessmentId: assessment.id }, null, `decision:${assessment.id}`);
      if (r.kind === 'recorded' || r.kind === 'approval_requested') await auditDecision(tx, ctx, tenancy, 'confirmed', { action });
      return r;
    })
    .catch(staleAsValue);
  if (result.kind === 'stale') return result;
  if (result.kind === 'already_pending') return { kind: 'already_pending', action };
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  return result.kind === 'recorded' ? { ...result, action, reassessed } : { ...result, action, reassessed };
}

/** Takes another action than the recommended one, with the officer's reason (recorded as `recommendation_override`). */
export async function overrideRecommendation(
  ctx: CaseContext,
  ref: string,
  input: { action: string; reason: string; assessmentId: number | null },
): Promise<DecisionOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const problems: { field: string; message: string }[] = [];
  const assessment = await currentAssessment(ctx.db, tenancy.id);
  const recommended = assessment?.action ?? null;
  if (!OVERRIDE_ACTIONS.includes(input.action)) problems.push({ field: 'action', message: 'Select the action you are taking instead' });
  else if (input.action === recommended) problems.push({ field: 'action', message: 'Select an action other than the recommendation (or confirm the recommendation)' });
  const reason = input.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'Enter why you are not following the recommendation' });
  else if (reason.length > 2000) problems.push({ field: 'reason', message: 'Reason must be 2,000 characters or fewer' });
  if (problems.length > 0) return { kind: 'invalid', problems };
  if (input.assessmentId !== null && assessment && assessment.id !== input.assessmentId) return { kind: 'stale' };

  const assessmentId = assessment?.id ?? null;
  const result = await ctx.db.transaction(async (tx) => {
    const key = assessmentId !== null ? `decision:${assessmentId}` : null;
    const [overrideId] = await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'recommendation_override',
        details: { recommended, chosen: input.action, reason, assessmentId },
        note: reason,
        recordedBy: ctx.actor.username,
        idempotencyKey: key,
      },
    ]);
    if (overrideId === undefined) return { kind: 'stale' as const };
    const r = await takeAction(tx, ctx, tenancy, input.action, { recommended, decision: 'overridden', assessmentId, reason }, reason, null);
    if (r.kind === 'already_pending') throw new AlreadyPending();
    await auditDecision(tx, ctx, tenancy, 'overridden', { recommended, action: input.action });
    return r;
  }).catch((error: unknown) => {
    if (error instanceof AlreadyPending) return { kind: 'already_pending' as const };
    return staleAsValue(error);
  });
  if (result.kind === 'stale') return result;
  if (result.kind === 'already_pending') return { kind: 'already_pending', action: input.action };
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  return { ...result, action: input.action, reassessed };
}


/** Declines the recommendation with a reason code (recorded as `recommendation_rejected`). */
export async function rejectRecommendation(
  ctx: CaseContext,
  ref: string,
  input: { reasonCode: string; note: string; assessmentId: number },
): Promise<DecisionOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const problems: { field: string; message: string }[] = [];
  if (!REJECTION_REASON_CODES.includes(input.reasonCode)) problems.push({ field: 'reasonCode', message: 'Select why you are not taking the recommended action' });
  const note = input.note.trim();
  if (input.reasonCode === 'other' && note === '') problems.push({ field: 'note', message: 'Enter the reason' });
  if (note.length > 2000) problems.push({ field: 'note', message: 'Note must be 2,000 characters or fewer' });
  if (problems.length > 0) return { kind: 'invalid', problems };
  const assessment = await currentAssessment(ctx.db, tenancy.id);
  if (!assessment || assessment.id !== input.assessmentId || PASSIVE_ACTIONS.includes(assessment.action)) return { kind: 'stale' };
  const eventId = await ctx.db.transaction(async (tx) => {
    const [id] = await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'recommendation_rejected',
        details: { recommended: assessment.action, reasonCode: input.reasonCode, assessmentId: assessment.id },
        note: note === '' ? null : note,
        recordedBy: ctx.actor.username,
        idempotencyKey: `decision:${assessment.id}`,
      },
    ]);
    if (id !== undefined) await auditDecision(tx, ctx, tenancy, 'rejected', { recommended: assessment.action, reasonCode: input.reasonCode });
    return id;
  });
  if (eventId === undefined) return { kind: 'stale' };
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'rejected', eventId, reassessed };
}

export type ApprovalOutcome =
  | { kind: 'approved'; eventId: number; tenancyRef: string; reassessed: boolean }
  | { kind: 'declined'; tenancyRef: string; reassessed: boolean }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'own_request' }
  | { kind: 'already_decided' }
  | { kind: 'invalid'; problems: { field: string; message: string }[] };

/**
 * A manager approves or declines a request. Four-eyes: never one's own request. Approving records the
 * `action` event (with who asked and who approved); declining records `approval_declined` with the reason.
 */
/**
 * An approved warrant request is the warrant requested (the contract's `warrant_requested`, with the
 * order it enforces from the request), so no further officer step is needed; same key as the court
 * page's "record the warrant as requested", so it is written once per approval.
 */
async function recordWarrantRequestedOnApproval(tx: Db, ctx: CaseContext, tenancyId: number, approvalId: number): Promise<void> {
  const [request] = await tx.query<{ details: Record<string, unknown> }>(`SELECT details FROM case_events WHERE tenancy_id = $1 AND idempotency_key = $2`, [tenancyId, `approval_requested:${approvalId}`]);
  const d = request?.details ?? {};
  await appendCaseEvents(tx, [
    {
      tenancyId,
      eventDate: ctx.today,
      type: 'warrant_requested',
      details: { approvalId, orderDate: d.orderDate ?? null, orderType: d.orderType ?? null, outstandingPence: d.outstandingPence ?? null },
      recordedBy: ctx.actor.username,
      idempotencyKey: `warrant_requested:approval:${approvalId}`,
    },
  ]);
}

export async function decideApprovalRequest(
  ctx: CaseContext,
  approvalId: number,
  input: { decision: 'approve' | 'decline'; reason: string },
): Promise<ApprovalOutcome> {
  if (!canApprove(ctx.actor)) return { kind: 'forbidden' };
  const approval = await findApproval(ctx.db, approvalId);
  if (!approval) return { kind: 'not_found' };
  if (approval.requested_by === ctx.actor.id) return { kind: 'own_request' };
  if (approval.status !== 'pending') return { kind: 'already_decided' };
  const reason = input.reason.trim();
  if (input.decision === 'decline' && reason === '') return { kind: 'invalid', problems: [{ field: 'reason', message: 'Enter why you are declining the request' }] };
  if (reason.length > 2000) return { kind: 'invalid', problems: [{ field: 'reason', message: 'Reason must be 2,000 characters or fewer' }] };
  const tenancy = await findTenancyById(ctx.db, approval.tenancy_id);
  if (!tenancy) return { kind: 'not_found' };
  if (!canActOnPatch(ctx.actor, tenancy.patch_id)) return { kind: 'forbidden' };

  const outcome = await ctx.db.transaction(async (tx) => {
    if (input.decision === 'approve') {
      const [eventId] = await appendCaseEvents(tx, [
        {
          tenancyId: tenancy.id,
          eventDate: ctx.today,
          type: 'action',
          details: {
            action: approval.action,
            decision: 'approved',
            approvalId,
            requestedBy: approval.requested_by_name,
            approvedBy: ctx.actor.displayName,
            assessmentId: approval.assessment_id,
            recommended: approval.recommended_action,
          },
          note: reason === '' ? null : reason,
          recordedBy: ctx.actor.username,
          idempotencyKey: `approval:${approvalId}`,
        },
      ]);
      if (eventId === undefined) return { kind: 'already_decided' as const };
      const ok = await decideApproval(tx, { id: approvalId, status: 'approved', decidedBy: ctx.actor.id, reason: reason === '' ? null : reason, at: ctx.audit.now, on: ctx.today, actionEventId: eventId });
      if (!ok) throw new Error('approval changed while deciding');
      if (approval.action === 'apply_for_warrant') await recordWarrantRequestedOnApproval(tx, ctx, tenancy.id, approvalId);
      await auditDecision(tx, ctx, tenancy, 'approved', { action: approval.action, approvalId });
      return { kind: 'approved' as const, eventId };
    }
    const ok = await decideApproval(tx, { id: approvalId, status: 'declined', decidedBy: ctx.actor.id, reason, at: ctx.audit.now, on: ctx.today, actionEventId: null });
    if (!ok) return { kind: 'already_decided' as const };
    await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'approval_declined',
        details: { action: approval.action, approvalId, reason, requestedBy: approval.requested_by_name, declinedBy: ctx.actor.displayName },
        note: reason,
        recordedBy: ctx.actor.username,
        idempotencyKey: `approval:${approvalId}`,
      },
    ]);
    await auditDecision(tx, ctx, tenancy, 'declined', { action: approval.action, approvalId });
    return { kind: 'declined' as const };
  });
  if (outcome.kind === 'already_decided') return outcome;
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  return outcome.kind === 'approved'
    ? { kind: 'approved', eventId: outcome.eventId, tenancyRef: tenancy.ref, reassessed }
    : { kind: 'declined', tenancyRef: tenancy.ref, reassessed };
}

/** "Send letter 1 to selected": confirms each selected case whose current recommendation is send_letter_1. */
export async function bulkConfirmLetterOne(ctx: CaseContext, tenancyIds: readonly number[]): Promise<{ sent: string[]; skipped: { ref: string; why: string }[] }> {
  const sent: string[] = [];
  const skipped: { ref: string; why: string }[] = [];
  for (const id of [...new Set(tenancyIds)].slice(0, 200)) {
    const tenancy = await findTenancyById(ctx.db, id);
    if (!tenancy) continue;
    const assessment = await currentAssessment(ctx.db, id);
    if (!assessment || assessment.action !== 'send_letter_1') {
      skipped.push({ ref: tenancy.ref, why: 'the recommendation is no longer letter 1' });
      continue;
    }
    const outcome = await confirmRecommendation({ ...ctx }, tenancy.ref, { action: 'send_letter_1', assessmentId: assessment.id });
    if (outcome.kind === 'recorded') sent.push(tenancy.ref);
    else skipped.push({ ref: tenancy.ref, why: outcome.kind === 'forbidden' ? 'not on your patch' : 'already decided' });
  }
  return { sent, skipped };
}
