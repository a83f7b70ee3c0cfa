/**
 * Test-data builders for case files (typed, as parseCaseFile produces them). Every builder gives a
 * sensible default and takes overrides: aCaseFile({ asOf, transactions: [...] }).
 */
import { addDays, type BusinessDate } from '../../src/domain/calendar/business-date';
import type { BenefitEntry, CaseEvent, CaseFile, Tenancy, Transaction, TransactionKind } from '../../src/domain/case-file/case-file';

export const WEEKLY_RENT_PENCE = 10000;

export function aTenancy(overrides: Partial<Tenancy> = {}): Tenancy {
  return {
    ref: 'TEST-1',
    tenure: 'secure',
    startDate: '2020-01-06',
    endDate: null,
    endReason: null,
    rentFrequency: 'weekly',
    tenants: [{ name: 'A Tenant', forwardingAddress: false }],
    address: null,
    postcode: null,
    paymentReference: null,
    patch: null,
    ...overrides,
  };
}

export interface CaseFileOverrides extends Partial<Omit<CaseFile, 'tenancy'>> {
  tenancy?: Partial<Tenancy>;
}

export function aCaseFile(overrides: CaseFileOverrides = {}): CaseFile {
  const { tenancy, ...rest } = overrides;
  return {
    version: 1,
    asOf: '2026-03-04',
    landlord: { type: 'local_authority' },
    tenancy: aTenancy(tenancy),
    charges: [{ from: '2020-01-06', weeklyPence: WEEKLY_RENT_PENCE }],
    rentFreeWeeks: [],
    transactions: [],
    benefits: [],
    events: [],
    ...rest,
  };
}

export function aTransaction(kind: TransactionKind, date: BusinessDate, amountPence: number, overrides: Partial<Transaction> = {}): Transaction {
  return { date, kind, amountPence, method: null, periodFrom: null, periodTo: null, note: null, ...overrides };
}

export function aCharge(date: BusinessDate, amountPence = WEEKLY_RENT_PENCE): Transaction {
  return aTransaction('charge', date, amountPence);
}

/** A payment credit: `paidPence` is what the tenant paid (stored negative). */
export function aPayment(date: BusinessDate, paidPence = WEEKLY_RENT_PENCE, method = 'direct_debit'): Transaction {
  return aTransaction('payment', date, -paidPence, { method });
}

/** A Housing Benefit credit for the period ending `periodTo`. */
export function anHbCredit(date: BusinessDate, paidPence: number, periodTo: BusinessDate | null): Transaction {
  return aTransaction('benefit', date, -paidPence, { method: 'housing_benefit', periodTo });
}

export function aUcCredit(date: BusinessDate, paidPence: number): Transaction {
  return aTransaction('benefit', date, -paidPence, { method: 'uc_housing_costs' });
}

/** Charges every Monday from `firstMonday` up to and including `lastDay`. */
export function weeklyCharges(firstMonday: BusinessDate, lastDay: BusinessDate, weeklyPence = WEEKLY_RENT_PENCE): Transaction[] {
  const out: Transaction[] = [];
  for (let d = firstMonday; d <= lastDay; d = addDays(d, 7)) out.push(aCharge(d, weeklyPence));
  return out;
}

/** Payments every `everyDays` days from `first` up to and including `lastDay`. */
export function regularPayments(first: BusinessDate, lastDay: BusinessDate, paidPence = WEEKLY_RENT_PENCE, everyDays = 7): Transaction[] {
  const out: Transaction[] = [];
  for (let d = first; d <= lastDay; d = addDays(d, everyDays)) out.push(aPayment(d, paidPence));
  return out;
}

export function aBenefit(overrides: Partial<BenefitEntry> = {}): BenefitEntry {
  return {
    type: 'housing_benefit',
    status: 'in_payment',
    from: '2020-01-06',
    weeklyPence: WEEKLY_RENT_PENCE,
    paidEveryWeeks: 4,
    evidenceComplete: true,
    housingCostsTo: null,
    monthlyHousingPence: null,
    assessmentPeriodStartDay: null,
    ...overrides,
  };
}

