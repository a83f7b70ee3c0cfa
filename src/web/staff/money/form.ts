import { SFS_FIXED_COSTS, SFS_FLEXIBLE_COSTS, SFS_INCOME, SFS_PRIORITY_DEBTS, type SfsCategory, type SfsLine } from '../../../domain/arrangements/income-expenditure';
import type { InstalmentFrequency } from '../../../domain/arrangements/plan-arrangement';
import { parsePoundsToPence } from '../../../domain/money/pence';
import { bodyString, dateField, type FieldErrors } from '../../forms';

export type Parsed<T> = { ok: true; value: T; values: Record<string, string> } | { ok: false; values: Record<string, string>; errors: FieldErrors };

/** The SFS sections in the order the form asks them: income, priority debts first, then fixed and flexible costs. */
export const SFS_SECTIONS: readonly { key: string; title: string; hint: string; categories: readonly SfsCategory[] }[] = [
  { key: 'income', title: 'Income', hint: 'Take-home pay, benefits and tax credits, pensions and any other money coming in', categories: SFS_INCOME },
  { key: 'priority', title: 'Priority debts', hint: 'Payments on debts with the most serious consequences: these come before the rent arrears', categories: SFS_PRIORITY_DEBTS },
  { key: 'fixed', title: 'Fixed costs', hint: 'Bills that stay the same each week or month', categories: SFS_FIXED_COSTS },
  { key: 'flexible', title: 'Flexible costs', hint: 'Everyday spending that can vary', categories: SFS_FLEXIBLE_COSTS },
];

export const SFS_LABELS: Record<SfsCategory, string> = {
  earnings: 'Earnings (take-home pay)',
  benefits_and_tax_credits: 'Benefits and tax credits',
  pensions: 'Pensions',
  other_income: 'Other income',
  rent_and_service_charges: 'Rent and service charges (the tenant’s share)',
  council_tax: 'Council Tax',
  utilities: 'Gas and electricity',
  water: 'Water',
  phone_and_internet: 'Phone and internet',
  tv_licence: 'TV licence',
  childcare: 'Childcare',
  insurance: 'Insurance',
  essential_travel: 'Essential travel',
  food_and_housekeeping: 'Food and housekeeping',
  personal_costs: 'Personal costs (clothing, toiletries)',
  communications_and_leisure: 'Communications and leisure',
  other_flexible: 'Other flexible costs',
  council_tax_arrears: 'Council Tax arrears',
  energy_arrears: 'Energy arrears',
  magistrates_fines: 'Magistrates’ court fines',
  child_maintenance_arrears: 'Child maintenance arrears',
  hmrc_arrears: 'HMRC arrears',
  other_priority: 'Other priority debts',
};

export const ALL_CATEGORIES: readonly SfsCategory[] = SFS_SECTIONS.flatMap((s) => s.categories);

/**
 * The income and expenditure form: `amount-<category>` in pounds (blank: nothing) and
 * `period-<category>` (weekly or monthly). Each bad amount is named: not a number, negative, more
 * than 2 decimal places; at least one income line is needed.
 */
export function parseIncomeExpenditureForm(body: unknown): Parsed<SfsLine[]> {
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  const lines: SfsLine[] = [];
  for (const category of ALL_CATEGORIES) {
    const raw = bodyString(body, `amount-${category}`).trim();
    const period = bodyString(body, `period-${category}`) || 'monthly';
    values[`amount-${category}`] = raw;
    values[`period-${category}`] = period;
    if (period !== 'weekly' && period !== 'monthly') errors[`period-${category}`] = `Choose weekly or monthly for ${SFS_LABELS[category].toLowerCase()}`;
    if (raw === '') continue;
    const name = SFS_LABELS[category];
    const plain = raw.replace(/^£/, '').replace(/,/g, '');
    if (/^-/.test(plain) || /^\(.*\)$/.test(plain)) {
      errors[`amount-${category}`] = `${name} cannot be negative`;
    } else if (/^\d*\.\d{3,}$/.test(plain)) {
      errors[`amount-${category}`] = `${name} must be in pounds and pence, with no more than 2 decimal places`;
    } else {
      const pence = parsePoundsToPence(raw);
      if (pence === null) errors[`amount-${category}`] = `${name} must be an amount in pounds, like 125.50`;
      else if (pence > 100_000_000) errors[`amount-${category}`] = `${name} must be £1,000,000 or less`;
      else if (pence > 0 && (period === 'weekly' || period === 'monthly')) lines.push({ category, amountPence: pence, period });
    }
  }
  if (Object.keys(errors).length === 0 && !lines.some((l) => (SFS_INCOME as readonly string[]).includes(l.category))) {
    errors[`amount-${SFS_INCOME[0]}`] = 'Enter at least one amount of income';
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, value: lines, values };
}

