/** The legal page's forms: parse and validate → values or FieldErrors naming every field. */
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { PRE_ACTION_ITEMS, type PreActionItem } from '../../../domain/case-file/case-file';
import { isServiceMethod, type ServiceMethod } from '../../../domain/legal-case/notice-service';
import { isPsedStage, PSED_CONSIDERATIONS, type PsedDecision, type PsedStage } from '../../../domain/legal-case/psed';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../application/legal/legal-actions';
import { bodyString, bodyStrings, dateField, type FieldErrors } from '../../forms';

export type Parsed<T> = { ok: true; value: T; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const MAX_TEXT = 4000;

function dateValues(body: unknown, name: string): Record<string, string> {
  return { [`${name}-day`]: bodyString(body, `${name}-day`), [`${name}-month`]: bodyString(body, `${name}-month`), [`${name}-year`]: bodyString(body, `${name}-year`) };
}

function pastDate(body: unknown, name: string, what: string, today: BusinessDate, errors: FieldErrors, required = true): BusinessDate | null {
  const f = dateField(body, name, what, { required });
  if (f.error) errors[name] = f.error;
  else if (f.value && f.value > today) errors[name] = `${what.charAt(0).toUpperCase()}${what.slice(1)} must be today or in the past`;
  return f.value;
}

export function parsePreActionForm(body: unknown, today: BusinessDate): Parsed<{ item: PreActionItem; date: BusinessDate; evidence: { kind: EvidenceKind; id: string }; note: string | null }> {
  const values = { preItem: bodyString(body, 'preItem'), ...dateValues(body, 'preDate'), evidenceKind: bodyString(body, 'evidenceKind'), evidenceId: bodyString(body, 'evidenceId').trim(), preNote: bodyString(body, 'preNote') };
  const errors: FieldErrors = {};
  if (!(PRE_ACTION_ITEMS as readonly string[]).includes(values.preItem)) errors.preItem = 'Select the Protocol step';
  const date = pastDate(body, 'preDate', 'the date the step was done', today, errors);
  if (!(EVIDENCE_KINDS as readonly string[]).includes(values.evidenceKind)) errors.evidenceKind = 'Select the kind of evidence';
  if (values.evidenceId === '') errors.evidenceId = 'Enter the letter number, contact number or statement date';
  else if (values.evidenceKind === 'statement' && !/^\d{4}-\d{2}-\d{2}$/.test(values.evidenceId)) errors.evidenceId = 'Enter the statement date as YYYY-MM-DD, for example 2026-11-20';
  else if ((values.evidenceKind === 'letter' || values.evidenceKind === 'contact') && !/^\d{1,15}$/.test(values.evidenceId)) errors.evidenceId = 'Enter the number of the letter or contact, for example 12';
  if (values.preNote.length > MAX_TEXT) errors.preNote = 'Note must be 4,000 characters or fewer';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    value: { item: values.preItem as PreActionItem, date: date!, evidence: { kind: values.evidenceKind as EvidenceKind, id: values.evidenceId }, note: values.preNote.trim() === '' ? null : values.preNote.trim() },
  };
}

export function parseWarningForm(body: unknown, today: BusinessDate): Parsed<{ date: BusinessDate; timeLimitDays: number }> {
  const values = { ...dateValues(body, 'warningDate'), timeLimitDays: bodyString(body, 'timeLimitDays').trim() };
  const errors: FieldErrors = {};
  const date = pastDate(body, 'warningDate', 'the date of the letter', today, errors);
  const days = Number(values.timeLimitDays);
  if (values.timeLimitDays === '') errors.timeLimitDays = 'Enter the time limit in days';
  else if (!/^\d{1,3}$/.test(values.timeLimitDays) || days < 7 || days > 56) errors.timeLimitDays = 'Time limit must be a whole number of days from 7 to 56';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, values, value: { date: date!, timeLimitDays: days } };
}

