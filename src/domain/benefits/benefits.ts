/**
 * Benefits on the case (docs/money-workflows.md "Benefits"): pure rules for Housing Benefit and
 * Universal Credit records — what the tenant must pay themselves, the next payment dates, which task
 * an engine action becomes, and the reason written on a DWP request. Figures from
 * ../shared/docs/domain-reference.md §5.
 */
import { addDays, daysInMonth, isoWeekday, toDayNumber, type BusinessDate } from '../calendar/business-date';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../calendar/working-days';
import { monthlyEquivalentPence, universalCreditWeeklyEquivalentPence } from '../assessment/measures/equivalents';
import { divideRoundHalfUp, type Pence } from '../money/pence';

export const BENEFIT_TYPES = ['housing_benefit', 'universal_credit'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];
export const BENEFIT_STATUSES = ['claimed', 'in_payment', 'suspended', 'ended'] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];
export const HOUSING_COSTS_TO = ['landlord', 'tenant'] as const;
export type HousingCostsTo = (typeof HOUSING_COSTS_TO)[number];

/** One benefit record as an officer enters it (amounts already in pence). */
export interface BenefitRecordInput {
  type: BenefitType;
  status: BenefitStatus;
  from: BusinessDate;
  /** HB: the weekly award as paid. */
  weeklyPence: Pence | null;
  /** HB: paid every N weeks (1, 2 or 4 usually). */
  paidEveryWeeks: number | null;
  /** HB: the next payment date on the schedule. */
  nextPaymentOn: BusinessDate | null;
  /** UC: the monthly housing costs as paid. */
  monthlyHousingPence: Pence | null;
  /** UC: the day of the month the assessment period starts (1–31). */
  assessmentPeriodStartDay: number | null;
  housingCostsTo: HousingCostsTo | null;
  evidenceComplete: boolean;
  /** Benefit cap reduction a week (0 or null: none). */
  benefitCapWeeklyPence: Pence | null;
  /** Spare bedrooms for the under-occupancy reduction: 0, 1, or 2 (two or more). */
  spareBedrooms: number | null;
  deductionsFrom: BusinessDate | null;
}

export interface RecordProblem {
  field: keyof BenefitRecordInput;
  message: string;
}

/** What makes a record inconsistent whatever the form (the form checks each field's shape). */
export function recordProblems(r: BenefitRecordInput): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (r.type === 'housing_benefit') {
    if (r.status === 'in_payment' && r.weeklyPence === null) problems.push({ field: 'weeklyPence', message: 'Enter the weekly Housing Benefit' });
    if (r.paidEveryWeeks !== null && (r.paidEveryWeeks < 1 || r.paidEveryWeeks > 5)) problems.push({ field: 'paidEveryWeeks', message: 'Housing Benefit is paid every 1 to 5 weeks' });
  } else {
    if (r.status === 'in_payment' && r.monthlyHousingPence === null) problems.push({ field: 'monthlyHousingPence', message: 'Enter the monthly housing costs' });
    if (r.assessmentPeriodStartDay !== null && (r.assessmentPeriodStartDay < 1 || r.assessmentPeriodStartDay > 31)) {
      problems.push({ field: 'assessmentPeriodStartDay', message: 'The assessment period starts on a day from 1 to 31' });
    }
  }
  for (const field of ['weeklyPence', 'monthlyHousingPence', 'benefitCapWeeklyPence'] as const) {
    const v = r[field];
    if (v !== null && v < 0) problems.push({ field, message: 'An amount cannot be negative' });
  }
  if (r.spareBedrooms !== null && (r.spareBedrooms < 0 || r.spareBedrooms > 2)) problems.push({ field: 'spareBedrooms', message: 'Choose none, one, or two or more spare bedrooms' });
  const deducting = (r.benefitCapWeeklyPence ?? 0) > 0 || (r.spareBedrooms ?? 0) > 0;
  if (deducting && r.deductionsFrom === null) problems.push({ field: 'deductionsFrom', message: 'Enter the date the deductions apply from' });
  return problems;
}

