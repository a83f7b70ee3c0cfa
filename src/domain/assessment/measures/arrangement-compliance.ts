/**
 * §1 "Arrangement compliance", for an arrangement and for a court order with payment terms. Over the
 * days from the start to asOf inclusive: required = charge transactions + instalment × instalment
 * dates; paid = −(negative transactions, any kind) − (positive reversals); shortfall = required − paid.
 * Kept while shortfall <= one instalment + payments in transit on asOf (the parts' sum, not capped).
 */
import { addMonthsToDayNumber, monthIndexDifference } from '../../calendar/business-date';
import { sumBetween } from './balance';
import type { CaseIndex } from './case-index';

export type InstalmentFrequency = 'weekly' | 'fortnightly' | 'four_weekly' | 'monthly';

/** `frequency` missing or other: weekly. */
export function instalmentFrequency(value: string | null): InstalmentFrequency {
  return value === 'fortnightly' || value === 'four_weekly' || value === 'monthly' ? value : 'weekly';
}

/** Instalment dates from startDay to toDay inclusive: every 7, 14 or 28 days, or startDay + k months. */
export function countInstalmentDates(startDay: number, toDay: number, frequency: InstalmentFrequency): number {
  if (toDay < startDay) return 0;
  switch (frequency) {
    case 'weekly':
      return Math.floor((toDay - startDay) / 7) + 1;
    case 'fortnightly':
      return Math.floor((toDay - startDay) / 14) + 1;
    case 'four_weekly':
      return Math.floor((toDay - startDay) / 28) + 1;
    case 'monthly': {
      const months = monthIndexDifference(startDay, toDay);
      return addMonthsToDayNumber(startDay, months) <= toDay ? months + 1 : months;
    }
  }
}

export interface Compliance {
  status: 'kept' | 'broken';
  instalmentPence: number;
  frequency: InstalmentFrequency;
  instalmentDates: number;
  chargesPence: number;
  requiredPence: number;
  paidPence: number;
  shortfallPence: number;
  allowancePence: number;
}

export function assessCompliance(
  index: CaseIndex,
  startDay: number,
  instalmentPence: number,
  frequency: InstalmentFrequency,
  transitTotalPence: number,
): Compliance {
  const toDay = index.asOfDay;
  const instalmentDates = countInstalmentDates(startDay, toDay, frequency);
  const chargesPence = sumBetween(index, index.chargePrefix, startDay, toDay);
  const requiredPence = chargesPence + instalmentPence * instalmentDates;
  const paidPence = -sumBetween(index, index.creditPrefix, startDay, toDay) - sumBetween(index, index.positiveReversalPrefix, startDay, toDay);
  const shortfallPence = requiredPence - paidPence;
  const allowancePence = instalmentPence + transitTotalPence;
  return {
    status: shortfallPence <= allowancePence ? 'kept' : 'broken',
    instalmentPence,
    frequency,
    instalmentDates,
    chargesPence,
    requiredPence,
    paidPence,
    shortfallPence,
    allowancePence,
  };
}
