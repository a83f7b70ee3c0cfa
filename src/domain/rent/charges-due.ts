import type { BusinessDate } from '../calendar/business-date';
import { addDays, maxDate, minDate, mondayOnOrBefore, daysBetween } from '../calendar/business-date';
import { divideRoundHalfUp } from '../money/pence';

export type SubAccount =
  | 'rent'
  | 'service_charge'
  | 'garage'
  | 'court_costs'
  | 'rechargeable_repairs'
  | 'sundry_debt'
  | 'hb_overpayment'
  | 'former_tenant_arrears';

export const SUB_ACCOUNTS: readonly SubAccount[] = [
  'rent',
  'service_charge',
  'garage',
  'court_costs',
  'rechargeable_repairs',
  'sundry_debt',
  'hb_overpayment',
  'former_tenant_arrears',
];

/** The sub-accounts that make up the tenancy's rent account, assessed together (the case file's ledger). */
export const RENT_ACCOUNT_SUB_ACCOUNTS: readonly SubAccount[] = ['rent', 'service_charge', 'court_costs', 'former_tenant_arrears'];

export interface ChargeScheduleEntry {
  subAccount: SubAccount;
  effectiveFrom: BusinessDate;
  weeklyPence: number;
}

export interface DueCharge {
  subAccount: SubAccount;
  /** The Monday the rent week starts. */
  weekCommencing: BusinessDate;
  /** The day the charge is posted: the Monday, or the start date in a tenancy's first part-week. */
  businessDate: BusinessDate;
  amountPence: number;
  /** Days of the week charged (7 unless the tenancy starts or ends mid-week). */
  days: number;
}

export interface ChargeInputs {
  startDate: BusinessDate;
  endDate: BusinessDate | null;
  schedule: readonly ChargeScheduleEntry[];
  /** Mondays of rent-free weeks. */
  rentFreeWeeks: ReadonlySet<BusinessDate>;
}

/** The entry of one sub-account in force on a day: the latest `effectiveFrom` on or before it. */
export function entryInForce(schedule: readonly ChargeScheduleEntry[], subAccount: SubAccount, day: BusinessDate): ChargeScheduleEntry | null {
  let found: ChargeScheduleEntry | null = null;
  for (const e of schedule) {
    if (e.subAccount === subAccount && e.effectiveFrom <= day && (!found || e.effectiveFrom >= found.effectiveFrom)) found = e;
  }
  return found;
}

/**
 * The weekly charges due for rent weeks whose Monday is after `chargedTo` (exclusive; null = from the
 * first week of the tenancy) and on or before `asOf`. Rent weeks run Monday–Sunday; rent-free weeks are
 * skipped; a week the tenancy starts or ends part-way through is charged pro rata by day (rounded half-up).
 * The charge in force on the first day charged in the week applies to the whole week.
 */
export function chargesDue(inputs: ChargeInputs, chargedTo: BusinessDate | null, asOf: BusinessDate): DueCharge[] {
  const due: DueCharge[] = [];
  const subAccounts = [...new Set(inputs.schedule.map((e) => e.subAccount))];
  const firstMonday = mondayOnOrBefore(inputs.startDate);
  let monday = chargedTo === null ? firstMonday : maxDate(firstMonday, addDays(mondayOnOrBefore(chargedTo), 7));
  const lastDay = inputs.endDate === null ? asOf : minDate(inputs.endDate, asOf);
  while (monday <= asOf && monday <= lastDay) {
    if (!inputs.rentFreeWeeks.has(monday)) {
      const sunday = addDays(monday, 6);
      const firstCharged = maxDate(monday, inputs.startDate);
      const lastCharged = inputs.endDate === null ? sunday : minDate(sunday, inputs.endDate);
      const days = daysBetween(firstCharged, lastCharged) + 1;
      if (days > 0) {
        for (const subAccount of subAccounts) {
          const entry = entryInForce(inputs.schedule, subAccount, firstCharged);
          if (!entry || entry.weeklyPence === 0) continue;
          const amountPence = days === 7 ? entry.weeklyPence : divideRoundHalfUp(entry.weeklyPence * days, 7);
          due.push({ subAccount, weekCommencing: monday, businessDate: firstCharged, amountPence, days });
        }
      }
    }
    monday = addDays(monday, 7);
  }
  return due;
}

/** The compact idempotency key of one week's charge: posting it twice is impossible. */
export function chargeIdempotencyKey(tenancyId: number, subAccount: SubAccount, weekCommencing: BusinessDate): string {
  return `c:${tenancyId}:${subAccount}:${weekCommencing}`;
}
