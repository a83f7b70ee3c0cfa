/**
 * Income and expenditure in Standard Financial Statement (SFS) categories: what a tenant can afford
 * towards their rent arrears, with its working. Amounts are monthly pence (the SFS's own period); weekly
 * amounts are converted at × 52 / 12, rounded half-up.
 */
import { divideRoundHalfUp, formatPenceAsDecimal } from '../money/pence';

export const SFS_INCOME = ['earnings', 'benefits_and_tax_credits', 'pensions', 'other_income'] as const;
export const SFS_FIXED_COSTS = ['rent_and_service_charges', 'council_tax', 'utilities', 'water', 'phone_and_internet', 'tv_licence', 'childcare', 'insurance', 'essential_travel'] as const;
export const SFS_FLEXIBLE_COSTS = ['food_and_housekeeping', 'personal_costs', 'communications_and_leisure', 'other_flexible'] as const;
export const SFS_PRIORITY_DEBTS = ['council_tax_arrears', 'energy_arrears', 'magistrates_fines', 'child_maintenance_arrears', 'hmrc_arrears', 'other_priority'] as const;

export type SfsCategory =
  | (typeof SFS_INCOME)[number]
  | (typeof SFS_FIXED_COSTS)[number]
  | (typeof SFS_FLEXIBLE_COSTS)[number]
  | (typeof SFS_PRIORITY_DEBTS)[number];

export interface SfsLine {
  category: SfsCategory;
  /** The amount as the tenant gives it. */
  amountPence: number;
  period: 'weekly' | 'monthly';
}

export interface AffordabilityWorking {
  monthlyIncomePence: number;
  monthlyFixedCostsPence: number;
  monthlyFlexibleCostsPence: number;
  monthlyPriorityDebtPaymentsPence: number;
  /** Income less every cost and priority debt payment (negative: a deficit). */
  monthlySurplusPence: number;
  /** The most the tenant can pay towards the arrears: the surplus, never below 0. */
  largestMonthlyInstalmentPence: number;
  largestWeeklyInstalmentPence: number;
  /** Readable lines of the working, for the case and the letter. */
  working: string[];
}

export type IncomeExpenditureError = { line: number; field: 'amountPence' | 'category' | 'period'; message: string };

export function monthlyPence(line: Pick<SfsLine, 'amountPence' | 'period'>): number {
  return line.period === 'monthly' ? line.amountPence : divideRoundHalfUp(line.amountPence * 52, 12);
}

export function weeklyFromMonthlyPence(monthly: number): number {
  return Math.floor((monthly * 12) / 52); // down: an instalment the tenant can afford, never a penny more
}

const ALL: readonly string[] = [...SFS_INCOME, ...SFS_FIXED_COSTS, ...SFS_FLEXIBLE_COSTS, ...SFS_PRIORITY_DEBTS];

/** Checks the lines: every amount a whole, non-negative number of pence; known categories and periods. */
export function checkIncomeExpenditure(lines: readonly SfsLine[]): IncomeExpenditureError[] {
  const errors: IncomeExpenditureError[] = [];
  lines.forEach((l, i) => {
    if (!ALL.includes(l.category)) errors.push({ line: i, field: 'category', message: `"${String(l.category)}" is not a Standard Financial Statement category` });
    if (l.period !== 'weekly' && l.period !== 'monthly') errors.push({ line: i, field: 'period', message: 'must be weekly or monthly' });
    if (!Number.isSafeInteger(l.amountPence)) errors.push({ line: i, field: 'amountPence', message: 'must be a whole number of pence' });
    else if (l.amountPence < 0) errors.push({ line: i, field: 'amountPence', message: 'cannot be negative' });
  });
  return errors;
}

/** The surplus and the largest affordable instalment, with the working. Lines must have passed the check. */
export function affordability(lines: readonly SfsLine[]): AffordabilityWorking {
  const sum = (cats: readonly string[]) => lines.filter((l) => cats.includes(l.category)).reduce((n, l) => n + monthlyPence(l), 0);
  const income = sum(SFS_INCOME);
  const fixed = sum(SFS_FIXED_COSTS);
  const flexible = sum(SFS_FLEXIBLE_COSTS);
  const priority = sum(SFS_PRIORITY_DEBTS);
  const surplus = income - fixed - flexible - priority;
  const largestMonthly = Math.max(0, surplus);
  const pounds = (p: number) => `£${formatPenceAsDecimal(p)}`;
  return {
    monthlyIncomePence: income,
    monthlyFixedCostsPence: fixed,
    monthlyFlexibleCostsPence: flexible,
    monthlyPriorityDebtPaymentsPence: priority,
    monthlySurplusPence: surplus,
    largestMonthlyInstalmentPence: largestMonthly,
    largestWeeklyInstalmentPence: weeklyFromMonthlyPence(largestMonthly),
    working: [
      `Income ${pounds(income)} a month`,
      `less fixed costs ${pounds(fixed)}, flexible costs ${pounds(flexible)} and priority debt payments ${pounds(priority)}`,
      surplus >= 0 ? `leaves ${pounds(surplus)} a month (${pounds(weeklyFromMonthlyPence(surplus))} a week)` : `leaves a deficit of ${pounds(-surplus)} a month: refer for debt advice`,
    ],
  };
}
