import type { Request, Response } from 'express';
import type { CaseContext } from '../../../application/case-events/case-access';
import { loadAccountHeader } from '../../../application/account/account-view';
import { legalSituation } from '../../../application/legal/legal-case';
import { prepareNotice, recordClaimIssued, recordPreActionItem, recordPsedAssessment, sendPreIssueWarning, serveNotice, type NoticePreview } from '../../../application/legal/legal-actions';
import { activePolicy } from '../../../application/assessment/assess-tenancies';
import { canActOnPatch } from '../../../application/users/permissions';
import { SERVICE_METHOD_LABELS } from '../../../domain/legal-case/notice-service';
import { PSED_CONSIDERATIONS, PSED_STAGE_LABELS } from '../../../domain/legal-case/psed';
import { resolvePolicy } from '../../../domain/policy';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import { listLettersOfTenancy } from '../../../persistence/stores/letter-store';
import type { TenancyRow } from '../../../persistence/stores/tenancy-store';
import { actorOf, auditTenancyPageRead, caseContext, todayOf, type WebContext } from '../../context';
import { dateParts, errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { NOTICE_LABELS, label } from '../../labels';
import { addFlash } from '../../middleware/session';
import { accountHeader, accountNavigation } from '../account/view-model';
import { tenancyForView } from '../account/controller';
import { tenancyToActOn } from '../record/controller';
import { parseClaimForm, parseNoticeForm, parsePreActionForm, parsePsedForm, parseWarningForm } from './form';
import { buildLegalPage } from './view-model';

const GROUND_LABELS: Record<string, string> = {
  '1': 'Ground 1: rent lawfully due has not been paid',
  '8': 'Ground 8: at least 8 weeks’ (2 months’) rent unpaid at service and at the hearing (mandatory)',
  '10': 'Ground 10: some rent unpaid at service and when proceedings begin',
  '11': 'Ground 11: persistent delay in paying rent',
};

export function legalController(ctx: WebContext) {
  const renderLegal = async (req: Request, res: Response, tenancy: TenancyRow, values: Record<string, string>, errors: FieldErrors, claimRefusal: string[] | null) => {
    const today = await todayOf(ctx, req);
    const actor = actorOf(req);
    const view = await loadAccountHeader(ctx.db, actor, tenancy, today);
    const situation = await legalSituation(ctx.db, tenancy.id, today);
    const letters = await listLettersOfTenancy(ctx.db, tenancy.id);
    const policy = await activePolicy(ctx.db);
    const parameters = resolvePolicy(policy.document, tenancy.tenure, tenancy.landlord_type);
    const noticeLetter = letters.find((l) => l.template.startsWith('notice_'));
    const page = buildLegalPage({
      ref: tenancy.ref,
      situation,
      canAct: canActOnPatch(actor, tenancy.patch_id),
      evidence: {
        letters: letters.map((l) => ({ id: l.id, template: l.template, date: l.letter_date })),
        contacts: situation.events.filter((e) => e.type === 'contact').map((e) => ({ id: e.id, date: e.event_date, channel: String(e.details?.channel ?? 'contact') })),
      },
      values: { ...datesOf(today, ['preDate', 'warningDate', 'issuedOn']), ...values },
      errors,
      claimRefusal,
      defaultWarningDays: parameters.preIssueWarningDays,
    });
    res.render('staff/legal/legal.njk', {
      pageTitle: `${tenancy.ref}: legal case`,
      header: accountHeader(view, today),
      subNavigation: accountNavigation(tenancy.ref, 'legal'),
      noticePdf: noticeLetter ? { href: `/tenancies/${encodeURIComponent(tenancy.ref)}/letters/${noticeLetter.id}`, text: `Download the notice served on ${formatLongDate(noticeLetter.letter_date)} (PDF)` } : null,
      ...page,
    });
  };

  const datesOf = (today: string, names: string[]) => {
    const p = dateParts(today);
    return Object.fromEntries(names.flatMap((n) => [[`${n}-day`, p.day], [`${n}-month`, p.month], [`${n}-year`, p.year]]));
  };

  const renderNoticeForm = async (res: Response, cc: CaseContext, tenancy: TenancyRow, values: Record<string, string>, errors: FieldErrors, preview: NoticePreview | null, refusals: string[]) => {
    const proposal = await prepareNotice(cc, tenancy.ref, { actedOn: cc.today, method: 'hand' });
    const allowed = 'draft' in proposal ? proposal.draft.grounds : [];
    const type = 'draft' in proposal ? proposal.draft.type : null;
    const base = `/tenancies/${encodeURIComponent(tenancy.ref)}`;
    const selected = (values.grounds ?? allowed.join(',')).split(',');
    res.render('staff/legal/notice.njk', {
      pageTitle: `${preview ? 'Check the notice' : 'Prepare a notice'}: ${tenancy.ref}`,
      ref: tenancy.ref,
      names: tenancy.ref,
      noticeType: type ? label(NOTICE_LABELS, type) : null,
      proposalRefused: 'kind' in proposal && proposal.kind === 'refused' ? proposal.reasons : [],
      values,
      errors,
      errorList: [...errorList(errors, { actedOn: 'actedOn-day', method: 'method', grounds: 'grounds' }), ...refusals.map((text) => ({ text, href: '#refusals' }))],
      refusals,
      methodItems: Object.entries(SERVICE_METHOD_LABELS).map(([value, text]) => ({ value, text, checked: values.method === value })),
      groundItems: allowed.map((g) => ({ value: g, text: GROUND_LABELS[g] ?? `Ground ${g}`, checked: selected.includes(g) })),
      preview: preview
        ? {
            rows: [
              ['Notice', label(NOTICE_LABELS, preview.draft.type)],
              ['Tenants named', preview.draft.tenants.join(' and ')],
              ['Address', preview.draft.address ?? 'Not recorded'],
              ['Method of service', SERVICE_METHOD_LABELS[preview.method]],
              ['Handed over, left or posted on', formatLongDate(preview.actedOn)],
              ['Date of service (deemed)', formatLongDate(preview.draft.servedOn)],
              ['Grounds', preview.draft.grounds.length > 0 ? preview.draft.grounds.map((g) => `Ground ${g}`).join(', ') : 'None needed'],
              ['Arrears on the date of service', formatPounds(preview.draft.arrearsPence)],
              ['Earliest date proceedings can begin', formatLongDate(preview.draft.earliestProceedingsDate)],
              ['Expires', preview.draft.expiresOn ? formatLongDate(preview.draft.expiresOn) : 'Does not lapse'],
            ].map(([k, v]) => ({ key: { text: k }, value: { text: v } })),
            hidden: Object.entries(values).filter(([k]) => k !== 'grounds').map(([name, value]) => ({ name, value })),
            grounds: preview.draft.grounds,
            canRecord: preview.refusals.length === 0,
          }
        : null,
      formAction: `${base}/legal/notice`,
      backHref: `${base}/legal`,
    });
  };

  const renderPsed = (res: Response, tenancy: TenancyRow, values: Record<string, string>, errors: FieldErrors) => {
    const base = `/tenancies/${encodeURIComponent(tenancy.ref)}`;
    const considered = (values.considered ?? '').split(',');
    res.render('staff/legal/psed.njk', {
      pageTitle: `Equality and proportionality assessment: ${tenancy.ref}`,
      ref: tenancy.ref,
      values,
      errors,
      errorList: errorList(errors, { stage: 'stage', psedDate: 'psedDate-day', considered: 'considered', decision: 'decision' }),
      stageItems: Object.entries(PSED_STAGE_LABELS).map(([value, text]) => ({ value, text, checked: values.stage === value })),
      consideredItems: Object.entries(PSED_CONSIDERATIONS).map(([value, text]) => ({ value, text, checked: considered.includes(value) })),
      decisionItems: [
        { value: 'proceed', text: 'Proceed: the step is proportionate', checked: values.decision === 'proceed' },
        { value: 'do_not_proceed', text: 'Do not proceed', checked: values.decision === 'do_not_proceed' },
      ],
      formAction: `${base}/legal/psed`,
      backHref: `${base}/legal`,
    });
  };

  return {
    async show(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      await auditTenancyPageRead(ctx, req, tenancy, 'legal');
      await renderLegal(req, res, tenancy, {}, {}, null);
    },

    async preAction(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const parsed = parsePreActionForm(req.body, cc.today);
      if (!parsed.ok) {
        res.status(400);
        return renderLegal(req, res, tenancy, parsed.values, parsed.errors, null);
      }
      const outcome = await recordPreActionItem(cc, tenancy.ref, parsed.value);
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'bad_evidence') {
        res.status(400);
        return renderLegal(req, res, tenancy, parsed.values, { evidenceId: outcome.message }, null);
      }
      addFlash(req, { type: 'success', title: 'Protocol step recorded' });
      res.redirect(303, `/tenancies/${encodeURIComponent(tenancy.ref)}/legal`);
    },

    async warning(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const parsed = parseWarningForm(req.body, cc.today);
      if (!parsed.ok) {
        res.status(400);
        return renderLegal(req, res, tenancy, parsed.values, parsed.errors, null);
      }
      const outcome = await sendPreIssueWarning(cc, tenancy.ref, parsed.value);
      if (outcome.kind !== 'recorded') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      addFlash(req, { type: 'success', title: 'Pre-issue warning letter created', text: `The time limit ends on ${formatLongDate(outcome.deadline)}: a task is due that day.` });
      res.redirect(303, `/tenancies/${encodeURIComponent(tenancy.ref)}/legal`);
    },

    async claim(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const parsed = parseClaimForm(req.body, cc.today);
      if (!parsed.ok) {
        res.status(400);
        return renderLegal(req, res, tenancy, parsed.values, parsed.errors, null);
      }
      const outcome = await recordClaimIssued(cc, tenancy.ref, parsed.value);
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'refused') {
        res.status(400);
        return renderLegal(req, res, tenancy, parsed.values, {}, outcome.reasons);
      }
      addFlash(req, { type: 'success', title: 'Claim recorded as issued' });
      res.redirect(303, `/tenancies/${encodeURIComponent(tenancy.ref)}/legal`);
    },

    async showNotice(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      await renderNoticeForm(res, cc, tenancy, datesOf(cc.today, ['actedOn']), {}, null, []);
    },

    async submitNotice(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const proposal = await prepareNotice(cc, tenancy.ref, { actedOn: cc.today, method: 'hand' });
      const allowed = 'draft' in proposal ? proposal.draft.grounds : [];
      const parsed = parseNoticeForm(req.body, cc.today, allowed);
      if (!parsed.ok) {
        res.status(400);
        return renderNoticeForm(res, cc, tenancy, parsed.values, parsed.errors, null, []);
      }
      const request = { actedOn: parsed.value.actedOn, method: parsed.value.method, grounds: parsed.value.grounds };
      if (String(req.body?.confirm ?? '') !== 'yes') {
        const preview = await prepareNotice(cc, tenancy.ref, request);
        if ('kind' in preview) {
          if (preview.kind !== 'refused') throw new HttpError(preview.kind === 'not_found' ? 404 : 403);
          res.status(400);
          return renderNoticeForm(res, cc, tenancy, parsed.values, {}, null, preview.reasons);
        }
        return renderNoticeForm(res, cc, tenancy, parsed.values, {}, preview, preview.refusals);
      }
      const outcome = await serveNotice(cc, tenancy.ref, request);
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'refused') {
        res.status(400);
        const preview = await prepareNotice(cc, tenancy.ref, request);
        return renderNoticeForm(res, cc, tenancy, parsed.values, {}, 'draft' in preview ? preview : null, outcome.reasons);
      }
      addFlash(req, {
        type: 'success',
        title: `${label(NOTICE_LABELS, outcome.draft.type)} recorded as served on ${formatLongDate(outcome.draft.servedOn)}`,
        text: `Earliest date of proceedings: ${formatLongDate(outcome.draft.earliestProceedingsDate)}. Download the notice from the legal page.`,
      });
      res.redirect(303, `/tenancies/${encodeURIComponent(tenancy.ref)}/legal`);
    },

    async showPsed(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const today = await todayOf(ctx, req);
      const stage = typeof req.query.stage === 'string' && req.query.stage in PSED_STAGE_LABELS ? req.query.stage : '';
      renderPsed(res, tenancy, { ...datesOf(today, ['psedDate']), stage }, {});
    },

    async submitPsed(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const parsed = parsePsedForm(req.body, cc.today);
      if (!parsed.ok) {
        res.status(400);
        return renderPsed(res, tenancy, parsed.values, parsed.errors);
      }
      const outcome = await recordPsedAssessment(cc, tenancy.ref, parsed.value);
      if (outcome.kind !== 'recorded') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      addFlash(req, { type: 'success', title: 'Equality and proportionality assessment recorded' });
      res.redirect(303, `/tenancies/${encodeURIComponent(tenancy.ref)}/legal`);
    },
  };
}
