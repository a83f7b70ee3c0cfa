import type { BusinessDate } from '../calendar/business-date';
import { maxDate, minDate } from '../calendar/business-date';
import type { Pence } from '../money/pence';
import { formatPounds } from '../money/pence';

export interface RentScheduleEntry {
  effectiveFrom: BusinessDate;
  weeklyPence: Pence;
}

export type RentChargePlan =
  | { kind: 'none' }
  | { kind: 'add'; effectiveFrom: BusinessDate; weeklyPence: Pence }
  | { kind: 'reject'; field: 'weekly_rent' | 'rent_from'; message: string };

function latestOnOrBefore(schedule: readonly RentScheduleEntry[], day: BusinessDate): RentScheduleEntry | null {
  let found: RentScheduleEntry | null = null;
  for (const e of schedule) if (e.effectiveFrom <= day && (!found || e.effectiveFrom >= found.effectiveFrom)) found = e;
  return found;
}

/**
 * What a tenancy file's `weekly_rent` does to a tenancy's rent schedule (contracts/cli-and-files.md,
 * "Tenancy files"):
 *
 * - no schedule yet: an entry from `rent_from`, or from `start_date`;
 * - with `rent_from`: nothing when it equals the charge in force on `rent_from`; else an entry from
 *   `rent_from` — unless an entry from that very date already has another amount (a charge is never
 *   rewritten: the row is rejected);
 * - without `rent_from`: nothing when it equals the charge in force today (today held within the
 *   tenancy's dates; before the first entry, the first entry); else the row is rejected: `rent_from` is
 *   required to say from when the new charge applies.
 */
export function planRentCharge(
  schedule: readonly RentScheduleEntry[],
  row: { weeklyRentPence: Pence; rentFrom: BusinessDate | null; startDate: BusinessDate; endDate: BusinessDate | null },
  today: BusinessDate,
): RentChargePlan {
  if (schedule.length === 0) return { kind: 'add', effectiveFrom: row.rentFrom ?? row.startDate, weeklyPence: row.weeklyRentPence };
  if (row.rentFrom !== null) {
    const inForce = latestOnOrBefore(schedule, row.rentFrom);
    if (inForce?.weeklyPence === row.weeklyRentPence) return { kind: 'none' };
    const same = schedule.find((e) => e.effectiveFrom === row.rentFrom);
    if (same) {
      return {
        kind: 'reject',
        field: 'weekly_rent',
        message: `${formatPounds(row.weeklyRentPence)} differs from the charge of ${formatPounds(same.weeklyPence)} already set from ${row.rentFrom}: a charge is never rewritten (give a later rent_from)`,
      };
    }
    return { kind: 'add', effectiveFrom: row.rentFrom, weeklyPence: row.weeklyRentPence };
  }
  const day = row.endDate !== null ? minDate(maxDate(today, row.startDate), row.endDate) : maxDate(today, row.startDate);
  const inForce = latestOnOrBefore(schedule, day) ?? [...schedule].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0]!;
  if (inForce.weeklyPence === row.weeklyRentPence) return { kind: 'none' };
  return {
    kind: 'reject',
    field: 'rent_from',
    message: `is required: weekly_rent ${formatPounds(row.weeklyRentPence)} differs from the charge in force (${formatPounds(inForce.weeklyPence)} from ${inForce.effectiveFrom})`,
  };
}
