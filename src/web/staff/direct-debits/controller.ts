import type { Request, Response } from 'express';
import { loadAccountHeader } from '../../../application/account/account-view';
import { cancelMandate, loadDirectDebits, setUpMandate } from '../../../application/direct-debits/direct-debits';
import { earliestFirstCollection } from '../../../domain/direct-debits/collection-schedule';
import { formatLongDate } from '../../../domain/statements/dates';
import type { TenancyRow } from '../../../persistence/stores/tenancy-store';
import { actorOf, caseContext, todayOf, type WebContext } from '../../context';
import { errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { addFlash } from '../../middleware/session';
import { tenancyForView } from '../account/controller';
import { accountHeader, accountNavigation } from '../account/view-model';
import { tenancyToActOn } from '../record/controller';
import { COLLECTION_DAY_OPTIONS, MANDATE_FIELD_IDS, readCancelForm, readMandateForm } from './form';
import { mandateRows } from './view-model';

const base = (t: TenancyRow) => `/tenancies/${encodeURIComponent(t.ref)}/direct-debits`;

export function directDebitController(ctx: WebContext) {
  const renderPage = async (req: Request, res: Response, tenancy: TenancyRow, cancel: { id: number; reason: string; errors: FieldErrors } | null = null) => {
    const today = await todayOf(ctx, req);
    const view = await loadAccountHeader(ctx.db, actorOf(req), tenancy, today);
    const loaded = await loadDirectDebits(await caseContext(ctx, req), tenancy.ref);
    if (loaded.kind !== 'ok') throw new HttpError(loaded.kind === 'not_found' ? 404 : 403);
    const rows = mandateRows(loaded.page.mandates);
    res.render('staff/direct-debits/direct-debits.njk', {
      header: accountHeader(view, today),
      subNavigation: accountNavigation(tenancy.ref, 'direct-debits'),
      pageTitle: `${cancel ? 'Error: ' : ''}${tenancy.ref}: direct debits`,
      base: base(tenancy),
      canAct: loaded.page.canAct,
      active: rows.find((r) => r.active) ?? null,
      earlier: rows.filter((r) => !r.active),
      cancel,
      errorList: cancel ? errorList(cancel.errors, { reason: 'reason' }) : [],
    });
  };

  const renderNew = async (req: Request, res: Response, tenancy: TenancyRow, values: Record<string, string>, errors: FieldErrors) => {
    const today = await todayOf(ctx, req);
    res.render('staff/direct-debits/new.njk', {
      pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Set up a direct debit: ${tenancy.ref}`,
      ref: tenancy.ref,
      values,
      errors,
      errorList: errorList(errors, MANDATE_FIELD_IDS),
      collectionDayItems: COLLECTION_DAY_OPTIONS.map((o) => ({ ...o, checked: o.value === values.collectionDay })),
      earliest: formatLongDate(earliestFirstCollection(today)),
      formAction: `${base(tenancy)}/new`,
      backHref: base(tenancy),
    });
  };

  return {
    async show(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      await renderPage(req, res, tenancy);
    },

    async showNew(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      await renderNew(req, res, tenancy, {}, {});
    },

    async submitNew(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const form = readMandateForm(req.body);
      const outcome = await setUpMandate(await caseContext(ctx, req), tenancy.ref, form.input);
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'invalid' || Object.keys(form.errors).length > 0) {
        res.status(400);
        await renderNew(req, res, tenancy, form.values, { ...(outcome.kind === 'invalid' ? outcome.errors : {}), ...form.errors });
        return;
      }
      addFlash(req, {
        type: 'success',
        title: `Direct debit ${outcome.mandate.reference} set up`,
        text: `First collection ${formatLongDate(outcome.mandate.firstCollectionOn)}; send the advance notice by ${formatLongDate(outcome.mandate.schedule[0]?.noticeBy ?? outcome.mandate.firstCollectionOn)}.`,
      });
      res.redirect(303, base(tenancy));
    },

    async cancel(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const id = String(req.params.id ?? '');
      if (!/^\d{1,15}$/.test(id)) throw new HttpError(404);
      const form = readCancelForm(req.body);
      if (Object.keys(form.errors).length > 0) {
        res.status(400);
        await renderPage(req, res, tenancy, { id: Number(id), reason: form.reason, errors: form.errors });
        return;
      }
      const outcome = await cancelMandate(await caseContext(ctx, req), tenancy.ref, Number(id), form.reason);
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'not_active') {
        res.status(409);
        await renderPage(req, res, tenancy, { id: Number(id), reason: form.reason, errors: { reason: 'This direct debit is already cancelled' } });
        return;
      }
      addFlash(req, { type: 'success', title: 'Direct debit cancelled' });
      res.redirect(303, base(tenancy));
    },
  };
}
