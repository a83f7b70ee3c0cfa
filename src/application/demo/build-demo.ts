/**
 * Builds the synthetic demo landlord into the database (`rentwise demo`): generates it tenancy by tenancy
 * (src/domain/demo) and bulk-loads it with COPY in batches, so memory stays flat whatever the size. The
 * rows get explicit ids (COPY writes identity columns as given), which lets a reversal name the payment
 * it reverses in the same pass; the identity sequences are moved past them at the end.
 *
 * A database that already holds a demo is reused: the summary recorded when it was built is returned.
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays, isoWeekday, mondayOnOrAfter } from '../../domain/calendar/business-date';
import { createDemoLandlord } from '../../domain/demo/generate-demo';
import { rentYearOf, rentYearStart } from '../../domain/demo/rent-setting';
import type { DemoTenancy } from '../../domain/demo/types';
import type { Db } from '../../persistence/database';
import { csvValue } from '../../persistence/database';

export interface DemoSummary {
  tenancies: number;
  patches: number;
  ledgerRows: number;
  /** Current tenants' cash arrears on asOf (the sum of every positive balance). */
  totalArrearsPence: number;
  /** Former tenants' debit balances on asOf. */
  formerTenantArrearsPence: number;
  /** The current tenancies' charges for the rent year of asOf (weekly charge × charged weeks). */
  annualDebitPence: number;
  /** Current tenant arrears as a percentage of the annual debit, to 2 decimals. */
  arrearsPercentOfAnnualDebit: number;
  /** Current tenancies with a balance of zero or less on asOf. */
  accountsClearOrInCredit: number;
  /** Current tenancies with no real arrears on asOf (nothing owed beyond payments in transit). */
  accountsWithoutRealArrears: number;
  currentTenancies: number;
  formerTenancies: number;
  /** How many accounts tell each story (see src/domain/demo/scenarios.ts). */
  stories: Record<string, number>;
  seed: number;
  asOf: BusinessDate;
  /** True when the demo was already in the database and has been reused as it was. */
  reused: boolean;
}

export interface BuildDemoOptions {
  tenancies: number;
  seed: number;
  asOf: BusinessDate;
  onProgress?: (done: number, total: number) => void;
  /** Tenancies generated and loaded per batch (default 250). */
  batchSize?: number;
}

export class DemoDatabaseNotEmptyError extends Error {
  override name = 'DemoDatabaseNotEmptyError';
}

const LEDGER_COLUMNS = [
  'id',
  'tenancy_id',
  'sub_account',
  'business_date',
  'kind',
  'method',
  'amount_pence',
  'period_from',
  'period_to',
  'note',
  'idempotency_key',
  'reverses_id',
  'reason',
  'source',
] as const;

/** The summary of the demo already in the database, or null when there is none. */
export async function existingDemoSummary(db: Db): Promise<DemoSummary | null> {
  const rows = await db.query<{ summary: Omit<DemoSummary, 'reused'> }>(`SELECT summary FROM demo_runs ORDER BY id DESC LIMIT 1`);
  const row = rows[0];
  return row ? { ...row.summary, reused: true } : null;
}

/** Charged weeks in the rent year of asOf: its Mondays less the landlord-wide rent-free ones. */
function chargedWeeksInRentYear(asOf: BusinessDate, rentFreeWeeks: readonly BusinessDate[]): number {
  const year = rentYearOf(asOf);
  const from = rentYearStart(year);
  const to = rentYearStart(year + 1);
  const free = new Set(rentFreeWeeks);
  let weeks = 0;
  for (let m = mondayOnOrAfter(from); m < to; m = addDays(m, 7)) if (!free.has(m)) weeks += 1;
  return weeks;
}