/** §5: under-occupancy reduction: 14% of the eligible rent for one spare bedroom, 25% for two or more. */
export function underOccupancyPercent(spareBedrooms: number): number {
  if (spareBedrooms <= 0) return 0;
  return spareBedrooms === 1 ? 14 : 25;
}

/** The weekly under-occupancy reduction on an eligible weekly rent, rounded half-up to whole pence. */
export function underOccupancyWeeklyPence(eligibleRentWeeklyPence: Pence, spareBedrooms: number): Pence {
  return divideRoundHalfUp(eligibleRentWeeklyPence * underOccupancyPercent(spareBedrooms), 100);
}

/** The benefit's weekly amount as paid: HB weekly, or UC monthly × 12 / 52. */
export function benefitWeeklyPence(r: Pick<BenefitRecordInput, 'type' | 'weeklyPence' | 'monthlyHousingPence'>): Pence {
  return r.type === 'housing_benefit' ? (r.weeklyPence ?? 0) : universalCreditWeeklyEquivalentPence(r.monthlyHousingPence ?? 0);
}

export interface Shortfall {
  /** What the tenant must pay themselves each week: the weekly charge less the benefit as paid (never below 0). */
  shortfallWeeklyPence: Pence;
  underOccupancyWeeklyPence: Pence;
  benefitCapWeeklyPence: Pence;
  /** The rest: charges the benefit does not meet (ineligible service charges, non-dependant deductions, …). */
  otherWeeklyPence: Pence;
  /** The monthly equivalent of the shortfall (× 52 / 12). */
  shortfallMonthlyPence: Pence;
}

/**
 * The tenant's own share of the rent a week. The award is recorded as paid (after any deductions, as the
 * engine reads it); the deductions explain the shortfall, the rest is "other". Without an award in
 * payment, the shortfall is the whole charge.
 */
export function shortfall(input: { weeklyChargePence: Pence; benefitWeeklyPence: Pence; inPayment: boolean; underOccupancyWeeklyPence: Pence; benefitCapWeeklyPence: Pence }): Shortfall {
  const paid = input.inPayment ? input.benefitWeeklyPence : 0;
  const shortfallWeeklyPence = Math.max(0, input.weeklyChargePence - paid);
  const uo = Math.min(input.underOccupancyWeeklyPence, shortfallWeeklyPence);
  const cap = Math.min(input.benefitCapWeeklyPence, shortfallWeeklyPence - uo);
  return {
    shortfallWeeklyPence,
    underOccupancyWeeklyPence: uo,
    benefitCapWeeklyPence: cap,
    otherWeeklyPence: shortfallWeeklyPence - uo - cap,
    shortfallMonthlyPence: monthlyEquivalentPence(shortfallWeeklyPence),
  };
}

function dateOf(year: number, month: number, day: number): BusinessDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The assessment period's start in a month: day `startDay`, or the month's last day when shorter. */
function periodStartIn(year: number, month: number, startDay: number): BusinessDate {
  return dateOf(year, month, Math.min(startDay, daysInMonth(year, month)));
}

/** England and Wales bank holidays (src/domain/calendar/working-days.ts), the default calendar. */
const BANK_HOLIDAYS: readonly BusinessDate[] = [...ENGLAND_AND_WALES_BANK_HOLIDAYS];

/** The working day on or before `date` (weekends and bank holidays skipped: England and Wales unless given). */
export function workingDayOnOrBefore(date: BusinessDate, holidays: readonly BusinessDate[] = BANK_HOLIDAYS): BusinessDate {
  let d = date;
  while (isoWeekday(d) >= 5 || holidays.includes(d)) d = addDays(d, -1);
  return d;
}

/**
 * §5.1: UC is paid monthly in arrears, 7 days after the assessment period ends (the day before the next
 * period starts), moved to the working day before when that is a weekend or bank holiday (England and
 * Wales unless given). Returns the next `count` payment dates on or after `onOrAfter`.
 */
