import type { Request, Response } from 'express';
import { loadAccountHeader } from '../../../application/account/account-view';
import { audit } from '../../../application/audit/audit';
import {
  raiseHearingStatementTask,
  recordCourtOrder,
  recordEvictionOutcome,
  recordHearing,
  recordSafeguards,
  recordWarrantRequested,
  requestWarrant,
  scheduleEviction,
  type CourtOutcome,
} from '../../../application/court/court-actions';
import { buildParticulars, loadCourtCase, type CourtCase } from '../../../application/court/court-case';
import { orderWords, renderN325Pdf, renderParticularsPdf, renderPcolCsv } from '../../../application/court/render-court';
import { buildStatement } from '../../../application/statements/build-statement';
import { renderStatementCsv } from '../../../application/statements/render/csv';
import { LANDLORD_NAME } from '../../../application/statements/render/format';
import { renderStatementPdf } from '../../../application/statements/render/pdf';
import { canActOnPatch } from '../../../application/users/permissions';
import { orderFieldsNeeded, SAFEGUARD_ITEMS } from '../../../domain/court/court-rules';
import { formatPounds } from '../../../domain/money/pence';
import { addressLine } from '../../../domain/statements/statement';
import { formatLongDate } from '../../../domain/statements/dates';
import type { TenancyRow } from '../../../persistence/stores/tenancy-store';
import { actorOf, auditContext, auditTenancyPageRead, caseContext, todayOf, type WebContext } from '../../context';
import { dateParts, errorList, queryString, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { addFlash } from '../../middleware/session';
import { tenancyForView } from '../account/controller';
import { accountHeader, accountNavigation } from '../account/view-model';
import { tenancyToActOn } from '../record/controller';
import { parseEvictionDateForm, parseHearingForm, parseOrderForm, parseOutcomeForm, parseSafeguardsForm, orderTypeOf } from './form';
import { buildCourtPage, CANCEL_REASON_LABELS, FREQUENCY_LABELS, ORDER_TYPE_LABELS, safeguardChecklist, SAFEGUARD_LABELS } from './view-model';

type FormKind = 'hearing' | 'order' | 'eviction' | 'safeguards' | 'outcome';

const TITLES: Record<FormKind, string> = {
  hearing: 'Record the hearing date',
  order: "Record the court's order",
  eviction: "Record the bailiffs' eviction date",
  safeguards: 'Eviction safeguards checklist',
  outcome: 'Record the eviction outcome',
};

const DATE_IDS: Record<string, string> = { hearingDate: 'hearingDate-day', date: 'date-day', possessionDate: 'possessionDate-day', evictionDate: 'evictionDate-day', order: 'order', frequency: 'frequency', items: 'items', consent: 'consent', outcome: 'outcome', reason: 'reason' };

const DOCUMENTS = ['particulars.pdf', 'schedule.pdf', 'schedule.csv', 'pcol.csv', 'n325.pdf'] as const;

const radioItems = (table: Record<string, string>, selected: string) => Object.entries(table).map(([value, text]) => ({ value, text, checked: value === selected }));

function refOf(tenancy: TenancyRow): string {
  return `/tenancies/${encodeURIComponent(tenancy.ref)}`;
}

export function courtController(ctx: WebContext) {
  const pageBase = async (req: Request, tenancy: TenancyRow) => {
    const today = await todayOf(ctx, req);
    const view = await loadAccountHeader(ctx.db, actorOf(req), tenancy, today);
    return { today, header: accountHeader(view, today), subNavigation: accountNavigation(tenancy.ref, 'legal') };
  };

  const renderForm = async (req: Request, res: Response, tenancy: TenancyRow, kind: FormKind, values: Record<string, string>, errors: FieldErrors, refusals: string[] = []) => {
    const base = await pageBase(req, tenancy);
    const court = await loadCourtCase(ctx.db, tenancy, base.today);
    const orderType = kind === 'order' ? orderTypeOf(values.order ?? '') : null;
    const ticked = new Set((values.items ?? '').split(',').filter(Boolean));
    res.render('staff/court/court-form.njk', {
      ...base,
      pageTitle: `${TITLES[kind]}: ${tenancy.ref}`,
      title: TITLES[kind],
      kind,
      values,
      errors,
      refusals,
      errorList: errorList(errors, DATE_IDS),
      formAction: `${refOf(tenancy)}/court/${kind}`,
      backHref: `${refOf(tenancy)}/court`,
      orderType,
      orderTypeLabel: orderType ? ORDER_TYPE_LABELS[orderType] : null,
      needs: orderType ? orderFieldsNeeded(orderType) : [],
      orderItems: radioItems(ORDER_TYPE_LABELS, values.order ?? ''),
      frequencyItems: radioItems(FREQUENCY_LABELS, values.frequency ?? ''),
      safeguardItems: SAFEGUARD_ITEMS.filter((i) => !court.eviction.confirmed.some((c) => c.item === i)).map((i) => ({ value: i, text: SAFEGUARD_LABELS[i], checked: ticked.has(i) })),
      checklist: safeguardChecklist(court),
      checklistComplete: court.eviction.safeguards.complete,
      missing: court.eviction.safeguards.missing.map((m) => SAFEGUARD_LABELS[m] ?? m),
      evictionDate: court.eviction.evictionDate ? formatLongDate(court.eviction.evictionDate) : null,
      cancelItems: radioItems(CANCEL_REASON_LABELS, values.reason ?? ''),
      outcome: values.outcome ?? '',
    });
  };

  /** The application's answer: a redirect to the court page, or the form again (400 with field errors; 409 with reasons). */
  const answer = async (req: Request, res: Response, tenancy: TenancyRow, kind: FormKind, values: Record<string, string>, outcome: CourtOutcome | { kind: 'approval_requested'; approvalId: number }, done: string) => {
    if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
    if (outcome.kind === 'invalid') {
      res.status(400);
      await renderForm(req, res, tenancy, kind, values, Object.fromEntries(outcome.problems.map((p) => [p.field, p.message])));
      return;
    }
    if (outcome.kind === 'refused') {
      res.status(409);
      await renderForm(req, res, tenancy, kind, values, {}, outcome.reasons);
      return;
    }
    addFlash(req, { type: 'success', title: done });
    res.redirect(303, `${refOf(tenancy)}/court`);
  };

  const todayValues = async (req: Request, name: string) => {
    const t = dateParts(await todayOf(ctx, req));
    return { [`${name}-day`]: t.day, [`${name}-month`]: t.month, [`${name}-year`]: t.year };
  };

  return {
    async show(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      const base = await pageBase(req, tenancy);
      const actor = actorOf(req);
      const canAct = canActOnPatch(actor, tenancy.patch_id);
      let court = await loadCourtCase(ctx.db, tenancy, base.today);
      // A hearing date that came with claim_issued: its statement task is raised here (idempotent).
      if (canAct && court.hearingDate && court.claim?.hearingDate === court.hearingDate) {
        const raised = await raiseHearingStatementTask(ctx.db, tenancy.id, court.hearingDate, actor.username);
        if (raised.length > 0) court = await loadCourtCase(ctx.db, tenancy, base.today);
      }
      await auditTenancyPageRead(ctx, req, tenancy, 'court');
      res.render('staff/court/court.njk', { ...base, pageTitle: `${tenancy.ref}: court and eviction`, ...buildCourtPage(court, canAct) });
    },

    async document(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      const doc = String(req.params.doc ?? '');
      if (!(DOCUMENTS as readonly string[]).includes(doc)) throw new HttpError(404);
      const today = await todayOf(ctx, req);
      let body: Buffer | string;
      if (doc === 'schedule.pdf' || doc === 'schedule.csv') {
        const statement = await buildStatement(ctx.db, tenancy.ref, { asOf: today, mode: 'arrears-began' });
        body = doc === 'schedule.csv' ? renderStatementCsv(statement) : await renderStatementPdf(statement, { compress: false });
      } else if (doc === 'n325.pdf') {
        const court = await loadCourtCase(ctx.db, tenancy, today);
        if (!court.n325) throw new HttpError(404, 'There is no possession order to enforce');
        body = await renderN325Pdf(tenancy.ref, court.tenants, addressLine(tenancy.address, tenancy.postcode) ?? 'Not recorded', court.n325, today, { compress: false });
      } else {
        const particulars = await buildParticulars(ctx.db, tenancy, today, LANDLORD_NAME);
        body = doc === 'pcol.csv' ? renderPcolCsv(particulars) : await renderParticularsPdf(particulars, today, { compress: false });
      }
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'court_document', entityId: tenancy.ref, tenancyId: tenancy.id, details: { document: doc } }]);
      const [name, ext] = doc.split('.') as [string, string];
      res.setHeader('Content-Disposition', `attachment; filename="${`${name}-${tenancy.ref}-${today}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
      if (ext === 'csv') res.type('text/csv; charset=utf-8').send(body);
      else res.type('application/pdf').send(body);
    },

    async showWarrant(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      const base = await pageBase(req, tenancy);
      const court = await loadCourtCase(ctx.db, tenancy, base.today);
      await auditTenancyPageRead(ctx, req, tenancy, 'warrant');
      res.render('staff/court/warrant.njk', { ...base, ...warrantPage(court, canActOnPatch(actorOf(req), tenancy.patch_id), []) });
    },

    async submitWarrant(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const step = String((req.body as Record<string, unknown> | undefined)?.step ?? '');
      const outcome = step === 'sent' ? await recordWarrantRequested(cc, tenancy.ref) : step === 'request' ? await requestWarrant(cc, tenancy.ref, { note: null }) : null;
      if (outcome === null) {
        res.status(400);
        const base = await pageBase(req, tenancy);
        res.render('staff/court/warrant.njk', { ...base, ...warrantPage(await loadCourtCase(ctx.db, tenancy, base.today), true, ['Choose to request the warrant or record it as sent']) });
        return;
      }
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      if (outcome.kind === 'refused' || outcome.kind === 'invalid') {
        res.status(409);
        const base = await pageBase(req, tenancy);
        const reasons = outcome.kind === 'refused' ? outcome.reasons : outcome.problems.map((p) => p.message);
        res.render('staff/court/warrant.njk', { ...base, ...warrantPage(await loadCourtCase(ctx.db, tenancy, base.today), true, reasons) });
        return;
      }
      addFlash(req, { type: 'success', title: outcome.kind === 'approval_requested' ? "The warrant request was sent for a manager's approval" : 'The warrant was recorded as requested' });
      res.redirect(303, `${refOf(tenancy)}/court`);
    },

    async showForm(req: Request, res: Response) {
      const kind = formKind(req);
      const tenancy = await tenancyToActOn(ctx, req);
      let values: Record<string, string> = {};
      if (kind === 'hearing') values = {};
      if (kind === 'order') values = { order: queryString(req.query, 'type'), ...(await todayValues(req, 'date')) };
      if (kind === 'outcome') values = { outcome: queryString(req.query, 'outcome'), ...(await todayValues(req, 'date')) };
      await renderForm(req, res, tenancy, kind, values, {});
    },

    async submitForm(req: Request, res: Response) {
      const kind = formKind(req);
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const invalid = async (values: Record<string, string>, errors: FieldErrors) => {
        res.status(400);
        await renderForm(req, res, tenancy, kind, values, errors);
      };
      switch (kind) {
        case 'hearing': {
          const p = parseHearingForm(req.body);
          if (!p.ok) return invalid(p.values, p.errors);
          return answer(req, res, tenancy, kind, {}, await recordHearing(cc, tenancy.ref, p.value), `Hearing date recorded: ${formatLongDate(p.value.hearingDate)}`);
        }
        case 'order': {
          const p = parseOrderForm(req.body);
          if (!p.ok) return invalid(p.values, p.errors);
          const outcome = await recordCourtOrder(cc, tenancy.ref, p.value);
          const costs = p.value.costsPence ? `; costs of ${formatPounds(p.value.costsPence)} posted to court costs` : '';
          return answer(req, res, tenancy, kind, { order: p.value.order }, outcome, `${orderWords(p.value.order)} recorded${costs}`);
        }
        case 'eviction': {
          const p = parseEvictionDateForm(req.body);
          if (!p.ok) return invalid(p.values, p.errors);
          return answer(req, res, tenancy, kind, {}, await scheduleEviction(cc, tenancy.ref, p.value), `Eviction date recorded: ${formatLongDate(p.value.evictionDate)}`);
        }
        case 'safeguards': {
          const p = parseSafeguardsForm(req.body);
          if (!p.ok) return invalid(p.values, p.errors);
          return answer(req, res, tenancy, kind, {}, await recordSafeguards(cc, tenancy.ref, p.value), 'Safeguards recorded');
        }
        case 'outcome': {
          const p = parseOutcomeForm(req.body);
          if (!p.ok) return invalid(p.values, p.errors);
          const outcome = await recordEvictionOutcome(cc, tenancy.ref, p.value);
          return answer(req, res, tenancy, kind, { outcome: p.value.outcome }, outcome, p.value.outcome === 'evicted' ? 'Eviction recorded: the tenancy has ended and the balance moved to former tenant arrears' : 'Eviction cancelled');
        }
      }
    },
  };
}

