import type { Request, Response } from 'express';
import { caseToActOn } from '../../../application/case-events/case-access';
import { closeCaseEvent, recordCaseEvent } from '../../../application/case-events/record-case-event';
import { findCaseEvent } from '../../../persistence/stores/case-event-amend-store';
import { listTenants, type TenancyRow } from '../../../persistence/stores/tenancy-store';
import { formatLongDate } from '../../../domain/statements/dates';
import { actorOf, auditTenancyPageRead, caseContext, todayOf, type WebContext } from '../../context';
import { bodyString, dateField, dateParts, errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { BREATHING_SPACE_LABELS, CHANNEL_LABELS, eventTypeLabel, OUTCOME_LABELS, VULNERABILITY_LABELS } from '../../labels';
import { addFlash } from '../../middleware/session';
import { CLOSE_KINDS, isRecordKind, parseRecordForm, RECORD_TITLES, type RecordKind } from './form';

/** The tenancy of `:ref` when the actor may record on it (their patch): 404 unknown, 403 otherwise. */
export async function tenancyToActOn(ctx: WebContext, req: Request): Promise<TenancyRow> {
  const access = await caseToActOn(ctx.db, actorOf(req), String(req.params.ref ?? ''));
  if (!access.ok) throw new HttpError(access.reason === 'not_found' ? 404 : 403, access.reason === 'forbidden' ? 'You can only record on accounts on your own patch.' : 'There is no tenancy with this reference');
  return access.tenancy;
}

const items = (table: Record<string, string>, selected: string) => Object.entries(table).map(([value, text]) => ({ value, text, checked: value === selected }));

function kindOf(req: Request): RecordKind {
  const kind = String(req.params.kind ?? '');
  if (!isRecordKind(kind)) throw new HttpError(404);
  return kind;
}

export function recordController(ctx: WebContext) {
  const render = async (req: Request, res: Response, tenancy: TenancyRow, kind: RecordKind, values: Record<string, string>, errors: FieldErrors) => {
    const names = (await listTenants(ctx.db, tenancy.id)).map((t) => t.name).join(' and ');
    // The form names the tenants: a read of personal data, audited like the account's pages.
    await auditTenancyPageRead(ctx, req, tenancy, `record_${kind}`);
    const base = `/tenancies/${encodeURIComponent(tenancy.ref)}`;
    res.render('staff/record/record.njk', {
      pageTitle: `${RECORD_TITLES[kind]}: ${tenancy.ref}`,
      title: RECORD_TITLES[kind],
      kind,
      ref: tenancy.ref,
      names,
      values,
      errors,
      errorList: errorList(errors, { date: 'date-day', dueDate: 'dueDate-day', endDate: 'endDate-day', channel: 'channel', outcome: 'outcome', flag: 'flag', kind: 'kind' }),
      channelItems: items(CHANNEL_LABELS, values.channel ?? ''),
      outcomeItems: items(OUTCOME_LABELS, values.outcome ?? ''),
      flagItems: items(VULNERABILITY_LABELS, values.flag ?? ''),
      kindItems: items(BREATHING_SPACE_LABELS, values.kind ?? ''),
      formAction: `${base}/record/${kind}`,
      backHref: `${base}/timeline`,
    });
  };

  return {
    async show(req: Request, res: Response) {
      const kind = kindOf(req);
      const tenancy = await tenancyToActOn(ctx, req);
      const today = dateParts(await todayOf(ctx, req));
      const values: Record<string, string> = { 'date-day': today.day, 'date-month': today.month, 'date-year': today.year };
      await render(req, res, tenancy, kind, values, {});
    },

    async submit(req: Request, res: Response) {
      const kind = kindOf(req);
      const tenancy = await tenancyToActOn(ctx, req);
      const cc = await caseContext(ctx, req);
      const parsed = parseRecordForm(kind, req.body, cc.today);
      if (!parsed.ok) {
        res.status(400);
        await render(req, res, tenancy, kind, parsed.values, parsed.errors);
        return;
      }
      const outcome = await recordCaseEvent(cc, tenancy.ref, parsed.event);
      if (outcome.kind !== 'recorded') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      addFlash(req, { type: 'success', title: `${eventTypeLabel(parsed.event.type)} recorded`, text: outcome.reassessed ? undefined : 'The recommendation will be refreshed at the next daily run.' });
      res.redirect(303, `/tenancies/${encodeURIComponent(tenancy.ref)}/timeline`);
    },

    async showClose(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const event = await openEvent(ctx, req, tenancy);
      const today = dateParts(await todayOf(ctx, req));
      await renderClose(ctx, res, tenancy, event, { 'date-day': today.day, 'date-month': today.month, 'date-year': today.year, note: '' }, {});
    },

    async submitClose(req: Request, res: Response) {
      const tenancy = await tenancyToActOn(ctx, req);
      const event = await openEvent(ctx, req, tenancy);
      const spec = CLOSE_KINDS[event.type]!;
      const cc = await caseContext(ctx, req);
      const errors: FieldErrors = {};
      const values = { 'date-day': bodyString(req.body, 'date-day'), 'date-month': bodyString(req.body, 'date-month'), 'date-year': bodyString(req.body, 'date-year'), note: bodyString(req.body, 'note') };
      let date = cc.today;
      if (spec.dateLabel) {
        const f = dateField(req.body, 'date', spec.dateLabel.toLowerCase(), { required: true });
        if (f.error) errors.date = f.error;
        else if (f.value && f.value < event.event_date) errors.date = `${spec.dateLabel} must be on or after ${formatLongDate(event.event_date)}`;
        else if (f.value && spec.kind === 'dispute_resolved' && f.value > cc.today) errors.date = `${spec.dateLabel} must be today or in the past`;
        date = f.value ?? date;
      }
      const note = values.note.trim();
      if (note.length > 4000) errors.note = 'Note must be 4,000 characters or fewer';
      if (Object.keys(errors).length > 0) {
        res.status(400);
        await renderClose(ctx, res, tenancy, event, values, errors);
        return;
      }
      const outcome = await closeCaseEvent(cc, tenancy.ref, { eventId: event.id, kind: spec.kind, date, note: note === '' ? null : note });
      if (outcome.kind === 'not_found' || outcome.kind === 'forbidden') throw new HttpError(outcome.kind === 'not_found' ? 404 : 403);
      addFlash(req, outcome.kind === 'not_open' ? { type: 'important', title: 'This was already closed' } : { type: 'success', title: spec.done });
      res.redirect(303, `/tenancies/${encodeURIComponent(tenancy.ref)}/timeline`);
    },
  };
}

async function openEvent(ctx: WebContext, req: Request, tenancy: TenancyRow) {
  const id = String(req.params.id ?? '');
  if (!/^\d{1,15}$/.test(id)) throw new HttpError(404);
  const event = await findCaseEvent(ctx.db, Number(id));
  if (!event || event.tenancy_id !== tenancy.id || !(event.type in CLOSE_KINDS)) throw new HttpError(404);
  return event;
}

async function renderClose(
  ctx: WebContext,
  res: Response,
  tenancy: TenancyRow,
  event: { id: number; type: string; event_date: string },
  values: Record<string, string>,
  errors: FieldErrors,
) {
  const spec = CLOSE_KINDS[event.type]!;
  const names = (await listTenants(ctx.db, tenancy.id)).map((t) => t.name).join(' and ');
  const base = `/tenancies/${encodeURIComponent(tenancy.ref)}`;
  res.render('staff/record/close.njk', {
    pageTitle: `${spec.title}: ${tenancy.ref}`,
    title: spec.title,
    description: `${eventTypeLabel(event.type)} recorded on ${formatLongDate(event.event_date)}.`,
    dateLabel: spec.dateLabel,
    ref: tenancy.ref,
    names,
    values,
    errors,
    errorList: errorList(errors, { date: 'date-day' }),
    formAction: `${base}/events/${event.id}/close`,
    backHref: `${base}/timeline`,
  });
}
