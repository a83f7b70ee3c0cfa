/**
 * Benefit paid straight to the landlord: Housing Benefit four-weekly in arrears (paid in the council's
 * pay run on the Monday after each four-week period) and Universal Credit housing costs paid monthly, seven days
 * after each assessment period ends (a managed payment). Both are scheduled ahead of the simulation and
 * mark the part of each week's charge they cover, so the tenant's own payer knows its share.
 */
import type { AccountSimulation } from './account-simulation';
import { addMonthsDay, mondayOf, workingDayOnOrBefore } from './account-simulation';

/** Days from the end of a Housing Benefit period (a Sunday) to its payment (the council's Monday pay run). */
export const HB_PAY_LAG_DAYS = 1;

export interface HousingBenefitPlan {
  /** First day of entitlement. */
  from: number;
  /** Last day of entitlement (null: still in payment). */
  to: number | null;
  /** Share of each week's charge covered (1 = full Housing Benefit). */
  fraction: number;
  paidEveryWeeks: number;
}

/** Schedules the HB credits; returns the weekly amount in force on asOf (for the benefit claim). */
export function scheduleHousingBenefit(sim: AccountSimulation, plan: HousingBenefitPlan): number {
  const lastDay = Math.min(plan.to ?? Number.MAX_SAFE_INTEGER, sim.inputs.endDay ?? Number.MAX_SAFE_INTEGER);
  const periodDays = 7 * plan.paidEveryWeeks;
  let periodStart = mondayOf(plan.from);
  while (periodStart <= lastDay && periodStart <= sim.last) {
    const periodEnd = Math.min(periodStart + periodDays - 1, lastDay);
    let amount = 0;
    for (let m = periodStart; m <= periodEnd; m += 7) {
      const w = sim.weekIndexOfMonday(m);
      if (w === undefined) continue;
      const week = sim.weeks[w];
      if (!week || week.postDay < plan.from) continue;
      const hb = Math.round(week.amount * plan.fraction);
      week.cover = hb;
      amount += hb;
    }
    const payDay = periodStart + periodDays - 1 + HB_PAY_LAG_DAYS;
    if (amount > 0 && payDay >= sim.day) {
      sim.schedule(
        sim.makeTx(payDay, 'benefit', -amount, {
          method: 'housing_benefit',
          periodFrom: Math.max(periodStart, plan.from),
          periodTo: periodEnd,
        }),
      );
    }
    periodStart += periodDays;
  }
  return Math.round(sim.weeklyChargeOn(Math.min(sim.last, lastDay)) * plan.fraction);
}

export interface UniversalCreditPlan {
  /** The claim date: assessment periods run from this day of the month. */
  from: number;
  to: number | null;
  /** Share of the eligible rent paid as housing costs (1 = all; less with a deduction). */
  fraction: number;
}

/**
 * The monthly housing costs for a weekly charge: weekly × 52 / 12 (the conversion the recovery policy
 * uses for its weekly equivalent). With two rent-free weeks a year this pays a little more than is
 * charged; the tenant gets the credit refunded now and then (see SteadyPayerConfig.refundAbovePence).
 */
export function monthlyHousingCosts(weeklyPence: number, fraction: number): number {
  return Math.round((weeklyPence * fraction * 52) / 12);
}

/** Schedules the managed payments; returns the monthly amount of the latest assessment period. */
export function scheduleUniversalCredit(sim: AccountSimulation, plan: UniversalCreditPlan): number {
  const lastDay = Math.min(plan.to ?? Number.MAX_SAFE_INTEGER, sim.inputs.endDay ?? Number.MAX_SAFE_INTEGER);
  for (let w = 0; w < sim.weeks.length; w++) {
    const week = sim.weeks[w];
    if (week && week.monday >= mondayOf(plan.from) && week.postDay >= plan.from && week.monday <= lastDay) week.cover = Math.round(week.amount * plan.fraction);
  }
  let monthly = monthlyHousingCosts(sim.weeklyChargeOn(Math.min(sim.last, lastDay)), plan.fraction);
  for (let k = 0; ; k++) {
    const apStart = addMonthsDay(plan.from, k);
    const apEnd = addMonthsDay(plan.from, k + 1) - 1;
    if (apStart > lastDay || apStart > sim.last) break;
    const payDay = workingDayOnOrBefore(apEnd + 7);
    const amount = monthlyHousingCosts(sim.weeklyChargeOn(apEnd), plan.fraction);
    if (payDay <= sim.last) monthly = amount;
    if (payDay >= sim.day) {
      sim.schedule(sim.makeTx(payDay, 'benefit', -amount, { method: 'uc_housing_costs', periodFrom: apStart, periodTo: apEnd }));
    }
  }
  return monthly;
}
