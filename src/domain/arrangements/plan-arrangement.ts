/**
 * A repayment arrangement on top of the rent: the instalment dates and the day the arrears clear, and
 * the checks an officer needs before offering it (recovery policy §1 counts compliance the same way).
 */
import { formatPenceAsDecimal } from '../money/pence';
import type { BusinessDate } from '../calendar/business-date';
import { addDays, addMonths } from '../calendar/business-date';

export type InstalmentFrequency = 'weekly' | 'fortnightly' | 'four_weekly' | 'monthly';

export interface ArrangementRequest {
  arrearsPence: number;
  instalmentPence: number;
  frequency: InstalmentFrequency;
  startDate: BusinessDate;
  asOf: BusinessDate;
  /** The largest affordable instalment for the same frequency, when an income and expenditure is on file. */
  largestAffordablePence: number | null;
}

export type ArrangementProblem = { field: 'instalmentPence' | 'startDate' | 'arrearsPence'; message: string; refuse: boolean };

export interface ArrangementPlan {
  instalments: number;
  /** The date of the last instalment: the arrears clear then if every instalment is paid with the rent. */
  clearsOn: BusinessDate;
  finalInstalmentPence: number;
  problems: ArrangementProblem[];
}

/** The date of the k-th instalment (k = 0 is the start). */
export function instalmentDate(startDate: BusinessDate, frequency: InstalmentFrequency, k: number): BusinessDate {
  if (frequency === 'monthly') return addMonths(startDate, k);
  return addDays(startDate, k * (frequency === 'weekly' ? 7 : frequency === 'fortnightly' ? 14 : 28));
}

/** Plans an arrangement; `problems` with `refuse` mean it cannot be made, the others are warnings. */
export function planArrangement(r: ArrangementRequest): ArrangementPlan {
  const problems: ArrangementProblem[] = [];
  if (!Number.isSafeInteger(r.instalmentPence) || r.instalmentPence <= 0) {
    problems.push({ field: 'instalmentPence', message: 'Enter an instalment of at least 1p', refuse: true });
  }
  if (!Number.isSafeInteger(r.arrearsPence) || r.arrearsPence <= 0) {
    problems.push({ field: 'arrearsPence', message: 'There are no arrears to repay', refuse: true });
  }
  if (r.startDate < r.asOf) problems.push({ field: 'startDate', message: 'The first instalment cannot be in the past', refuse: true });
  if (r.largestAffordablePence !== null && r.instalmentPence > r.largestAffordablePence) {
    problems.push({
      field: 'instalmentPence',
      message: `The instalment is more than the income and expenditure shows the tenant can afford (£${formatPenceAsDecimal(r.largestAffordablePence)}): an arrangement that cannot be kept will break`,
      refuse: false,
    });
  }
  if (problems.some((p) => p.refuse)) return { instalments: 0, clearsOn: r.startDate, finalInstalmentPence: 0, problems };
  const instalments = Math.ceil(r.arrearsPence / r.instalmentPence);
  const finalInstalmentPence = r.arrearsPence - (instalments - 1) * r.instalmentPence;
  if (instalments > 260) {
    problems.push({ field: 'instalmentPence', message: `At this rate the arrears take ${instalments} instalments (over five years) to clear`, refuse: false });
  }
  return { instalments, clearsOn: instalmentDate(r.startDate, r.frequency, instalments - 1), finalInstalmentPence, problems };
}
