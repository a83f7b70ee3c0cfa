import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import { decideApprovalRequest } from '../../../application/decisions/decisions';
import { formatPounds } from '../../../domain/money/pence';
import { findApproval, listApprovals, type ApprovalRow } from '../../../persistence/stores/approval-store';
import { actorOf, auditContext, caseContext, type WebContext } from '../../context';
import { bodyString, errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { actionLabel } from '../../labels';
import { addFlash } from '../../middleware/session';
import { formatDateTime } from '../../nunjucks';

function approvalView(a: ApprovalRow, actorId: number) {
  return {
    id: a.id,
    ref: a.tenancy_ref,
    names: a.names ?? '',
    tenancyHref: `/tenancies/${encodeURIComponent(a.tenancy_ref)}`,
    href: `/approvals/${a.id}`,
    action: actionLabel(a.action),
    recommended: a.recommended_action ? actionLabel(a.recommended_action) : 'None',
    arrears: a.real_arrears_pence === null ? '' : formatPounds(a.real_arrears_pence),
    arrearsPence: a.real_arrears_pence ?? 0,
    requestedBy: a.requested_by_name,
    requestedAt: formatDateTime(a.requested_at),
    requestedAtIso: a.requested_at.toISOString(),
    note: a.request_note ?? '',
    own: a.requested_by === actorId,
    pending: a.status === 'pending',
    status: a.status === 'approved' ? 'Approved' : a.status === 'declined' ? 'Declined' : 'Pending',
    decidedBy: a.decided_by_name ?? '',
    decidedAt: a.decided_at ? formatDateTime(a.decided_at) : '',
    reason: a.decision_reason ?? '',
  };
}

export function approvalsController(ctx: WebContext) {
  const load = async (req: Request) => {
    const id = String(req.params.id ?? '');
    if (!/^\d{1,15}$/.test(id)) throw new HttpError(404);
    const approval = await findApproval(ctx.db, Number(id));
    if (!approval) throw new HttpError(404);
    return approval;
  };
  const renderDecide = async (req: Request, res: Response, approval: ApprovalRow, values: Record<string, string>, errors: FieldErrors) => {
    const v = approvalView(approval, actorOf(req).id);
    const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
    res.render('staff/approvals/decide.njk', {
      pageTitle: `Approve ${v.action}: ${v.ref}`,
      approval: v,
      rows: [
        row('Action', v.action),
        row('Recommended by the system', v.recommended),
        row('Asked for by', `${v.requestedBy}, ${v.requestedAt}`),
        ...(v.note ? [row('Their reason', v.note)] : []),
        row('Real arrears now', v.arrears || 'Not assessed'),
        row('Status', v.status),
      ],
      values,
      errors,
      errorList: errorList(errors, { decision: 'decision' }),
      formAction: `/approvals/${approval.id}`,
    });
  };

  return {
    async list(req: Request, res: Response) {
      const actor = actorOf(req);
      const [pending, decided] = await Promise.all([listApprovals(ctx.db, 'pending'), listApprovals(ctx.db, 'decided', 20)]);
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'approvals', details: { tenancyRefs: [...new Set([...pending, ...decided].map((a) => a.tenancy_ref))] } }]);
      res.render('staff/approvals/approvals.njk', {
        pageTitle: 'Approvals',
        pending: pending.map((a) => approvalView(a, actor.id)),
        decided: decided.map((a) => approvalView(a, actor.id)),
      });
    },

    async show(req: Request, res: Response) {
      const approval = await load(req);
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'approval', entityId: String(approval.id), tenancyId: approval.tenancy_id }]);
      await renderDecide(req, res, approval, {}, {});
    },

    async decide(req: Request, res: Response) {
      const approval = await load(req);
      const decision = bodyString(req.body, 'decision');
      const reason = bodyString(req.body, 'reason');
      if (decision !== 'approve' && decision !== 'decline') {
        res.status(400);
        await renderDecide(req, res, approval, { decision, reason }, { decision: 'Select approve or decline' });
        return;
      }
      const outcome = await decideApprovalRequest(await caseContext(ctx, req), approval.id, { decision, reason });
      switch (outcome.kind) {
        case 'approved':
        case 'declined':
          addFlash(req, { type: 'success', title: `${actionLabel(approval.action)} ${outcome.kind} for ${outcome.tenancyRef}` });
          res.redirect(303, '/approvals');
          return;
        case 'invalid':
          res.status(400);
          await renderDecide(req, res, approval, { decision, reason }, Object.fromEntries(outcome.problems.map((p) => [p.field, p.message])));
          return;
        case 'own_request':
          throw new HttpError(403, 'You cannot decide your own request: another manager must.');
        case 'already_decided':
          addFlash(req, { type: 'important', title: 'This request was already decided' });
          res.redirect(303, '/approvals');
          return;
        case 'not_found':
          throw new HttpError(404);
        default:
          throw new HttpError(403);
      }
    },
  };
}