function formKind(req: Request): FormKind {
  const kind = String(req.params.kind ?? '');
  if (!(kind in TITLES)) throw new HttpError(404);
  return kind as FormKind;
}

function warrantPage(court: CourtCase, canAct: boolean, reasons: string[]) {
  const n = court.n325;
  const row = (key: string, text: string, qa?: string) => ({ key, value: text, qa: qa ?? '' });
  const base = `/tenancies/${encodeURIComponent(court.tenancy.ref)}/court`;
  return {
    pageTitle: `${court.tenancy.ref}: warrant of possession`,
    base,
    canAct,
    reasons,
    refusals: court.warrant.refusals,
    pendingApprovalId: court.warrant.pendingApprovalId,
    approvedApprovalId: court.warrant.approvedApprovalId,
    requestedOn: court.warrant.requestedOn ? formatLongDate(court.warrant.requestedOn) : null,
    n325Rows: n
      ? [
          row('Date of the order', formatLongDate(n.orderDate), 'n325-order-date'),
          row('Type of order', orderWords(n.orderType), 'n325-order-type'),
          ...(n.possessionDate ? [row('Possession date', formatLongDate(n.possessionDate))] : []),
          row('Why the warrant is asked for', n.breach, 'n325-breach'),
          row('Amount outstanding now', formatPounds(n.outstandingPence), 'n325-outstanding'),
          row('Court costs', formatPounds(n.costsPence)),
          row('Payments since the order', `${formatPounds(n.paymentsSinceOrderPence)} (${n.payments.length} ${n.payments.length === 1 ? 'payment' : 'payments'})`, 'n325-payments'),
        ]
      : [],
    payments: n ? n.payments.map((p) => ({ date: formatLongDate(p.date), amount: formatPounds(p.amountPence), kind: p.kind === 'benefit' ? 'Benefit credit' : 'Payment' })) : [],
    hasN325: n !== null,
  };
}

