/**
 * The demo landlord as batches of CSV text, one string per table, ready for COPY. Used on the main
 * thread or in a worker thread (demo-worker.ts): no database here, only the generator and the ids the
 * database gave (patches) or will take (properties, ledger rows).
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { createDemoLandlord } from '../../domain/demo/generate-demo';
import type { DemoTenancy } from '../../domain/demo/types';
import { csvValue } from '../../persistence/database';

export interface DemoBatchInputs {
  tenancies: number;
  seed: number;
  asOf: BusinessDate;
  batchSize: number;
  /** The database id of each patch, by patch index. */
  patchIds: readonly number[];
  /** Properties get ids from propertyBase + 1; ledger rows from ledgerBase + 1. */
  propertyBase: number;
  ledgerBase: number;
  /** Charged weeks in the rent year of asOf (for the annual debit). */
  chargedWeeksInRentYear: number;
}

export const DEMO_TABLES = {
  properties: ['id', 'address', 'postcode', 'patch_id'],
  tenancies: ['id', 'ref', 'payment_reference', 'property_id', 'patch_id', 'tenure', 'landlord_type', 'start_date', 'end_date', 'end_reason', 'rent_frequency'],
  tenants: ['tenancy_id', 'position', 'name', 'phone', 'email', 'date_of_birth', 'has_forwarding_address', 'forwarding_address'],
  charge_schedules: ['tenancy_id', 'sub_account', 'effective_from', 'weekly_pence', 'reason'],
  charge_positions: ['tenancy_id', 'charged_to'],
  benefit_claims: [
    'tenancy_id',
    'type',
    'status',
    'from_date',
    'weekly_pence',
    'paid_every_weeks',
    'evidence_complete',
    'housing_costs_to',
    'monthly_housing_pence',
    'assessment_period_start_day',
    'position',
  ],
  case_events: ['tenancy_id', 'event_date', 'type', 'details', 'note', 'recorded_by'],
  ledger_transactions: ['id', 'tenancy_id', 'sub_account', 'business_date', 'kind', 'method', 'amount_pence', 'period_from', 'period_to', 'note', 'idempotency_key', 'reverses_id', 'reason', 'source'],
} as const;

export type DemoTable = keyof typeof DEMO_TABLES;

/** In load order (foreign keys: properties before tenancies before the rest). */
export const DEMO_TABLE_ORDER: readonly DemoTable[] = ['properties', 'tenancies', 'tenants', 'charge_schedules', 'charge_positions', 'benefit_claims', 'case_events', 'ledger_transactions'];

export interface DemoBatchTotals {
  ledgerRows: number;
  totalArrearsPence: number;
  formerTenantArrearsPence: number;
  annualDebitPence: number;
  accountsClearOrInCredit: number;
  accountsWithoutRealArrears: number;
  currentTenancies: number;
  formerTenancies: number;
  stories: Record<string, number>;
}

export interface DemoBatch {
  /** Tenancies [from, to) by index. */
  from: number;
  to: number;
  csv: Record<DemoTable, string>;
  totals: DemoBatchTotals;
}

export function emptyTotals(): DemoBatchTotals {
  return {
    ledgerRows: 0,
    totalArrearsPence: 0,
    formerTenantArrearsPence: 0,
    annualDebitPence: 0,
    accountsClearOrInCredit: 0,
    accountsWithoutRealArrears: 0,
    currentTenancies: 0,
    formerTenancies: 0,
    stories: {},
  };
}

export function addTotals(into: DemoBatchTotals, more: DemoBatchTotals): void {
  into.ledgerRows += more.ledgerRows;
  into.totalArrearsPence += more.totalArrearsPence;
  into.formerTenantArrearsPence += more.formerTenantArrearsPence;
  into.annualDebitPence += more.annualDebitPence;
  into.accountsClearOrInCredit += more.accountsClearOrInCredit;
  into.accountsWithoutRealArrears += more.accountsWithoutRealArrears;
  into.currentTenancies += more.currentTenancies;
  into.formerTenancies += more.formerTenancies;
  for (const [k, v] of Object.entries(more.stories)) into.stories[k] = (into.stories[k] ?? 0) + v;
}