export async function buildDemoLandlord(db: Db, options: BuildDemoOptions): Promise<DemoSummary> {
  const existing = await existingDemoSummary(db);
  if (existing) return existing;
  const landlord = createDemoLandlord({ tenancies: options.tenancies, seed: options.seed, asOf: options.asOf });
  return db.transaction(async (tx) => {
    // One builder at a time; a second finds the first one's demo when the lock is released.
    await tx.query('SELECT pg_advisory_xact_lock(724012)');
    const again = await existingDemoSummary(tx);
    if (again) return again;
    const [counts] = await tx.query<{ tenancies: number; properties: number; ledger: number }>(
      `SELECT (SELECT count(*) FROM tenancies)::int AS tenancies, (SELECT coalesce(max(id), 0) FROM properties)::int AS properties,
              (SELECT coalesce(max(id), 0) FROM ledger_transactions)::bigint AS ledger`,
    );
    if (!counts || counts.tenancies > 0) {
      throw new DemoDatabaseNotEmptyError('the database already holds tenancies that are not a demo: build the demo into an empty database');
    }

    // Patches and the landlord-wide rent-free weeks (a handful of rows).
    const patchRows = await tx.query<{ id: number; name: string }>(
      `INSERT INTO patches (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id, name`,
      [landlord.patches.map((p) => p.name)],
    );
    const patchIdByName = new Map(patchRows.map((r) => [r.name, r.id]));
    const patchIds = landlord.patches.map((p) => patchIdByName.get(p.name) as number);
    await tx.query(`INSERT INTO rent_free_weeks (tenancy_id, week_commencing) SELECT NULL, unnest($1::date[]) ON CONFLICT DO NOTHING`, [landlord.rentFreeWeeks]);
    for (const m of landlord.rentFreeWeeks) if (isoWeekday(m) !== 0) throw new Error(`rent-free week ${m} is not a Monday`);

    const propertyBase = counts.properties;
    let nextLedgerId = counts.ledger + 1;
    const chargedWeeks = chargedWeeksInRentYear(options.asOf, landlord.rentFreeWeeks);
    const summary: Omit<DemoSummary, 'reused'> = {
      tenancies: options.tenancies,
      patches: landlord.patches.length,
      ledgerRows: 0,
      totalArrearsPence: 0,
      formerTenantArrearsPence: 0,
      annualDebitPence: 0,
      arrearsPercentOfAnnualDebit: 0,
      accountsClearOrInCredit: 0,
      accountsWithoutRealArrears: 0,
      currentTenancies: 0,
      formerTenancies: 0,
      stories: {},
      seed: options.seed,
      asOf: options.asOf,
    };

    // Loading into a table with its indexes and foreign keys in place costs several times more than
    // building them once at the end (and re-adding a foreign key checks every row in one pass).
    const restoreLedger = await deferLedgerIndexes(tx);

    const total = options.tenancies;
    const batchSize = Math.max(1, options.batchSize ?? 250);
    options.onProgress?.(0, total);
    for (let from = 0; from < total; from += batchSize) {
      const to = Math.min(total, from + batchSize);
      const T = (globalThis as any).__t ??= { gen: 0, csv: 0, copy: 0, ledger: 0 };
      let c0 = process.cpuUsage();
      const cpu = () => { const c = process.cpuUsage(c0); c0 = process.cpuUsage(); return (c.user + c.system) / 1000; };
      const batch: DemoTenancy[] = [];
      for (let i = from; i < to; i++) batch.push(landlord.tenancy(i));
      T.csv += cpu();

      const properties: string[] = [];
      const tenancies: string[] = [];
      const tenants: string[] = [];
      const charges: string[] = [];
      const positions: string[] = [];
      const benefits: string[] = [];
      const events: string[] = [];
      const ledger: string[] = [];
      for (const t of batch) {
        const patchId = patchIds[t.property.patchIndex] as number;
        const propertyId = propertyBase + t.index + 1;
        properties.push(`${propertyId},${csvValue(t.property.address)},${t.property.postcode},${patchId}\n`);
        tenancies.push(
          `${t.id},${t.ref},${t.paymentReference},${propertyId},${patchId},${t.tenure},${t.landlordType},${t.startDate},${t.endDate ?? ''},${t.endReason ?? ''},${t.rentFrequency}\n`,
        );
        let text = '';
        t.tenants.forEach((p, i) => {
          text += `${t.id},${i + 1},${csvValue(p.name)},${csvValue(p.phone)},${csvValue(p.email)},${p.dateOfBirth ?? ''},${p.hasForwardingAddress},${csvValue(p.forwardingAddress)}\n`;
        });
        tenants.push(text);
        text = '';
        for (const c of t.charges) text += `${t.id},${c.subAccount},${c.effectiveFrom},${c.weeklyPence},${csvValue(c.reason)}\n`;
        charges.push(text);
        if (t.chargedTo !== null) positions.push(`${t.id},${t.chargedTo}\n`);
        text = '';
        t.benefits.forEach((b, i) => {
          text += `${t.id},${b.type},${b.status},${b.from},${b.weeklyPence ?? ''},${b.paidEveryWeeks ?? ''},${b.evidenceComplete ?? ''},${b.housingCostsTo ?? ''},${b.monthlyHousingPence ?? ''},${b.assessmentPeriodStartDay ?? ''},${i}\n`;
        });
        benefits.push(text);
        text = '';
        for (const e of t.events) text += `${t.id},${e.date},${e.type},${csvValue(JSON.stringify(e.details))},${csvValue(e.note)},demo\n`;
        events.push(text);
        ledger.push(ledgerCsv(t, nextLedgerId));
        nextLedgerId += t.transactions.length;

        summary.ledgerRows += t.transactions.length;
        summary.stories[t.scenario] = (summary.stories[t.scenario] ?? 0) + 1;
        if (t.endDate === null) {
          summary.currentTenancies += 1;
          summary.annualDebitPence += t.weeklyChargePence * chargedWeeks;
          if (t.balancePence > 0) summary.totalArrearsPence += t.balancePence;
          else summary.accountsClearOrInCredit += 1;
          if (t.realArrearsPence <= 0) summary.accountsWithoutRealArrears += 1;
        } else {
          summary.formerTenancies += 1;
          if (t.balancePence > 0) summary.formerTenantArrearsPence += t.balancePence;
        }
      }
      T.gen += cpu();
      await tx.copyCsv('properties', ['id', 'address', 'postcode', 'patch_id'], chunked(properties));
      await tx.copyCsv('tenancies', ['id', 'ref', 'payment_reference', 'property_id', 'patch_id', 'tenure', 'landlord_type', 'start_date', 'end_date', 'end_reason', 'rent_frequency'], chunked(tenancies));
      await tx.copyCsv('tenants', ['tenancy_id', 'position', 'name', 'phone', 'email', 'date_of_birth', 'has_forwarding_address', 'forwarding_address'], chunked(tenants));
      await tx.copyCsv('charge_schedules', ['tenancy_id', 'sub_account', 'effective_from', 'weekly_pence', 'reason'], chunked(charges));
      await tx.copyCsv('charge_positions', ['tenancy_id', 'charged_to'], chunked(positions));
      await tx.copyCsv(
        'benefit_claims',
        ['tenancy_id', 'type', 'status', 'from_date', 'weekly_pence', 'paid_every_weeks', 'evidence_complete', 'housing_costs_to', 'monthly_housing_pence', 'assessment_period_start_day', 'position'],
        chunked(benefits),
      );
      await tx.copyCsv('case_events', ['tenancy_id', 'event_date', 'type', 'details', 'note', 'recorded_by'], chunked(events));
      T.copy += cpu();
      await tx.copyCsv('ledger_transactions', LEDGER_COLUMNS, chunked(ledger));
      T.ledger += cpu();
      options.onProgress?.(to, total);
    }

    let r0 = process.cpuUsage();
    console.error('phases', JSON.stringify((globalThis as any).__t));
    await restoreLedger();
    console.error('restore', process.cpuUsage(r0).user / 1000); r0 = process.cpuUsage();

    // Identity sequences past the ids written explicitly.
    for (const table of ['properties', 'tenancies', 'ledger_transactions']) {
      await tx.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    summary.arrearsPercentOfAnnualDebit = summary.annualDebitPence > 0 ? Math.round((summary.totalArrearsPence * 10000) / summary.annualDebitPence) / 100 : 0;
    // Fresh planner statistics for the daily run that follows.
    await tx.exec('ANALYZE properties, tenancies, tenants, charge_schedules, charge_positions, benefit_claims, case_events, ledger_transactions');
    console.error('analyze+setval', process.cpuUsage(r0).user / 1000);
    await tx.query(`INSERT INTO demo_runs (seed, as_of, tenancies, summary) VALUES ($1, $2, $3, $4)`, [options.seed, options.asOf, options.tenancies, JSON.stringify(summary)]);
    return { ...summary, reused: false };
  });
}

/** One tenancy's ledger rows as CSV, with ids from `firstId` (a reversal names its payment's id). */
function ledgerCsv(t: DemoTenancy, firstId: number): string {
  let text = '';
  let id = firstId;
  for (const x of t.transactions) {
    text += `${id++},${t.id},${x.subAccount},${x.date},${x.kind},${x.method ?? ''},${x.amountPence},${x.periodFrom ?? ''},${x.periodTo ?? ''},${x.note === null ? '' : csvValue(x.note)},${x.idempotencyKey},${x.reversesIndex === null ? '' : firstId + x.reversesIndex},${x.reason === null ? '' : csvValue(x.reason)},${x.source}\n`;
  }
  return text;
}

/**
 * Drops the ledger's secondary indexes, unique and foreign-key constraints for the load, when this
 * role owns the table; returns what puts them back exactly as they were (from the catalogue, so a later
 * migration's indexes come back too). Without ownership it changes nothing and the load is slower.
 */
async function deferLedgerIndexes(tx: Db): Promise<() => Promise<void>> {
  const [owner] = await tx.query<{ owns: boolean }>(
    `SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS owns FROM pg_class c WHERE c.oid = 'ledger_transactions'::regclass`,
  );
  if (!owner?.owns) return async () => undefined;
  const constraints = await tx.query<{ name: string; definition: string; type: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS type FROM pg_constraint
     WHERE conrelid = 'ledger_transactions'::regclass AND contype IN ('u', 'f') ORDER BY contype DESC, conname`,
  );
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = 'ledger_transactions'::regclass AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
     ORDER BY i.relname`,
  );
  for (const c of constraints) await tx.exec(`ALTER TABLE ledger_transactions DROP CONSTRAINT ${quoteIdent(c.name)}`);
  for (const i of indexes) await tx.exec(`DROP INDEX ${quoteIdent(i.name)}`);
  return async () => {
    for (const i of indexes) await tx.exec(i.definition);
    // unique constraints first, then the foreign keys (each checks every row once)
    for (const c of constraints) await tx.exec(`ALTER TABLE ledger_transactions ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Joins rows into chunks of about a megabyte for COPY. */
function* chunked(rows: readonly string[]): Generator<string> {
  let start = 0;
  while (start < rows.length) {
    let size = 0;
    let end = start;
    while (end < rows.length && size < 1_000_000) size += (rows[end++] as string).length;
    yield rows.slice(start, end).join('');
    start = end;
  }
}