export function ucPaymentDates(startDay: number, onOrAfter: BusinessDate, count: number, holidays: readonly BusinessDate[] = BANK_HOLIDAYS): BusinessDate[] {
  if (startDay < 1 || startDay > 31) throw new RangeError('assessment period start day must be 1–31');
  const dates: BusinessDate[] = [];
  let year = Number(onOrAfter.slice(0, 4));
  // Begin two months early: a period that started then may still be paid on or after the day.
  let month = Number(onOrAfter.slice(5, 7)) - 2;
  if (month <= 0) {
    month += 12;
    year -= 1;
  }
  const target = toDayNumber(onOrAfter);
  while (dates.length < count) {
    const nextMonth = month === 12 ? 1 : month + 1;
    const nextYear = month === 12 ? year + 1 : year;
    const periodEnd = addDays(periodStartIn(nextYear, nextMonth, startDay), -1);
    const paidOn = workingDayOnOrBefore(addDays(periodEnd, 7), holidays);
    if (toDayNumber(paidOn) >= target) dates.push(paidOn);
    month = nextMonth;
    year = nextYear;
  }
  return dates;
}

/** HB: the next payment on or after `onOrAfter` on a schedule of every `paidEveryWeeks` weeks from `nextPaymentOn`. */
export function hbNextPaymentOn(nextPaymentOn: BusinessDate, paidEveryWeeks: number, onOrAfter: BusinessDate): BusinessDate {
  const step = Math.max(1, paidEveryWeeks) * 7;
  const behind = toDayNumber(onOrAfter) - toDayNumber(nextPaymentOn);
  if (behind <= 0) return nextPaymentOn;
  return addDays(nextPaymentOn, Math.ceil(behind / step) * step);
}

/** The engine's benefit actions (recommendation or alsoConsider) and the task each becomes. */
export const BENEFIT_ACTION_TASKS: Readonly<Record<string, string>> = {
  request_managed_payment: 'dwp_managed_payment',
  request_third_party_deduction: 'dwp_third_party_deduction',
  request_hb_direct_payment: 'hb_direct_payment',
  offer_dhp_support: 'dhp_referral',
  chase_benefit_claim: 'benefit_claim_chase',
};

/** The task kinds of DWP Landlord Portal requests, and the request type written in the export. */
export const DWP_REQUEST_TYPES: Readonly<Record<string, string>> = {
  dwp_managed_payment: 'APA',
  dwp_third_party_deduction: 'Third-party deduction',
};

/** The engine action recorded on the timeline when a task's request has been made. */
export const TASK_ACTIONS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(BENEFIT_ACTION_TASKS).map(([action, kind]) => [kind, action]));

/** §5.4: Housing Benefit must be paid direct to the landlord from 8 weeks of arrears. */
export const HB_DIRECT_PAYMENT_WEEKS = 8;

/** HB paid to the tenant with 8 weeks' arrears or more: ask the council to pay it direct. */
export function needsHbDirectPayment(input: { type: string; status: string; housingCostsTo: string | null; weeksInArrears: number }): boolean {
  return input.type === 'housing_benefit' && input.status === 'in_payment' && input.housingCostsTo === 'tenant' && input.weeksInArrears >= HB_DIRECT_PAYMENT_WEEKS;
}

/**
 * The reason given on a DWP request: the arrears as weeks (weekly rents) or months (monthly rents) of
 * the rent, e.g. "8.5 weeks of rent in arrears" / "2.1 months of rent in arrears".
 */
export function dwpRequestReason(input: { arrearsPence: Pence; weeklyChargePence: Pence; rentFrequency: string }): string {
  if (input.weeklyChargePence <= 0) return 'Rent arrears';
  if (input.rentFrequency === 'monthly') {
    const months = divideRoundHalfUp(input.arrearsPence * 10, monthlyEquivalentPence(input.weeklyChargePence)) / 10;
    return `${months.toFixed(1)} months of rent in arrears`;
  }
  const weeks = divideRoundHalfUp(input.arrearsPence * 10, input.weeklyChargePence) / 10;
  return `${weeks.toFixed(1)} weeks of rent in arrears`;
}
