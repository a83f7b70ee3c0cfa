import { BENEFIT_STATUSES, recordProblems, type BenefitRecordInput } from '../../../domain/benefits/benefits';
import { formatPenceAsDecimal, parsePoundsToPence } from '../../../domain/money/pence';
import { bodyString, dateField, dateParts, type FieldErrors } from '../../forms';

export type Parsed<T> = { ok: true; value: T; values: Record<string, string> } | { ok: false; values: Record<string, string>; errors: FieldErrors };

export const TYPE_LABELS: Record<string, string> = { universal_credit: 'Universal Credit', housing_benefit: 'Housing Benefit' };
export const STATUS_LABELS: Record<string, string> = { claimed: 'Claimed (not yet in payment)', in_payment: 'In payment', suspended: 'Suspended', ended: 'Ended' };
export const COSTS_TO_LABELS: Record<string, string> = { landlord: 'To us (the landlord)', tenant: 'To the tenant' };
export const SPARE_BEDROOM_LABELS: Record<string, string> = { '0': 'None', '1': 'One (14%)', '2': 'Two or more (25%)' };

/** The id each field's error links to (date inputs: their day box). */
export const FIELD_IDS: Record<string, string> = { from: 'from-day', nextPaymentOn: 'nextPaymentOn-day', deductionsFrom: 'deductionsFrom-day', endedOn: 'endedOn-day' };

const TEXT_FIELDS = ['type', 'status', 'weekly', 'paidEveryWeeks', 'monthlyHousing', 'assessmentDay', 'housingCostsTo', 'evidenceComplete', 'benefitCap', 'spareBedrooms'] as const;
const DATE_FIELDS = ['from', 'nextPaymentOn', 'deductionsFrom'] as const;

function amount(values: Record<string, string>, name: string, what: string, errors: FieldErrors): number | null {
  const text = values[name] ?? '';
  if (text === '') return null;
  const pence = parsePoundsToPence(text);
  if (pence === null) errors[name] = `${what} must be an amount in pounds, like 95.50`;
  else if (pence < 0) errors[name] = `${what} cannot be negative`;
  return pence;
}

function wholeNumber(values: Record<string, string>, name: string, what: string, min: number, max: number, errors: FieldErrors): number | null {
  const text = values[name] ?? '';
  if (text === '') return null;
  if (!/^\d{1,3}$/.test(text) || Number(text) < min || Number(text) > max) {
    errors[name] = `${what} must be a whole number from ${min} to ${max}`;
    return null;
  }
  return Number(text);
}

/** Domain field names → form field names (for problems the domain finds). */
const DOMAIN_FIELDS: Record<string, string> = {
  weeklyPence: 'weekly', monthlyHousingPence: 'monthlyHousing', assessmentPeriodStartDay: 'assessmentDay', benefitCapWeeklyPence: 'benefitCap',
  paidEveryWeeks: 'paidEveryWeeks', spareBedrooms: 'spareBedrooms', deductionsFrom: 'deductionsFrom', status: 'status', type: 'type', from: 'from',
};

