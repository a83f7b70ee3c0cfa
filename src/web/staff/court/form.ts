import { isOrderType, isSafeguardItem, ORDER_FREQUENCIES, orderFieldsNeeded, type OrderType, type SafeguardItem } from '../../../domain/court/court-rules';
import { parsePoundsToPence } from '../../../domain/money/pence';
import type { OrderInput } from '../../../application/court/court-actions';
import { CANCEL_REASONS } from '../../../application/court/court-actions';
import { bodyString, bodyStrings, dateField, type FieldErrors } from '../../forms';

export type Parsed<T> = { ok: true; value: T } | { ok: false; values: Record<string, string>; errors: FieldErrors };

const DATE_PARTS = (name: string, body: unknown) => ({
  [`${name}-day`]: bodyString(body, `${name}-day`),
  [`${name}-month`]: bodyString(body, `${name}-month`),
  [`${name}-year`]: bodyString(body, `${name}-year`),
});

function money(body: unknown, name: string, what: string, required: boolean, errors: FieldErrors): number | null {
  const raw = bodyString(body, name).trim();
  if (raw === '') {
    if (required) errors[name] = `Enter ${what}`;
    return null;
  }
  const pence = parsePoundsToPence(raw);
  if (pence === null) errors[name] = `${what.charAt(0).toUpperCase()}${what.slice(1)} must be an amount in pounds, like 5.00`;
  else if (pence <= 0) errors[name] = `${what.charAt(0).toUpperCase()}${what.slice(1)} must be more than 0`;
  else if (pence > 100_000_000) errors[name] = `${what.charAt(0).toUpperCase()}${what.slice(1)} must be £1,000,000 or less`;
  return pence;
}

function note(body: unknown, errors: FieldErrors): string | null {
  const n = bodyString(body, 'note').trim();
  if (n.length > 2000) errors.note = 'Note must be 2,000 characters or fewer';
  return n === '' ? null : n;
}

export function parseHearingForm(body: unknown): Parsed<{ hearingDate: string }> {
  const values = DATE_PARTS('hearingDate', body);
  const f = dateField(body, 'hearingDate', 'the date of the hearing', { required: true });
  if (f.error || !f.value) return { ok: false, values, errors: { hearingDate: f.error ?? 'Enter the date of the hearing' } };
  return { ok: true, value: { hearingDate: f.value } };
}

export function orderTypeOf(value: string): OrderType | null {
  return isOrderType(value) ? value : null;
}

/** The court order form: only the fields the order type needs are read (the others are ignored). */
export function parseOrderForm(body: unknown): Parsed<OrderInput> {
  const values: Record<string, string> = {
    order: bodyString(body, 'order'),
    instalment: bodyString(body, 'instalment'),
    frequency: bodyString(body, 'frequency'),
    costs: bodyString(body, 'costs'),
    note: bodyString(body, 'note'),
    ...DATE_PARTS('date', body),
    ...DATE_PARTS('possessionDate', body),
  };
  const errors: FieldErrors = {};
  const order = orderTypeOf(values.order ?? '');
  if (order === null) {
    errors.order = 'Select the type of order';
    return { ok: false, values, errors };
  }
  const date = dateField(body, 'date', 'the date of the order', { required: true });
  if (date.error) errors.date = date.error;
  const needed = orderFieldsNeeded(order);
  let instalmentPence: number | null = null;
  let frequency: string | null = null;
  let possessionDate: string | null = null;
  if (needed.includes('instalmentPence')) instalmentPence = money(body, 'instalment', 'the instalment towards the arrears', true, errors);
  if (needed.includes('frequency')) {
    frequency = values.frequency ?? '';
    if (!(ORDER_FREQUENCIES as readonly string[]).includes(frequency)) {
      errors.frequency = 'Select how often the instalment is paid';
      frequency = null;
    }
  }
  if (needed.includes('possessionDate')) {
    const p = dateField(body, 'possessionDate', 'the possession date', { required: true });
    if (p.error) errors.possessionDate = p.error;
    possessionDate = p.value;
  }
  const costsPence = money(body, 'costs', 'the court costs awarded', false, errors);
  const n = note(body, errors);
  if (Object.keys(errors).length > 0 || !date.value) return { ok: false, values, errors };
  return { ok: true, value: { order, date: date.value, instalmentPence, frequency, possessionDate, costsPence, note: n } };
}

export function parseEvictionDateForm(body: unknown): Parsed<{ evictionDate: string }> {
  const values = DATE_PARTS('evictionDate', body);
  const f = dateField(body, 'evictionDate', "the bailiffs' eviction date", { required: true });
  if (f.error || !f.value) return { ok: false, values, errors: { evictionDate: f.error ?? "Enter the bailiffs' eviction date" } };
  return { ok: true, value: { evictionDate: f.value } };
}

export function parseSafeguardsForm(body: unknown): Parsed<{ items: SafeguardItem[]; consent: boolean; note: string | null }> {
  const rawItems = bodyStrings(body, 'items');
  const values: Record<string, string> = { items: rawItems.join(','), consent: bodyString(body, 'consent'), note: bodyString(body, 'note') };
  const errors: FieldErrors = {};
  const items = rawItems.filter(isSafeguardItem);
  if (items.length === 0 || items.length !== rawItems.length) errors.items = 'Select the safeguards you have completed';
  const consent = values.consent === 'yes';
  if (items.includes('housing_options_referral') && !consent) errors.consent = 'Confirm the tenant consented to the Housing Options referral';
  const n = note(body, errors);
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, value: { items, consent, note: n } };
}

export type OutcomeInput = { outcome: 'evicted'; date: string } | { outcome: 'cancelled'; reason: (typeof CANCEL_REASONS)[number]; note: string | null };

export function parseOutcomeForm(body: unknown): Parsed<OutcomeInput> {
  const values: Record<string, string> = { outcome: bodyString(body, 'outcome'), reason: bodyString(body, 'reason'), note: bodyString(body, 'note'), ...DATE_PARTS('date', body) };
  const errors: FieldErrors = {};
  if (values.outcome === 'evicted') {
    const d = dateField(body, 'date', 'the date of the eviction', { required: true });
    if (d.error || !d.value) return { ok: false, values, errors: { date: d.error ?? 'Enter the date of the eviction' } };
    return { ok: true, value: { outcome: 'evicted', date: d.value } };
  }
  if (values.outcome === 'cancelled') {
    const reason = values.reason ?? '';
    if (!(CANCEL_REASONS as readonly string[]).includes(reason)) errors.reason = 'Select why the eviction was cancelled';
    const n = note(body, errors);
    if (Object.keys(errors).length > 0) return { ok: false, values, errors };
    return { ok: true, value: { outcome: 'cancelled', reason: reason as (typeof CANCEL_REASONS)[number], note: n } };
  }
  return { ok: false, values, errors: { outcome: 'Select what happened' } };
}
