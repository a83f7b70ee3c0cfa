import type { Request, Response } from 'express';
import { loadAccountHeader } from '../../../application/account/account-view';
import { cancelArrangement, createArrangement, loadMoneyPage, recordIncomeExpenditure, snapshotsOf, arrangementsOf } from '../../../application/arrangements/money';
import { canActOnPatch } from '../../../application/users/permissions';
import type { ArrangementProblem } from '../../../domain/arrangements/plan-arrangement';
import { formatPenceAsDecimal, formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import type { TenancyRow } from '../../../persistence/stores/tenancy-store';
import { actorOf, auditTenancyPageRead, caseContext, todayOf, type WebContext } from '../../context';
import { dateParts, errorList, queryString, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { addFlash } from '../../middleware/session';
import { tenancyForView } from '../account/controller';
import { accountHeader, accountNavigation } from '../account/view-model';
import { tenancyToActOn } from '../record/controller';
import { ALL_CATEGORIES, confirmKey, FREQUENCY_LABELS, parseArrangementForm, parseCancelForm, parseIncomeExpenditureForm, SFS_LABELS, SFS_SECTIONS } from './form';
import { arrangementView, buildMoneyPage, planView } from './view-model';

const base = (t: TenancyRow) => `/tenancies/${encodeURIComponent(t.ref)}`;
const ARRANGEMENT_IDS: Record<string, string> = { startDate: 'startDate-day', frequency: 'frequency', instalment: 'instalment', endReason: 'endReason' };

/** Domain problems → form fields (arrears has no field: shown against the instalment). */
function problemErrors(problems: readonly ArrangementProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = p.field === 'startDate' ? 'startDate' : 'instalment';
    if (!(field in errors)) errors[field] = p.message;
  }
  return errors;
}

export function moneyController(ctx: WebContext) {
  const header = async (req: Request, tenancy: TenancyRow) => {
    const today = await todayOf(ctx, req);
    const view = await loadAccountHeader(ctx.db, actorOf(req), tenancy, today);
    return { today, header: accountHeader(view, today), subNavigation: accountNavigation(tenancy.ref, 'money') };
  };

  const renderPage = async (req: Request, res: Response, tenancy: TenancyRow, cancel: { id: number; values: Record<string, string>; errors: FieldErrors } | null = null) => {
    const h = await header(req, tenancy);
    const page = await loadMoneyPage(ctx.db, tenancy, h.today);
    await auditTenancyPageRead(ctx, req, tenancy, 'money');
    res.render('staff/money/money.njk', {
      ...h,
      pageTitle: `${tenancy.ref}: income and arrangements`,
      base: `${base(tenancy)}/money`,
      canAct: canActOnPatch(actorOf(req), tenancy.patch_id),
      ...buildMoneyPage(page),
      cancel,
      errorList: cancel ? errorList(cancel.errors, { reason: 'reason' }) : [],
    });
  };

  const renderIe = async (res: Response, tenancy: TenancyRow, values: Record<string, string>, errors: FieldErrors) => {
    res.render('staff/money/income-expenditure.njk', {
      pageTitle: `Income and expenditure: ${tenancy.ref}`,
      ref: tenancy.ref,
      values,
      errors,
      errorList: errorList(errors),
      sections: SFS_SECTIONS.map((s) => ({
        key: s.key,
        title: s.title,
        hint: s.hint,
        rows: s.categories.map((c) => ({
          category: c,
          label: SFS_LABELS[c],
          amount: values[`amount-${c}`] ?? '',
          period: values[`period-${c}`] ?? 'monthly',
          error: errors[`amount-${c}`] ?? errors[`period-${c}`] ?? null,
        })),
      })),
      formAction: `${base(tenancy)}/money/income-expenditure`,
      backHref: `${base(tenancy)}/money`,
    });
  };

  const renderArrangement = async (
    req: Request,
    res: Response,
    tenancy: TenancyRow,
    values: Record<string, string>,
    errors: FieldErrors,
    extra: { warnings?: string[]; preview?: ReturnType<typeof planView> | null; confirmKey?: string } = {},
  ) => {
    const h = await header(req, tenancy);
    const page = await loadMoneyPage(ctx.db, tenancy, h.today);
    const replacing = values.replaces ? page.arrangements.find((a) => String(a.id) === values.replaces && a.status === 'active') ?? null : null;
    const latest = page.snapshots[0] ?? null;
    res.render('staff/money/arrangement.njk', {
      pageTitle: `${replacing ? 'Renegotiate the arrangement' : 'Agree an arrangement'}: ${tenancy.ref}`,
      title: replacing ? 'Renegotiate the arrangement' : 'Agree a repayment arrangement',
      ref: tenancy.ref,
      values,
      errors,
      errorList: errorList(errors, ARRANGEMENT_IDS),
      arrears: formatPounds(page.arrearsPence),
      affordable: latest ? { weekly: formatPounds(latest.largest_weekly_pence), monthly: formatPounds(latest.largest_monthly_pence), takenOn: formatLongDate(latest.taken_on), working: latest.working } : null,
      frequencyItems: Object.entries(FREQUENCY_LABELS).map(([value, text]) => ({ value, text, checked: value === values.frequency })),
      suggestions: page.suggestedStarts.map((s) => ({ ...dateParts(s.date), date: formatLongDate(s.date), reason: s.reason })),
      replacing: replacing ? arrangementView(replacing) : null,
      warnings: extra.warnings ?? [],
      confirmKey: extra.confirmKey ?? '',
      preview: extra.preview ?? null,
      formAction: `${base(tenancy)}/money/arrangement`,
      backHref: `${base(tenancy)}/money`,
    });
  };

  return {
    async show(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      await renderPage(req, res, tenancy);
    },

    async showIncomeExpenditure(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      // Pre-filled from the latest snapshot, so an update starts from what is on file.
      const [latest] = await snapshotsOf(ctx.db, tenancy.id);
      const values: Record<string, string> = {};
      for (const c of ALL_CATEGORIES) values[`period-${c}`] = 'monthly';
      for (const l of latest?.lines ?? []) {
        values[`amount-${l.category}`] = formatPenceAsDecimal(l.amountPence);
        values[`period-${l.category}`] = l.period;
      }
      await renderIe(res, tenancy, values, {});
    },

    async submitIncomeExpenditure(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const parsed = parseIncomeExpenditureForm(req.body);
      if (!parsed.ok) {
        res.status(400);
        await renderIe(res, tenancy, parsed.values, parsed.errors);
        return;
      }
      const outcome = await recordIncomeExpenditure(await caseContext(ctx, req), tenancy.ref, { lines: parsed.value });
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'invalid') {
        res.status(400);
        const errors: FieldErrors = {};
        for (const p of outcome.problems) errors[`amount-${parsed.value[p.line]?.category ?? ''}`] = p.message;
        await renderIe(res, tenancy, parsed.values, errors);
        return;
      }
      addFlash(req, { type: 'success', title: `Income and expenditure saved: ${outcome.working.working.at(-1) ?? ''}` });
      res.redirect(303, `${base(tenancy)}/money`);
    },

    async showArrangement(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const replaces = queryString(req.query, 'replaces');
      await renderArrangement(req, res, tenancy, { frequency: 'weekly', replaces: /^\d{1,15}$/.test(replaces) ? replaces : '' }, {});
    },

    async submitArrangement(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const parsed = parseArrangementForm(req.body);
      if (!parsed.ok) {
        res.status(400);
        await renderArrangement(req, res, tenancy, parsed.values, parsed.errors);
        return;
      }
      const outcome = await createArrangement(await caseContext(ctx, req), tenancy.ref, parsed.value);
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'refused') {
        res.status(400);
        await renderArrangement(req, res, tenancy, parsed.values, problemErrors(outcome.problems.filter((p) => p.refuse)));
        return;
      }
      if (outcome.kind === 'needs_confirmation') {
        const preview = planView(outcome.plan, parsed.value.startDate, parsed.value.frequency, parsed.value.instalmentPence);
        await renderArrangement(req, res, tenancy, parsed.values, {}, { warnings: outcome.problems.map((p) => p.message), preview, confirmKey: confirmKey(parsed.value.instalmentPence, parsed.value.frequency, parsed.value.startDate) });
        return;
      }
      if (outcome.kind === 'not_open') {
        res.status(409);
        await renderArrangement(req, res, tenancy, parsed.values, { instalment: 'The arrangement being renegotiated has already ended' });
        return;
      }
      addFlash(req, { type: 'success', title: `Arrangement agreed: the arrears clear on ${formatLongDate(outcome.plan.clearsOn)}`, text: 'The confirmation letter is ready to download below.' });
      res.redirect(303, `${base(tenancy)}/money`);
    },

    async cancel(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const id = String(req.params.id ?? '');
      if (!/^\d{1,15}$/.test(id)) throw new HttpError(404);
      const existing = (await arrangementsOf(ctx.db, tenancy.id)).find((a) => a.id === Number(id));
      if (!existing) throw new HttpError(404);
      const parsed = parseCancelForm(req.body);
      if (!parsed.ok) {
        res.status(400);
        await renderPage(req, res, tenancy, { id: existing.id, values: parsed.values, errors: parsed.errors });
        return;
      }
      const outcome = await cancelArrangement(await caseContext(ctx, req), tenancy.ref, { arrangementId: existing.id, reason: parsed.value.reason });
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'not_open') {
        res.status(409);
        await renderPage(req, res, tenancy, { id: existing.id, values: parsed.values, errors: { reason: 'This arrangement has already ended' } });
        return;
      }
      addFlash(req, { type: 'success', title: 'Arrangement cancelled' });
      res.redirect(303, `${base(tenancy)}/money`);
    },
  };
}
