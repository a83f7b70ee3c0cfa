import type { Request, Response } from 'express';
import { loadAccountHeader } from '../../../application/account/account-view';
import { audit } from '../../../application/audit/audit';
import { claimsOf, endBenefit, inputOf, recordBenefit, versionsOf, weeklyChargesOf } from '../../../application/benefits/benefits';
import { dwpPatches, exportDwpRequests, markExportDone, openDwpRequests, recentExports } from '../../../application/benefits/dwp-requests';
import { openTasksOf } from '../../../application/tasks/tasks';
import { canActOnPatch } from '../../../application/users/permissions';
import { formatLongDate } from '../../../domain/statements/dates';
import type { TenancyRow } from '../../../persistence/stores/tenancy-store';
import { actorOf, auditContext, auditTenancyPageRead, caseContext, todayOf, type WebContext } from '../../context';
import { errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { addFlash } from '../../middleware/session';
import { tenancyForView } from '../account/controller';
import { accountHeader, accountNavigation } from '../account/view-model';
import { tenancyToActOn } from '../record/controller';
import { COSTS_TO_LABELS, FIELD_IDS, formValues, parseBenefitForm, parseEndForm, SPARE_BEDROOM_LABELS, STATUS_LABELS, TYPE_LABELS } from './form';
import { claimView, dwpRequestView, historyView, taskViews } from './view-model';

const base = (t: TenancyRow) => `/tenancies/${encodeURIComponent(t.ref)}`;
const items = (labels: Record<string, string>, selected: string | undefined) => Object.entries(labels).map(([value, text]) => ({ value, text, checked: value === selected }));

function claimIdOf(req: Request): number {
  const id = String(req.params.id ?? '');
  if (!/^\d{1,9}$/.test(id)) throw new HttpError(404);
  return Number(id);
}

export function benefitsController(ctx: WebContext) {
  const header = async (req: Request, tenancy: TenancyRow) => {
    const today = await todayOf(ctx, req);
    const view = await loadAccountHeader(ctx.db, actorOf(req), tenancy, today);
    return { today, header: accountHeader(view, today), subNavigation: accountNavigation(tenancy.ref, 'benefits') };
  };

  const renderPage = async (req: Request, res: Response, tenancy: TenancyRow, end: { id: number; values: Record<string, string>; errors: FieldErrors } | null = null) => {
    const h = await header(req, tenancy);
    const [claims, versions, tasks, charges] = await Promise.all([claimsOf(ctx.db, tenancy.id), versionsOf(ctx.db, tenancy.id), openTasksOf(ctx.db, tenancy.id), weeklyChargesOf(ctx.db, [tenancy.id], h.today)]);
    await auditTenancyPageRead(ctx, req, tenancy, 'benefits');
    const weekly = charges.get(tenancy.id)!;
    res.render('staff/benefits/benefits.njk', {
      ...h,
      pageTitle: `${tenancy.ref}: benefits`,
      base: `${base(tenancy)}/benefits`,
      tasksBase: `${base(tenancy)}/tasks`,
      canAct: canActOnPatch(actorOf(req), tenancy.patch_id),
      claims: claims.map((c) => claimView(c, weekly.totalPence, h.today)),
      weeklyCharge: weekly.totalPence,
      history: historyView(versions, claims),
      tasks: taskViews(tasks),
      end,
      errorList: end ? errorList(end.errors, { endedOn: `endedOn-${end.id}-day` }) : [],
    });
  };

  const renderForm = (res: Response, tenancy: TenancyRow, claimId: number | null, values: Record<string, string>, errors: FieldErrors) => {
    res.render('staff/benefits/benefit-form.njk', {
      pageTitle: `${claimId === null ? 'Record a benefit' : 'Update the benefit'}: ${tenancy.ref}`,
      title: claimId === null ? 'Record a benefit' : 'Update the benefit',
      ref: tenancy.ref,
      values,
      errors,
      errorList: errorList(errors, FIELD_IDS),
      typeItems: items(TYPE_LABELS, values.type),
      statusItems: items(Object.fromEntries(Object.entries(STATUS_LABELS).filter(([k]) => k !== 'ended')), values.status),
      costsToItems: items(COSTS_TO_LABELS, values.housingCostsTo),
      evidenceItems: items({ yes: 'Yes', no: 'No' }, values.evidenceComplete),
      spareItems: items(SPARE_BEDROOM_LABELS, values.spareBedrooms),
      formAction: claimId === null ? `${base(tenancy)}/benefits` : `${base(tenancy)}/benefits/${claimId}`,
      backHref: `${base(tenancy)}/benefits`,
    });
  };

  const submit = async (req: Request, res: Response, claimId: number | null) => {
    const tenancy = await tenancyToActOn(ctx, req);
    const parsed = parseBenefitForm(req.body);
    if (!parsed.ok) {
      res.status(400);
      renderForm(res, tenancy, claimId, parsed.values, parsed.errors);
      return;
    }
    const outcome = await recordBenefit(await caseContext(ctx, req), tenancy.ref, claimId, parsed.value);
    if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
    if (outcome.kind === 'invalid') {
      res.status(400);
      const errors: FieldErrors = {};
      for (const p of outcome.problems) errors[p.field] ??= p.message;
      renderForm(res, tenancy, claimId, parsed.values, errors);
      return;
    }
    if (outcome.kind === 'not_open') {
      res.status(409);
      renderForm(res, tenancy, claimId, parsed.values, { status: 'This record has ended and cannot be changed' });
      return;
    }
    addFlash(req, {
      type: 'success',
      title: claimId === null ? 'Benefit recorded' : 'Benefit updated',
      text: `The account was ${outcome.reassessed ? 're-assessed' : 'saved (it will be re-assessed in the next daily run)'}${outcome.tasksRaised > 0 ? `; ${outcome.tasksRaised} new benefit task${outcome.tasksRaised === 1 ? '' : 's'} raised` : ''}.`,
    });
    res.redirect(303, `${base(tenancy)}/benefits`);
  };

  return {
    async show(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      await renderPage(req, res, tenancy);
    },

    async showNew(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      renderForm(res, tenancy, null, { type: 'universal_credit', evidenceComplete: 'no' }, {});
    },

    async submitNew(req: Request, res: Response) {
      await submit(req, res, null);
    },

    async showEdit(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const id = claimIdOf(req);
      const claim = (await claimsOf(ctx.db, tenancy.id)).find((c) => c.id === id);
      if (!claim || claim.status === 'ended') throw new HttpError(404);
      renderForm(res, tenancy, id, formValues(inputOf(claim)), {});
    },

    async submitEdit(req: Request, res: Response) {
      await submit(req, res, claimIdOf(req));
    },

    async end(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const id = claimIdOf(req);
      const parsed = parseEndForm(req.body);
      if (!parsed.ok) {
        res.status(400);
        await renderPage(req, res, tenancy, { id, values: parsed.values, errors: parsed.errors });
        return;
      }
      const outcome = await endBenefit(await caseContext(ctx, req), tenancy.ref, id, parsed.value.endedOn);
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      addFlash(req, outcome.kind === 'recorded' ? { type: 'success', title: `Benefit ended on ${formatLongDate(parsed.value.endedOn)}` } : { type: 'important', title: 'This record had already ended' });
      res.redirect(303, `${base(tenancy)}/benefits`);
    },

    async dwpRequests(req: Request, res: Response) {
      const actor = actorOf(req);
      const today = await todayOf(ctx, req);
      const [requests, exports] = await Promise.all([openDwpRequests(ctx.db, dwpPatches(actor), today), recentExports(ctx.db, actor)]);
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'worklist', entityId: 'dwp-requests', details: { count: requests.length } }]);
      res.render('staff/benefits/dwp-requests.njk', {
        pageTitle: 'DWP requests',
        scope: dwpPatches(actor) === null ? 'every patch' : `your patch${actor.patchName ? ` (${actor.patchName})` : ''}`,
        requests: requests.map(dwpRequestView),
        exports: exports.map((e) => ({ id: e.id, count: e.task_ids.length, openCount: e.open_count, on: formatLongDate(e.exported_on) })),
      });
    },

    async dwpCsv(req: Request, res: Response) {
      const cc = await caseContext(ctx, req);
      const out = await exportDwpRequests(cc);
      res.setHeader('Content-Disposition', `attachment; filename="dwp-requests-${cc.today}${out.exportId ? `-${out.exportId}` : ''}.csv"`);
      res.type('text/csv; charset=utf-8').send(out.csv);
    },

    async markDone(req: Request, res: Response) {
      const id = String(req.params.id ?? '');
      if (!/^\d{1,15}$/.test(id)) throw new HttpError(404);
      const outcome = await markExportDone(await caseContext(ctx, req), Number(id));
      if (outcome.kind === 'not_found') throw new HttpError(404);
      addFlash(req, { type: 'success', title: `${outcome.count} request${outcome.count === 1 ? '' : 's'} marked as sent to the DWP` });
      res.redirect(303, '/benefits/dwp-requests');
    },
  };
}
