/**
 * The case file, input version 1 (contracts/case-file.md): one tenancy's whole story as plain JSON.
 *
 * These are the typed values that `parseCaseFile` produces. Unknown input fields are tolerated but left
 * out; a known field with a value of the wrong type that the contract does not check (an event's
 * `action` given as a number, say) is left out too, so it matches no rule. A `null` in the input is the
 * same as a missing field.
 */
import type { BusinessDate } from '../calendar/business-date';
import type { Pence } from '../money/pence';

export const LANDLORD_TYPES = ['local_authority', 'private_registered_provider'] as const;
export type LandlordType = (typeof LANDLORD_TYPES)[number];

export const TENURES = ['secure', 'introductory', 'flexible', 'assured', 'starter', 'licence', 'non_secure'] as const;
export type Tenure = (typeof TENURES)[number];

export const RENT_FREQUENCIES = ['weekly', 'fortnightly', 'four_weekly', 'monthly'] as const;
export type RentFrequency = (typeof RENT_FREQUENCIES)[number];

export const TRANSACTION_KINDS = ['charge', 'payment', 'benefit', 'adjustment', 'reversal', 'court_costs', 'write_off', 'refund'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** Values the policy gives meaning to; any other string is accepted and matches no rule. */
export const PRE_ACTION_ITEMS = [
  'initial_contact',
  'income_expenditure_offered',
  'rent_statement_sent',
  'benefit_advice_given',
  'debt_advice_referral',
  'post_notice_contact',
  'pre_issue_warning',
] as const;
export type PreActionItem = (typeof PRE_ACTION_ITEMS)[number];

export const NOTICE_TYPES = ['nosp', 'section_8', 'section_128', 'notice_to_quit'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export interface Tenant {
  name: string | null;
  forwardingAddress: boolean;
}

export interface Tenancy {
  ref: string;
  tenure: Tenure;
  startDate: BusinessDate;
  /** Set (on or before asOf): a former tenancy. */
  endDate: BusinessDate | null;
  endReason: string | null;
  rentFrequency: RentFrequency;
  tenants: Tenant[];
  address: string | null;
  postcode: string | null;
  paymentReference: string | null;
  patch: string | null;
}

export interface ChargeScheduleEntry {
  from: BusinessDate;
  weeklyPence: Pence;
}

export interface Transaction {
  date: BusinessDate;
  kind: TransactionKind;
  /** Positive: the tenant owes more; negative: a credit. */
  amountPence: Pence;
  method: string | null;
  periodFrom: BusinessDate | null;
  periodTo: BusinessDate | null;
  note: string | null;
}

export interface BenefitEntry {
  /** housing_benefit | universal_credit (others accepted, matching no rule). */
  type: string;
  /** claimed | in_payment | suspended | ended (others accepted). */
  status: string;
  from: BusinessDate;
  weeklyPence: Pence | null;
  paidEveryWeeks: number | null;
  evidenceComplete: boolean;
  /** landlord | tenant (universal_credit). */
  housingCostsTo: string | null;
  monthlyHousingPence: Pence | null;
  assessmentPeriodStartDay: number | null;
}

/**
 * One recorded event. A flat shape rather than a union: the event `type` is an open list (an unknown
 * type is accepted and matches no rule), and each rule reads the few fields it needs.
 */
export interface CaseEvent {
  date: BusinessDate;
  type: string;
  action: string | null;
  outcome: string | null;
  channel: string | null;
  item: string | null;
  instalmentPence: Pence | null;
  frequency: string | null;
  endDate: BusinessDate | null;
  cancelledOn: BusinessDate | null;
  notice: string | null;
  grounds: string[] | null;
  hearingDate: BusinessDate | null;
  order: string | null;
  possessionDate: BusinessDate | null;
  evictionDate: BusinessDate | null;
  kind: string | null;
  flag: string | null;
  stage: string | null;
  resolvedOn: BusinessDate | null;
  survivingJointTenant: boolean;
  agency: string | null;
  returnedOn: BusinessDate | null;
  result: string | null;
}

/**
 * Not part of the contract (never read from a file): set when the older part of the history has been
 * summed into opening entries (compact-history.ts), so that the two counts the trace reports over the
 * whole history come out the same as from the whole history.
 */
export interface SummarisedHistory {
  /** Transactions summed into the opening entries. */
  transactionCount: number;
  /** Of them, payment credits (negative `payment` transactions). */
  paymentCreditCount: number;
  /** The opening entries that stand in for them (in `transactions`). */
  openingEntryCount: number;
}

export interface CaseFile {
  version: 1;
  asOf: BusinessDate;
  landlord: { type: LandlordType };
  tenancy: Tenancy;
  charges: ChargeScheduleEntry[];
  rentFreeWeeks: BusinessDate[];
  transactions: Transaction[];
  benefits: BenefitEntry[];
  events: CaseEvent[];
  summarised?: SummarisedHistory;
}
