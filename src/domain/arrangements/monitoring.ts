/**
 * Watching an arrangement (or a court order with payment terms) between "kept" and "broken": the
 * EARLY WARNING the day an instalment is late. Same sums as the compliance rule (recovery policy §1,
 * src/domain/assessment/measures/arrangement-compliance.ts): from the start to asOf inclusive,
 * required = charges + instalment × instalment dates, paid = payments in that time. Kept while the
 * shortfall is at most one instalment (+ payments in transit): that one instalment is the tolerance.
 * An instalment is late while the shortfall is above 0 but within the tolerance; it breaks on the
 * next instalment date if still unpaid.
 */
import type { BusinessDate } from '../calendar/business-date';
import { daysBetween, toDayNumber } from '../calendar/business-date';
import { countInstalmentDates } from '../assessment/measures/arrangement-compliance';
import { instalmentDate, type InstalmentFrequency } from './plan-arrangement';

export interface InstalmentWatchInput {
  startDate: BusinessDate;
  frequency: InstalmentFrequency;
  instalmentPence: number;
  asOf: BusinessDate;
  /** Charge transactions dated start..asOf. */
  chargesPence: number;
  /** Payments dated start..asOf (positive), as the compliance rule counts them. */
  paidPence: number;
  /** Payments in transit on asOf (part of the tolerance). */
  transitPence: number;
}

export type InstalmentWatch =
  | { state: 'not_started' }
  | { state: 'on_track'; instalmentsDue: number; shortfallPence: number }
  | {
      state: 'late';
      instalmentsDue: number;
      /** The instalment that is late (its date) and how many days late it is. */
      lateInstalmentOn: BusinessDate;
      daysLate: number;
      shortfallPence: number;
      /** What is paid towards the instalments after the charges. */
      paidTowardsInstalmentsPence: number;
      /** The tolerance: one instalment plus payments in transit. */
      tolerancePence: number;
      /** The day it breaks if nothing more is paid (the next instalment date). */
      breaksOn: BusinessDate;
    }
  | { state: 'broken'; instalmentsDue: number; shortfallPence: number; tolerancePence: number };

/** Which instalment is late, how late, and when it breaks (table-tested at the day boundaries). */
export function watchInstalments(i: InstalmentWatchInput): InstalmentWatch {
  const due = countInstalmentDates(toDayNumber(i.startDate), toDayNumber(i.asOf), i.frequency);
  if (due === 0) return { state: 'not_started' };
  const required = i.chargesPence + i.instalmentPence * due;
  const shortfallPence = required - i.paidPence;
  const tolerancePence = i.instalmentPence + i.transitPence;
  if (shortfallPence <= 0) return { state: 'on_track', instalmentsDue: due, shortfallPence: Math.max(0, shortfallPence) };
  if (shortfallPence > tolerancePence) return { state: 'broken', instalmentsDue: due, shortfallPence, tolerancePence };
  const paidTowardsInstalmentsPence = i.paidPence - i.chargesPence;
  // The first instalment not fully covered by what was paid after the charges.
  const covered = i.instalmentPence > 0 ? Math.max(0, Math.floor(paidTowardsInstalmentsPence / i.instalmentPence)) : due - 1;
  const lateIndex = Math.min(covered, due - 1);
  const lateInstalmentOn = instalmentDate(i.startDate, i.frequency, lateIndex);
  return {
    state: 'late',
    instalmentsDue: due,
    lateInstalmentOn,
    daysLate: daysBetween(lateInstalmentOn, i.asOf),
    shortfallPence,
    paidTowardsInstalmentsPence,
    tolerancePence,
    breaksOn: instalmentDate(i.startDate, i.frequency, due),
  };
}

/** The first `count` instalments of a plan: date and amount (the last one may be smaller). */
export function firstInstalments(
  plan: { startDate: BusinessDate; frequency: InstalmentFrequency; instalmentPence: number; instalments: number; finalInstalmentPence: number },
  count: number,
): { dueOn: BusinessDate; amountPence: number }[] {
  const n = Math.min(count, plan.instalments);
  return Array.from({ length: n }, (_, k) => ({
    dueOn: instalmentDate(plan.startDate, plan.frequency, k),
    amountPence: k === plan.instalments - 1 ? plan.finalInstalmentPence : plan.instalmentPence,
  }));
}
