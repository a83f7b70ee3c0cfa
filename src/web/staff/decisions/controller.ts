import type { Request, Response } from 'express';
import {
  confirmRecommendation,
  needsApproval,
  OVERRIDE_ACTIONS,
  overrideRecommendation,
  rejectRecommendation,
  type DecisionOutcome,
} from '../../../application/decisions/decisions';
import { isLetterAction } from '../../../application/decisions/letter-for-action';
import { currentAssessment } from '../../../persistence/stores/assessment-store';
import { listTenants, type TenancyRow } from '../../../persistence/stores/tenancy-store';
import { auditTenancyPageRead, caseContext, type WebContext } from '../../context';
import { bodyString, errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { actionLabel, REJECTION_REASONS } from '../../labels';
import { addFlash } from '../../middleware/session';
import { tenancyToActOn } from '../record/controller';

function assessmentIdOf(body: unknown): number | null {
  const raw = bodyString(body, 'assessmentId');
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

export function decisionsController(ctx: WebContext) {
  const accountHref = (t: TenancyRow) => `/tenancies/${encodeURIComponent(t.ref)}`;

  /** Turns a decision's outcome into a flash message and a redirect (or an error). */
  const finish = (req: Request, res: Response, tenancy: TenancyRow, outcome: DecisionOutcome): void => {
    const refresh = (ok: boolean) => (ok ? undefined : 'The recommendation will be refreshed at the next daily run.');
    switch (outcome.kind) {
      case 'recorded':
        addFlash(req, {
          type: 'success',
          title: `${actionLabel(outcome.action)} recorded`,
          text: [outcome.letterId ? 'The letter is ready to download from the timeline.' : null, refresh(outcome.reassessed)].filter(Boolean).join(' ') || undefined,
        });
        res.redirect(303, outcome.letterId ? `${accountHref(tenancy)}/timeline` : accountHref(tenancy));
        return;
      case 'approval_requested':
        addFlash(req, { type: 'success', title: `${actionLabel(outcome.action)} sent to a manager for approval`, text: refresh(outcome.reassessed) });
        res.redirect(303, accountHref(tenancy));
        return;
      case 'rejected':
        addFlash(req, { type: 'success', title: 'Recommendation not taken: your reason is recorded', text: refresh(outcome.reassessed) });
        res.redirect(303, accountHref(tenancy));
        return;
      case 'stale':
        addFlash(req, { type: 'important', title: 'The recommendation changed or was already decided', text: 'Nothing was recorded. Check the account and try again.' });
        res.redirect(303, accountHref(tenancy));
        return;
      case 'already_pending':
        addFlash(req, { type: 'important', title: `${actionLabel(outcome.action)} is already waiting for approval` });
        res.redirect(303, accountHref(tenancy));
        return;
      case 'not_found':
        throw new HttpError(404);
      case 'forbidden':
        throw new HttpError(403, 'You can only act on accounts on your own patch.');
      default:
        throw new HttpError(400);
    }
  };

  const renderForm = async (req: Request, res: Response, tenancy: TenancyRow, kind: 'override' | 'reject', values: Record<string, string>, errors: FieldErrors) => {
    const [assessment, tenants] = await Promise.all([currentAssessment(ctx.db, tenancy.id), listTenants(ctx.db, tenancy.id)]);
    // The form names the tenants: a read of personal data, audited like the account's pages.
    await auditTenancyPageRead(ctx, req, tenancy, `decision_${kind}`);
    const base = accountHref(tenancy);
    res.render('staff/decisions/decision.njk', {
      pageTitle: `${kind === 'override' ? 'Take another action' : 'Do not take the recommended action'}: ${tenancy.ref}`,
      title: kind === 'override' ? 'Take another action' : 'Do not take the recommended action',
      kind,
      ref: tenancy.ref,
      names: tenants.map((t) => t.name).join(' and '),
      recommendedLabel: assessment ? actionLabel(assessment.action) : 'not assessed yet',
      assessmentId: values.assessmentId || (assessment ? String(assessment.id) : ''),
      values,
      errors,
      errorList: errorList(errors, { reasonCode: 'reasonCode' }),
      actionItems: [
        { value: '', text: 'Select an action', selected: !values.action },
        ...OVERRIDE_ACTIONS.filter((a) => a !== assessment?.action).map((a) => ({ value: a, text: `${actionLabel(a)}${needsApproval(a) ? ' (approval)' : ''}${isLetterAction(a) ? ' (letter)' : ''}`, selected: values.action === a })),
      ],
      reasonItems: Object.entries(REJECTION_REASONS).map(([value, text]) => ({ value, text, checked: values.reasonCode === value })),
      formAction: `${base}/decision/${kind}`,
      backHref: base,
      submitText: kind === 'override' ? 'Record this action' : 'Record the reason',
    });
  };

  return {
    async confirm(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const assessmentId = assessmentIdOf(req.body);
      const action = bodyString(req.body, 'action');
      if (assessmentId === null || action === '') throw new HttpError(400, 'The form was incomplete. Go back to the account and try again.');
      finish(req, res, tenancy, await confirmRecommendation(await caseContext(ctx, req), tenancy.ref, { action, assessmentId }));
    },

    async showOverride(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      await renderForm(req, res, tenancy, 'override', {}, {});
    },

    async override(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const values = { action: bodyString(req.body, 'action'), reason: bodyString(req.body, 'reason'), assessmentId: bodyString(req.body, 'assessmentId') };
      const outcome = await overrideRecommendation(await caseContext(ctx, req), tenancy.ref, { action: values.action, reason: values.reason, assessmentId: assessmentIdOf(req.body) });
      if (outcome.kind === 'invalid') {
        res.status(400);
        await renderForm(req, res, tenancy, 'override', values, Object.fromEntries(outcome.problems.map((p) => [p.field, p.message])));
        return;
      }
      finish(req, res, tenancy, outcome);
    },

    async showReject(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      await renderForm(req, res, tenancy, 'reject', {}, {});
    },

    async reject(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const values = { reasonCode: bodyString(req.body, 'reasonCode'), note: bodyString(req.body, 'note'), assessmentId: bodyString(req.body, 'assessmentId') };
      const assessmentId = assessmentIdOf(req.body);
      if (assessmentId === null) throw new HttpError(400, 'The form was incomplete. Go back to the account and try again.');
      const outcome = await rejectRecommendation(await caseContext(ctx, req), tenancy.ref, { reasonCode: values.reasonCode, note: values.note, assessmentId });
      if (outcome.kind === 'invalid') {
        res.status(400);
        await renderForm(req, res, tenancy, 'reject', values, Object.fromEntries(outcome.problems.map((p) => [p.field, p.message])));
        return;
      }
      finish(req, res, tenancy, outcome);
    },
  };
}