export function parseClaimForm(body: unknown, today: BusinessDate): Parsed<{ issuedOn: BusinessDate; claimNumber: string; court: string; hearingDate: BusinessDate | null }> {
  const values = { ...dateValues(body, 'issuedOn'), claimNumber: bodyString(body, 'claimNumber').trim(), court: bodyString(body, 'court').trim(), ...dateValues(body, 'hearingDate') };
  const errors: FieldErrors = {};
  const issuedOn = pastDate(body, 'issuedOn', 'the issue date', today, errors);
  if (values.claimNumber === '') errors.claimNumber = 'Enter the claim number';
  else if (!/^[A-Za-z0-9-]{3,20}$/.test(values.claimNumber)) errors.claimNumber = 'Claim number must be 3 to 20 letters, numbers or hyphens';
  if (values.court === '') errors.court = 'Enter the court';
  else if (values.court.length > 200) errors.court = 'Court must be 200 characters or fewer';
  const hearing = dateField(body, 'hearingDate', 'the hearing date', { required: false });
  if (hearing.error) errors.hearingDate = hearing.error;
  else if (hearing.value && issuedOn && hearing.value <= issuedOn) errors.hearingDate = 'The hearing date must be after the issue date';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, values, value: { issuedOn: issuedOn!, claimNumber: values.claimNumber.toUpperCase(), court: values.court, hearingDate: hearing.value } };
}

export function parseNoticeForm(body: unknown, today: BusinessDate, allowedGrounds: readonly string[]): Parsed<{ actedOn: BusinessDate; method: ServiceMethod; grounds: string[] }> {
  const grounds = bodyStrings(body, 'grounds');
  const values: Record<string, string> = { ...dateValues(body, 'actedOn'), method: bodyString(body, 'method'), grounds: grounds.join(',') };
  const errors: FieldErrors = {};
  const actedOn = pastDate(body, 'actedOn', 'the date the notice was handed over, left or posted', today, errors);
  if (!isServiceMethod(values.method!)) errors.method = 'Select how the notice was served';
  if (allowedGrounds.length > 0) {
    if (grounds.length === 0) errors.grounds = 'Select at least one ground';
    else if (grounds.some((g) => !allowedGrounds.includes(g))) errors.grounds = `Select grounds from ${allowedGrounds.join(', ')}`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, values, value: { actedOn: actedOn!, method: values.method as ServiceMethod, grounds } };
}

export function parsePsedForm(
  body: unknown,
  today: BusinessDate,
): Parsed<{ stage: PsedStage; date: BusinessDate; considered: string[]; consideredNotes: string; adjustments: string; reasoning: string; decision: PsedDecision }> {
  const considered = bodyStrings(body, 'considered');
  const values: Record<string, string> = {
    stage: bodyString(body, 'stage'),
    ...dateValues(body, 'psedDate'),
    considered: considered.join(','),
    consideredNotes: bodyString(body, 'consideredNotes').trim(),
    adjustments: bodyString(body, 'adjustments').trim(),
    reasoning: bodyString(body, 'reasoning').trim(),
    decision: bodyString(body, 'decision'),
  };
  const errors: FieldErrors = {};
  if (!isPsedStage(values.stage!)) errors.stage = 'Select the stage of the decision';
  const date = pastDate(body, 'psedDate', 'the date of the assessment', today, errors);
  if (considered.some((c) => !(c in PSED_CONSIDERATIONS))) errors.considered = 'Select characteristics from the list';
  if (values.consideredNotes!.length > MAX_TEXT) errors.consideredNotes = 'What you considered must be 4,000 characters or fewer';
  if (values.adjustments === '') errors.adjustments = 'Enter the adjustments considered, or say none are needed and why';
  else if (values.adjustments!.length > MAX_TEXT) errors.adjustments = 'Adjustments must be 4,000 characters or fewer';
  if (values.reasoning === '') errors.reasoning = 'Enter why the step is, or is not, proportionate';
  else if (values.reasoning!.length > MAX_TEXT) errors.reasoning = 'Reasoning must be 4,000 characters or fewer';
  if (values.decision !== 'proceed' && values.decision !== 'do_not_proceed') errors.decision = 'Select the decision';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    value: { stage: values.stage as PsedStage, date: date!, considered, consideredNotes: values.consideredNotes!, adjustments: values.adjustments!, reasoning: values.reasoning!, decision: values.decision as PsedDecision },
  };
}