export function anEvent(type: string, date: BusinessDate, overrides: Partial<CaseEvent> = {}): CaseEvent {
  return {
    date,
    type,
    action: null,
    outcome: null,
    channel: null,
    item: null,
    instalmentPence: null,
    frequency: null,
    endDate: null,
    cancelledOn: null,
    notice: null,
    grounds: null,
    hearingDate: null,
    order: null,
    possessionDate: null,
    evictionDate: null,
    kind: null,
    flag: null,
    stage: null,
    resolvedOn: null,
    survivingJointTenant: false,
    agency: null,
    returnedOn: null,
    result: null,
    ...overrides,
  };
}

export function anAction(date: BusinessDate, action: string): CaseEvent {
  return anEvent('action', date, { action });
}

export function aPreAction(date: BusinessDate, item: string): CaseEvent {
  return anEvent('pre_action', date, { item });
}

export function aNotice(date: BusinessDate, notice: string, grounds: string[] | null = null): CaseEvent {
  return anEvent('notice_served', date, { notice, grounds });
}

export function anArrangement(date: BusinessDate, instalmentPence: number, frequency = 'weekly', overrides: Partial<CaseEvent> = {}): CaseEvent {
  return anEvent('arrangement', date, { instalmentPence, frequency, ...overrides });
}

export function aBreathingSpace(date: BusinessDate, kind = 'standard', overrides: Partial<CaseEvent> = {}): CaseEvent {
  return anEvent('breathing_space', date, { kind, ...overrides });
}

/**
 * A tenancy with `years` of weekly history ending on asOf: weekly rent charged every Monday and paid by
 * direct debit every Monday, except that the last `missedWeeks` payments did not come.
 */
export function aLongHistoryCase(years: number, missedWeeks: number, asOf: BusinessDate = '2026-03-04'): CaseFile {
  const firstMonday = addDays('2026-03-02', -7 * 52 * years);
  const lastPaid = addDays('2026-03-02', -7 * missedWeeks);
  const transactions: Transaction[] = [];
  for (let d = firstMonday; d <= asOf; d = addDays(d, 7)) {
    transactions.push(aCharge(d));
    if (d <= lastPaid) transactions.push(aPayment(d));
  }
  return aCaseFile({ asOf, tenancy: { startDate: firstMonday }, charges: [{ from: firstMonday, weeklyPence: WEEKLY_RENT_PENCE }], transactions });
}

export interface ArrearsCaseOptions extends CaseFileOverrides {
  /** Weeks of rent unpaid on asOf (2 or more): a weekly payer who stopped paying. */
  weeksBehind?: number;
  /** A debit (positive) or credit (negative) adjustment on asOf's Monday, to make part weeks. */
  adjustPence?: number;
  /** The first Monday charged (default 2025-06-02). */
  historyFrom?: BusinessDate;
}

export const ARREARS_CASE_AS_OF = '2026-03-04';

/**
 * A secure weekly tenancy (rent 10000) whose tenant paid every Monday until `weeksBehind` weeks
 * before asOf (Wednesday 2026-03-04), then stopped. Its arrears episode starts 11 days after the last
 * payment (the weekly payer's expected next payment + 3 days' grace): see arrearsEpisodeStart.
 */
export function anArrearsCase(options: ArrearsCaseOptions = {}): CaseFile {
  const { weeksBehind = 10, adjustPence = 0, historyFrom = '2025-06-02', transactions = [], ...overrides } = options;
  const lastPaid = addDays('2026-03-02', -7 * weeksBehind);
  const history: Transaction[] = [];
  for (let d = historyFrom; d <= ARREARS_CASE_AS_OF; d = addDays(d, 7)) {
    history.push(aCharge(d));
    if (d <= lastPaid) history.push(aPayment(d));
  }
  if (adjustPence !== 0) history.push(aTransaction('adjustment', '2026-03-02', adjustPence));
  return aCaseFile({ asOf: ARREARS_CASE_AS_OF, ...overrides, transactions: [...history, ...transactions] });
}

export function arrearsEpisodeStart(weeksBehind = 10): BusinessDate {
  return addDays('2026-03-02', -7 * weeksBehind + 11);
}
