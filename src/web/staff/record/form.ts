import type { RecordableEvent } from '../../../application/case-events/record-case-event';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { bodyString, dateField, type FieldErrors } from '../../forms';
import { BREATHING_SPACE_LABELS, CHANNEL_LABELS, OUTCOME_LABELS, VULNERABILITY_LABELS } from '../../labels';

export const RECORD_KINDS = ['contact', 'note', 'follow-up', 'vulnerability', 'vulnerability-review', 'dispute', 'breathing-space'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

export const RECORD_TITLES: Record<RecordKind, string> = {
  contact: 'Record a contact',
  note: 'Add a note',
  'follow-up': 'Set a follow-up',
  vulnerability: 'Record a vulnerability',
  'vulnerability-review': 'Record a vulnerability review',
  dispute: 'Record a dispute',
  'breathing-space': 'Record a breathing space',
};

export const NOTE_MAX = 4000;

export type RecordFormResult = { ok: true; event: RecordableEvent } | { ok: false; errors: FieldErrors; values: Record<string, string> };

function note(body: unknown, errors: FieldErrors, required: string | null): string | null {
  const text = bodyString(body, 'note').trim();
  if (text === '' && required) errors.note = required;
  if (text.length > NOTE_MAX) errors.note = `Note must be ${NOTE_MAX.toLocaleString('en-GB')} characters or fewer`;
  return text === '' ? null : text;
}

/** Reads and checks a recording form. Dates may not be in the future (a follow-up's due date may not be in the past). */
export function parseRecordForm(kind: RecordKind, body: unknown, today: BusinessDate): RecordFormResult {
  const errors: FieldErrors = {};
  const values: Record<string, string> = {};
  for (const key of ['channel', 'outcome', 'note', 'flag', 'kind', 'reason']) values[key] = bodyString(body, key);
  for (const d of ['date', 'dueDate', 'endDate']) for (const p of ['day', 'month', 'year']) values[`${d}-${p}`] = bodyString(body, `${d}-${p}`);
  const pastDate = (name: string, what: string): BusinessDate => {
    const f = dateField(body, name, what, { required: true });
    if (f.error) errors[name] = f.error;
    else if (f.value && f.value > today) errors[name] = `${what.charAt(0).toUpperCase()}${what.slice(1)} must be today or in the past`;
    return f.value ?? today;
  };
  let event: RecordableEvent | null = null;
  switch (kind) {
    case 'contact': {
      const date = pastDate('date', 'the date of the contact');
      const channel = bodyString(body, 'channel');
      const outcome = bodyString(body, 'outcome');
      if (!(channel in CHANNEL_LABELS)) errors.channel = 'Select how you contacted the tenant';
      if (!(outcome in OUTCOME_LABELS)) errors.outcome = 'Select the outcome';
      event = { type: 'contact', date, channel, outcome, note: note(body, errors, null) };
      break;
    }
    case 'note': {
      const text = note(body, errors, 'Enter the note');
      event = { type: 'note', date: today, note: text ?? '' };
      break;
    }
    case 'follow-up': {
      const f = dateField(body, 'dueDate', 'the follow-up date', { required: true });
      if (f.error) errors.dueDate = f.error;
      else if (f.value && f.value < today) errors.dueDate = 'The follow-up date must be today or in the future';
      const reason = bodyString(body, 'reason').trim();
      if (reason.length > 200) errors.reason = 'Reason must be 200 characters or fewer';
      event = { type: 'follow_up', date: today, dueDate: f.value ?? today, reason: reason === '' ? null : reason, note: note(body, errors, null) };
      break;
    }
    case 'vulnerability': {
      const flag = bodyString(body, 'flag');
      if (!(flag in VULNERABILITY_LABELS)) errors.flag = 'Select the kind of vulnerability';
      event = { type: 'vulnerability', date: today, flag, note: note(body, errors, flag === 'other' ? 'Describe the vulnerability' : null) };
      break;
    }
    case 'vulnerability-review':
      event = { type: 'vulnerability_review', date: today, note: note(body, errors, 'Enter what the review found') };
      break;
    case 'dispute': {
      const date = pastDate('date', 'the date the dispute was raised');
      event = { type: 'dispute', date, note: note(body, errors, 'Enter what the tenant disputes') };
      break;
    }
    case 'breathing-space': {
      const date = pastDate('date', 'the start date');
      const k = bodyString(body, 'kind');
      if (!(k in BREATHING_SPACE_LABELS)) errors.kind = 'Select the kind of breathing space';
      const end = dateField(body, 'endDate', 'the end date', { required: false });
      if (end.error) errors.endDate = end.error;
      else if (end.value && end.value < date) errors.endDate = 'The end date must be on or after the start date';
      event = { type: 'breathing_space', date, kind: k, endDate: end.value, note: note(body, errors, null) };
      break;
    }
    default:
      break;
  }
  if (Object.keys(errors).length > 0 || !event) return { ok: false, errors, values };
  return { ok: true, event };
}

export const CLOSE_KINDS: Record<string, { kind: 'dispute_resolved' | 'breathing_space_ended' | 'follow_up_done'; title: string; done: string; dateLabel: string | null }> = {
  dispute: { kind: 'dispute_resolved', title: 'Record that the dispute is resolved', done: 'Dispute recorded as resolved', dateLabel: 'Date resolved' },
  breathing_space: { kind: 'breathing_space_ended', title: 'Record the end of the breathing space', done: 'End of the breathing space recorded', dateLabel: 'Last day of the breathing space' },
  follow_up: { kind: 'follow_up_done', title: 'Mark the follow-up as done', done: 'Follow-up marked as done', dateLabel: null },
};