/** Every batch of the demo, in order. */
export function* demoBatches(inputs: DemoBatchInputs): Generator<DemoBatch> {
  const landlord = createDemoLandlord({ tenancies: inputs.tenancies, seed: inputs.seed, asOf: inputs.asOf });
  let nextLedgerId = inputs.ledgerBase + 1;
  for (let from = 0; from < inputs.tenancies; from += inputs.batchSize) {
    const to = Math.min(inputs.tenancies, from + inputs.batchSize);
    const parts: Record<DemoTable, string[]> = {
      properties: [],
      tenancies: [],
      tenants: [],
      charge_schedules: [],
      charge_positions: [],
      benefit_claims: [],
      case_events: [],
      ledger_transactions: [],
    };
    const totals = emptyTotals();
    for (let i = from; i < to; i++) {
      const t = landlord.tenancy(i);
      writeTenancy(t, inputs, nextLedgerId, parts);
      nextLedgerId += t.transactions.length;
      count(t, inputs.chargedWeeksInRentYear, totals);
    }
    const csv = {} as Record<DemoTable, string>;
    for (const table of DEMO_TABLE_ORDER) csv[table] = parts[table].join('');
    yield { from, to, csv, totals };
  }
}

function count(t: DemoTenancy, chargedWeeks: number, totals: DemoBatchTotals): void {
  totals.ledgerRows += t.transactions.length;
  totals.stories[t.scenario] = (totals.stories[t.scenario] ?? 0) + 1;
  if (t.endDate === null) {
    totals.currentTenancies += 1;
    totals.annualDebitPence += t.weeklyChargePence * chargedWeeks;
    if (t.balancePence > 0) totals.totalArrearsPence += t.balancePence;
    else totals.accountsClearOrInCredit += 1;
    if (t.realArrearsPence <= 0) totals.accountsWithoutRealArrears += 1;
  } else {
    totals.formerTenancies += 1;
    if (t.balancePence > 0) totals.formerTenantArrearsPence += t.balancePence;
  }
}

const n = (v: string | number | boolean | null) => (v === null ? '' : String(v));

/** One tenancy's rows, appended to each table's CSV parts (columns as in DEMO_TABLES). */
function writeTenancy(t: DemoTenancy, inputs: DemoBatchInputs, firstLedgerId: number, parts: Record<DemoTable, string[]>): void {
  const patchId = inputs.patchIds[t.property.patchIndex];
  if (patchId === undefined) throw new Error(`no patch ${t.property.patchIndex}`);
  const propertyId = inputs.propertyBase + t.index + 1;
  parts.properties.push(`${propertyId},${csvValue(t.property.address)},${t.property.postcode},${patchId}\n`);
  parts.tenancies.push(`${t.id},${t.ref},${t.paymentReference},${propertyId},${patchId},${t.tenure},${t.landlordType},${t.startDate},${n(t.endDate)},${n(t.endReason)},${t.rentFrequency}\n`);
  let text = '';
  t.tenants.forEach((p, i) => {
    text += `${t.id},${i + 1},${csvValue(p.name)},${csvValue(p.phone)},${csvValue(p.email)},${n(p.dateOfBirth)},${p.hasForwardingAddress},${csvValue(p.forwardingAddress)}\n`;
  });
  parts.tenants.push(text);
  text = '';
  for (const c of t.charges) text += `${t.id},${c.subAccount},${c.effectiveFrom},${c.weeklyPence},${csvValue(c.reason)}\n`;
  parts.charge_schedules.push(text);
  if (t.chargedTo !== null) parts.charge_positions.push(`${t.id},${t.chargedTo}\n`);
  text = '';
  t.benefits.forEach((b, i) => {
    text += `${t.id},${b.type},${b.status},${b.from},${n(b.weeklyPence)},${n(b.paidEveryWeeks)},${n(b.evidenceComplete)},${n(b.housingCostsTo)},${n(b.monthlyHousingPence)},${n(b.assessmentPeriodStartDay)},${i}\n`;
  });
  parts.benefit_claims.push(text);
  text = '';
  for (const e of t.events) text += `${t.id},${e.date},${e.type},${csvValue(JSON.stringify(e.details))},${csvValue(e.note)},demo\n`;
  parts.case_events.push(text);
  // the hot loop (a few hundred rows a tenancy): plain concatenation, one line per row
  let id = firstLedgerId;
  const tenancy = `,${t.id},`;
  for (const x of t.transactions) {
    parts.ledger_transactions.push(
      id++ +
        tenancy +
        x.subAccount +
        ',' +
        x.date +
        ',' +
        x.kind +
        ',' +
        (x.method ?? '') +
        ',' +
        x.amountPence +
        ',' +
        (x.periodFrom ?? '') +
        ',' +
        (x.periodTo ?? '') +
        ',' +
        (x.note === null ? '' : csvValue(x.note)) +
        ',' +
        x.idempotencyKey +
        ',' +
        (x.reversesIndex === null ? '' : firstLedgerId + x.reversesIndex) +
        ',' +
        (x.reason === null ? '' : csvValue(x.reason)) +
        ',' +
        x.source +
        '\n',
    );
  }
}
