/** The records the demo generator produces: one per tenancy, ready to be written to the database. */
import type { BusinessDate } from '../calendar/business-date';
import type { SubAccount } from '../rent/charges-due';

export type DemoTransactionKind = 'charge' | 'payment' | 'benefit' | 'adjustment' | 'reversal' | 'court_costs' | 'write_off' | 'refund';
export type DemoTenure = 'secure' | 'introductory' | 'flexible' | 'licence' | 'non_secure';

export interface DemoOptions {
  /** How many tenancies (current and former) the landlord has. */
  tenancies: number;
  seed: number;
  /** The last day of history: nothing is dated after it. */
  asOf: BusinessDate;
  /** The id the first tenancy gets (the rest follow on); 1 by default. */
  firstTenancyId?: number;
  /** The id the first property gets; 1 by default. */
  firstPropertyId?: number;
}

export interface DemoPatch {
  index: number;
  name: string;
}

export interface DemoTenant {
  name: string;
  phone: string | null;
  email: string | null;
  dateOfBirth: BusinessDate | null;
  hasForwardingAddress: boolean;
  forwardingAddress: string | null;
}

export interface DemoChargeEntry {
  subAccount: SubAccount;
  effectiveFrom: BusinessDate;
  weeklyPence: number;
  reason: string;
}

export interface DemoTransaction {
  subAccount: SubAccount;
  date: BusinessDate;
  kind: DemoTransactionKind;
  method: string | null;
  /** Positive: a debit (the tenant owes more); negative: a credit. */
  amountPence: number;
  periodFrom: BusinessDate | null;
  periodTo: BusinessDate | null;
  note: string | null;
  /** Unique for ever: `chargeIdempotencyKey` for weekly charges, `d:<tenancyId>:<n>` for everything else. */
  idempotencyKey: string;
  /** For a reversal: the index (in this tenancy's `transactions`) of the transaction it reverses. */
  reversesIndex: number | null;
  reason: string | null;
  source: string;
}

export interface DemoBenefitClaim {
  type: 'housing_benefit' | 'universal_credit';
  status: 'claimed' | 'in_payment' | 'suspended' | 'ended';
  from: BusinessDate;
  weeklyPence: number | null;
  paidEveryWeeks: number | null;
  evidenceComplete: boolean | null;
  housingCostsTo: 'landlord' | 'tenant' | null;
  monthlyHousingPence: number | null;
  assessmentPeriodStartDay: number | null;
}

/** A case event: `details` holds the event's fields other than date and type, as the case file writes them. */
export interface DemoEvent {
  date: BusinessDate;
  type: string;
  details: Record<string, unknown>;
  note: string | null;
}

export interface DemoProperty {
  id: number;
  address: string;
  postcode: string;
  patchIndex: number;
}

export interface DemoTenancy {
  /** 0-based position in the landlord's list. */
  index: number;
  id: number;
  ref: string;
  paymentReference: string;
  property: DemoProperty;
  tenure: DemoTenure;
  landlordType: 'local_authority';
  startDate: BusinessDate;
  endDate: BusinessDate | null;
  endReason: 'eviction' | 'abandonment' | 'deceased' | 'transfer' | 'notice' | 'other' | null;
  rentFrequency: 'weekly';
  tenants: DemoTenant[];
  charges: DemoChargeEntry[];
  /** Tenancy-specific rent-free weeks (the landlord-wide ones are in the landlord record). */
  transactions: DemoTransaction[];
  benefits: DemoBenefitClaim[];
  events: DemoEvent[];
  /** The Monday of the last week charged (what the daily run's charge position records), or null. */
  chargedTo: BusinessDate | null;
  /** The story this account was generated to tell (see scenarios.ts). */
  scenario: string;
  /** How the tenant pays (e.g. `direct_debit monthly`, `housing_benefit full`). */
  paymentProfile: string;
  /** Balance of the rent account (every sub-account) on asOf. */
  balancePence: number;
  /** Arrears on asOf less payments in transit, as the demo reads recovery policy §1 (0 for a former tenancy). */
  realArrearsPence: number;
  /** The weekly charge (all sub-accounts) in force on asOf (or on the last day of a former tenancy). */
  weeklyChargePence: number;
  /** True when the story could not be written as intended and a plain paid-up account was written instead. */
  fellBack: boolean;
}

export interface DemoLandlord {
  asOf: BusinessDate;
  seed: number;
  patches: DemoPatch[];
  /** Landlord-wide rent-free weeks (Mondays). */
  rentFreeWeeks: BusinessDate[];
  /** The first day of the generated history (a Monday about five years before asOf). */
  historyStart: BusinessDate;
  tenancyCount: number;
  /** Generates tenancy `index` (0-based); pure and independent of every other tenancy. */
  tenancy(index: number): DemoTenancy;
  /** Every tenancy, in order, generated lazily. */
  tenancies(): Iterable<DemoTenancy>;
}