export const FREQUENCY_LABELS: Record<InstalmentFrequency, string> = { weekly: 'Weekly', fortnightly: 'Every 2 weeks', four_weekly: 'Every 4 weeks', monthly: 'Monthly' };

export interface ArrangementForm {
  instalmentPence: number;
  frequency: InstalmentFrequency;
  startDate: string;
  confirmed: boolean;
  replaces: { arrangementId: number; reason: string } | null;
}

/** The arrangement form: instalment (pounds, more than 0), frequency, start date; renegotiation needs a reason. */
export function parseArrangementForm(body: unknown): Parsed<ArrangementForm> {
  const values: Record<string, string> = {
    instalment: bodyString(body, 'instalment').trim(),
    frequency: bodyString(body, 'frequency'),
    'startDate-day': bodyString(body, 'startDate-day'),
    'startDate-month': bodyString(body, 'startDate-month'),
    'startDate-year': bodyString(body, 'startDate-year'),
    replaces: bodyString(body, 'replaces').trim(),
    endReason: bodyString(body, 'endReason').trim(),
    confirm: bodyString(body, 'confirm'),
  };
  const errors: FieldErrors = {};
  let instalmentPence = 0;
  if (values.instalment === '') errors.instalment = 'Enter the instalment in pounds';
  else {
    const pence = parsePoundsToPence(values.instalment!);
    if (pence === null) errors.instalment = 'The instalment must be an amount in pounds, like 5.00, with no more than 2 decimal places';
    else if (pence < 0) errors.instalment = 'The instalment cannot be negative';
    else if (pence === 0) errors.instalment = 'The instalment must be more than £0';
    else if (pence > 100_000_000) errors.instalment = 'The instalment must be £1,000,000 or less';
    else instalmentPence = pence;
  }
  const frequency = values.frequency as InstalmentFrequency;
  if (!(frequency in FREQUENCY_LABELS)) errors.frequency = 'Choose how often the tenant pays';
  const start = dateField(body, 'startDate', 'the date of the first instalment', { required: true });
  if (start.error) errors.startDate = start.error;
  let replaces: ArrangementForm['replaces'] = null;
  if (values.replaces !== '') {
    if (!/^\d{1,15}$/.test(values.replaces!)) errors.replaces = 'The arrangement to replace is not known';
    else if (values.endReason === '') errors.endReason = 'Enter why the current arrangement is being renegotiated';
    else if (values.endReason!.length > 500) errors.endReason = 'The reason must be 500 characters or fewer';
    else replaces = { arrangementId: Number(values.replaces), reason: values.endReason! };
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, values, value: { instalmentPence, frequency, startDate: start.value!, confirmed: values.confirm === confirmKey(instalmentPence, frequency, start.value!), replaces } };
}

/** Cancelling: a reason is required. */
export function parseCancelForm(body: unknown): Parsed<{ reason: string }> {
  const reason = bodyString(body, 'reason').trim();
  const values = { reason };
  if (reason === '') return { ok: false, values, errors: { reason: 'Enter why the arrangement is being cancelled' } };
  if (reason.length > 500) return { ok: false, values, errors: { reason: 'The reason must be 500 characters or fewer' } };
  return { ok: true, values, value: { reason } };
}

/** What the officer confirmed despite the warnings: a changed instalment, frequency or date needs confirming again. */
export function confirmKey(instalmentPence: number, frequency: string, startDate: string): string {
  return `${instalmentPence}|${frequency}|${startDate}`;
}