/** Parses the benefit record form: every field checked, amounts in pounds → pence. */
export function parseBenefitForm(body: unknown): Parsed<BenefitRecordInput> {
  const values: Record<string, string> = {};
  for (const f of TEXT_FIELDS) values[f] = bodyString(body, f).trim();
  const errors: FieldErrors = {};
  const dates: Record<string, string | null> = {};
  for (const f of DATE_FIELDS) {
    const d = dateField(body, f, f === 'from' ? 'the date the benefit is from' : f === 'nextPaymentOn' ? 'the next payment date' : 'the date the deductions apply from', { required: f === 'from' });
    values[`${f}-day`] = d.raw.day;
    values[`${f}-month`] = d.raw.month;
    values[`${f}-year`] = d.raw.year;
    if (d.error) errors[f] = d.error;
    dates[f] = d.value;
  }
  if (values.type !== 'universal_credit' && values.type !== 'housing_benefit') errors.type = 'Choose Universal Credit or Housing Benefit';
  if (!(BENEFIT_STATUSES as readonly string[]).includes(values.status ?? '') || values.status === 'ended') errors.status = 'Choose the status of the claim';
  if (values.housingCostsTo !== '' && values.housingCostsTo !== 'landlord' && values.housingCostsTo !== 'tenant') errors.housingCostsTo = 'Choose who the housing costs are paid to';
  if (values.evidenceComplete !== 'yes' && values.evidenceComplete !== 'no') errors.evidenceComplete = 'Say whether the evidence is complete';
  const hb = values.type === 'housing_benefit';
  const weeklyPence = hb ? amount(values, 'weekly', 'The weekly Housing Benefit', errors) : null;
  const paidEveryWeeks = hb ? wholeNumber(values, 'paidEveryWeeks', 'Paid every (weeks)', 1, 5, errors) : null;
  const monthlyHousingPence = hb ? null : amount(values, 'monthlyHousing', 'The monthly housing costs', errors);
  const assessmentPeriodStartDay = hb ? null : wholeNumber(values, 'assessmentDay', 'The assessment period start day', 1, 31, errors);
  const benefitCapWeeklyPence = amount(values, 'benefitCap', 'The benefit cap reduction', errors);
  const spareBedrooms = values.spareBedrooms === '' ? null : ['0', '1', '2'].includes(values.spareBedrooms ?? '') ? Number(values.spareBedrooms) : null;
  if (values.spareBedrooms !== '' && spareBedrooms === null) errors.spareBedrooms = 'Choose none, one, or two or more spare bedrooms';
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  const value: BenefitRecordInput = {
    type: hb ? 'housing_benefit' : 'universal_credit',
    status: values.status as BenefitRecordInput['status'],
    from: dates.from!,
    weeklyPence,
    paidEveryWeeks,
    nextPaymentOn: hb ? (dates.nextPaymentOn ?? null) : null,
    monthlyHousingPence,
    assessmentPeriodStartDay,
    housingCostsTo: values.housingCostsTo === 'landlord' || values.housingCostsTo === 'tenant' ? values.housingCostsTo : null,
    evidenceComplete: values.evidenceComplete === 'yes',
    benefitCapWeeklyPence,
    spareBedrooms,
    deductionsFrom: dates.deductionsFrom ?? null,
  };
  const problems = recordProblems(value);
  if (problems.length > 0) {
    for (const p of problems) {
      const field = DOMAIN_FIELDS[p.field] ?? p.field;
      if (!(field in errors)) errors[field] = p.message;
    }
    return { ok: false, values, errors };
  }
  return { ok: true, value, values };
}

/** A record → the form's values (to pre-fill an update). */
export function formValues(r: BenefitRecordInput): Record<string, string> {
  const values: Record<string, string> = {
    type: r.type,
    status: r.status,
    weekly: r.weeklyPence === null ? '' : formatPenceAsDecimal(r.weeklyPence),
    paidEveryWeeks: r.paidEveryWeeks === null ? '' : String(r.paidEveryWeeks),
    monthlyHousing: r.monthlyHousingPence === null ? '' : formatPenceAsDecimal(r.monthlyHousingPence),
    assessmentDay: r.assessmentPeriodStartDay === null ? '' : String(r.assessmentPeriodStartDay),
    housingCostsTo: r.housingCostsTo ?? '',
    evidenceComplete: r.evidenceComplete ? 'yes' : 'no',
    benefitCap: r.benefitCapWeeklyPence === null ? '' : formatPenceAsDecimal(r.benefitCapWeeklyPence),
    spareBedrooms: r.spareBedrooms === null ? '' : String(r.spareBedrooms),
  };
  for (const [name, iso] of [['from', r.from], ['nextPaymentOn', r.nextPaymentOn], ['deductionsFrom', r.deductionsFrom]] as const) {
    const p = dateParts(iso);
    values[`${name}-day`] = p.day;
    values[`${name}-month`] = p.month;
    values[`${name}-year`] = p.year;
  }
  return values;
}

/** The end form: the date the record ended. */
export function parseEndForm(body: unknown): Parsed<{ endedOn: string }> {
  const d = dateField(body, 'endedOn', 'the date the benefit ended', { required: true });
  const values = { 'endedOn-day': d.raw.day, 'endedOn-month': d.raw.month, 'endedOn-year': d.raw.year };
  if (d.error || d.value === null) return { ok: false, values, errors: { endedOn: d.error ?? 'Enter the date the benefit ended' } };
  return { ok: true, value: { endedOn: d.value }, values };
}
