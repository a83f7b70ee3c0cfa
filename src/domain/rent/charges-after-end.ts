/**
 * Charges for days after a tenancy ended (docs/court-and-eviction.md, "Evicted").
 *
 * The daily run charges each rent week on its Monday, so a tenancy that ends part-way through a week (an
 * eviction on a Wednesday), or whose end is recorded after later weeks were charged (an eviction recorded
 * late), has been charged for days after its end. What was due for those weeks is what `chargesDue` gives
 * with the end date: the end week pro rata by day (the end date itself charged), nothing after it. Each
 * charge beyond that is credited by a reversal of it for the difference, so the balance moved to former
 * tenant arrears is what the tenant owed.
 */
import type { BusinessDate } from '../calendar/business-date';
import { addDays, daysBetween, maxDate, mondayOnOrBefore } from '../calendar/business-date';
import { chargesDue, type ChargeInputs, type SubAccount } from './charges-due';

/** A `charge` posted to the ledger, with the sum of the reversals already posted against it (≤ 0). */
export interface PostedCharge {
  id: number;
  subAccount: SubAccount;
  businessDate: BusinessDate;
  amountPence: number;
  reversedPence: number;
}

/** A reversal to post: `amountPence` is negative, dated as the charge it corrects. */
export interface ChargeCredit {
  reversesId: number;
  subAccount: SubAccount;
  businessDate: BusinessDate;
  weekCommencing: BusinessDate;
  amountPence: number;
  /** Days of that week after the end date (the end week's days after it, or a whole week). */
  daysAfterEnd: number;
}

/**
 * The credits for charges beyond what was due once the tenancy ended on `inputs.endDate`: for each
 * sub-account and rent week from the end week on, the charges posted (net of their reversals) above the
 * charge due that week, latest charge first. Charges posted below what was due are left as they are.
 */
export function creditsForChargesAfterEnd(inputs: ChargeInputs & { endDate: BusinessDate }, posted: readonly PostedCharge[]): ChargeCredit[] {
  const endDate = inputs.endDate;
  const endMonday = mondayOnOrBefore(endDate);
  const dueByWeek = new Map<string, number>();
  // The end week only: chargesDue charges no week after the end date.
  for (const c of chargesDue(inputs, addDays(endMonday, -1), endDate)) dueByWeek.set(`${c.subAccount}|${c.weekCommencing}`, c.amountPence);
  const weeks = new Map<string, { monday: BusinessDate; charges: PostedCharge[] }>();
  for (const p of posted) {
    const monday = mondayOnOrBefore(p.businessDate);
    if (monday < endMonday) continue;
    const key = `${p.subAccount}|${monday}`;
    const week = weeks.get(key);
    if (week) week.charges.push(p);
    else weeks.set(key, { monday, charges: [p] });
  }
  const credits: ChargeCredit[] = [];
  for (const [key, { monday, charges }] of weeks) {
    let allowedPence = dueByWeek.get(key) ?? 0;
    const daysAfterEnd = daysBetween(maxDate(monday, addDays(endDate, 1)), addDays(monday, 6)) + 1;
    // Earliest charge first keeps what was due; the excess is credited from the latest.
    charges.sort((a, b) => (a.businessDate < b.businessDate ? -1 : a.businessDate > b.businessDate ? 1 : a.id - b.id));
    for (const c of charges) {
      const netPence = c.amountPence + c.reversedPence;
      const keptPence = Math.max(0, Math.min(netPence, allowedPence));
      allowedPence -= keptPence;
      const excessPence = netPence - keptPence;
      if (excessPence <= 0) continue;
      credits.push({
        reversesId: c.id,
        subAccount: c.subAccount,
        businessDate: c.businessDate,
        weekCommencing: monday,
        amountPence: -excessPence,
        daysAfterEnd,
      });
    }
  }
  return credits.sort((a, b) => (a.businessDate < b.businessDate ? -1 : a.businessDate > b.businessDate ? 1 : a.reversesId - b.reversesId));
}
