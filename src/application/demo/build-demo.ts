/**
 * Builds the synthetic demo landlord into the database (`rentwise demo`): generates it tenancy by tenancy
 * (src/domain/demo) and bulk-loads it with COPY in batches, so memory stays flat whatever the size. The
 * rows get explicit ids (COPY writes identity columns as given), which lets a reversal name the payment
 * it reverses in the same pass; the identity sequences are moved past them at the end.
 *
 * A database that already holds a demo is reused: the summary recorded when it was built is returned.
 */
import { Worker } from 'node:worker_threads';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays, isBusinessDate, isoWeekday, mondayOnOrAfter } from '../../domain/calendar/business-date';
import { demoPatchCount, demoRentFreeWeeks } from '../../domain/demo/generate-demo';
import { patchName } from '../../domain/demo/fictional-names';
import { rentYearOf, rentYearStart } from '../../domain/demo/rent-setting';
import type { Db } from '../../persistence/database';
import { addTotals, DEMO_TABLE_ORDER, DEMO_TABLES, demoBatches, emptyTotals, type DemoBatch, type DemoBatchInputs } from './demo-batches';
import type { FromWorker, ToWorker } from './demo-worker';

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
  /**
   * Generate in a worker thread while this one loads (default: from 1,000 tenancies). Falls back to
   * generating here when a worker cannot be started.
   */
  worker?: boolean;
}

export class DemoDatabaseNotEmptyError extends Error {
  override name = 'DemoDatabaseNotEmptyError';
}

/** The big tables of the load, whose keys and indexes are built once at the end. */
const DEFERRED_TABLES = ['ledger_transactions', 'case_events', 'charge_schedules', 'tenants'];

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
  if (!Number.isSafeInteger(options.tenancies) || options.tenancies < 1) throw new RangeError(`tenancies must be a whole number of at least 1, got ${options.tenancies}`);
  const patchNames = Array.from({ length: demoPatchCount(options.tenancies) }, (_, i) => patchName(i));
  if (!isBusinessDate(options.asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${options.asOf}`);
  const rentFreeWeeks = demoRentFreeWeeks(options.asOf);
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
      [patchNames],
    );
    const patchIdByName = new Map(patchRows.map((r) => [r.name, r.id]));
    for (const m of rentFreeWeeks) if (isoWeekday(m) !== 0) throw new Error(`rent-free week ${m} is not a Monday`);
    await tx.query(`INSERT INTO rent_free_weeks (tenancy_id, week_commencing) SELECT NULL, unnest($1::date[]) ON CONFLICT DO NOTHING`, [rentFreeWeeks]);

    const inputs: DemoBatchInputs = {
      tenancies: options.tenancies,
      seed: options.seed,
      asOf: options.asOf,
      batchSize: Math.max(1, options.batchSize ?? 250),
      patchIds: patchNames.map((name) => patchIdByName.get(name) as number),
      propertyBase: counts.properties,
      ledgerBase: counts.ledger,
      chargedWeeksInRentYear: chargedWeeksInRentYear(options.asOf, rentFreeWeeks),
    };

    const restoreConstraints = await deferConstraints(tx, DEFERRED_TABLES);
    // The per-account derived state (migration 0012) is computed once after the load, not per batch.
    await tx.exec(`SET LOCAL rentwise.account_state = 'deferred'`);
    const totals = emptyTotals();
    options.onProgress?.(0, options.tenancies);
    for await (const batch of batchSource(inputs, options.worker ?? options.tenancies >= 1000)) {
      for (const table of DEMO_TABLE_ORDER) {
        const text = batch.csv[table];
        if (text.length > 0) await tx.copyCsv(table, DEMO_TABLES[table], [text]);
      }
      addTotals(totals, batch.totals);
      options.onProgress?.(batch.to, options.tenancies);
    }
    await restoreConstraints();
    await tx.query(`SELECT rebuild_account_state(NULL)`);
    await tx.exec(`SET LOCAL rentwise.account_state = 'kept'`);

    // Identity sequences past the ids written explicitly.
    for (const table of ['properties', 'tenancies', 'ledger_transactions']) {
      await tx.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    // Fresh planner statistics for the daily run that follows.
    await tx.exec('ANALYZE properties, tenancies, tenants, charge_schedules, charge_positions, benefit_claims, case_events, ledger_transactions');
    const summary: Omit<DemoSummary, 'reused'> = {
      tenancies: options.tenancies,
      patches: patchNames.length,
      ...totals,
      arrearsPercentOfAnnualDebit: totals.annualDebitPence > 0 ? Math.round((totals.totalArrearsPence * 10000) / totals.annualDebitPence) / 100 : 0,
      seed: options.seed,
      asOf: options.asOf,
    };
    await tx.query(`INSERT INTO demo_runs (seed, as_of, tenancies, summary) VALUES ($1, $2, $3, $4)`, [options.seed, options.asOf, options.tenancies, JSON.stringify(summary)]);
    return { ...summary, reused: false };
  });
}

/** The batches, generated here or in a worker thread (a few batches ahead of the loading). */
async function* batchSource(inputs: DemoBatchInputs, useWorker: boolean): AsyncGenerator<DemoBatch> {
  if (!useWorker) {
    yield* demoBatches(inputs);
    return;
  }
  let worker: Worker;
  try {
    // a larger young generation: the generator makes many short-lived objects
    worker = new Worker(new URL('./demo-worker.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  } catch {
    yield* demoBatches(inputs);
    return;
  }
  const inbox: (FromWorker | { type: 'failed'; error: unknown })[] = [];
  let notify: (() => void) | null = null;
  const deliver = (m: FromWorker | { type: 'failed'; error: unknown }) => {
    inbox.push(m);
    const n = notify;
    notify = null;
    n?.();
  };
  worker.on('message', (m: FromWorker) => deliver(m));
  worker.on('error', (error) => deliver({ type: 'failed', error }));
  worker.on('exit', (code) => deliver({ type: 'failed', error: new Error(`the demo worker stopped (exit code ${code})`) }));
  const next = async () => {
    while (inbox.length === 0) await new Promise<void>((resolve) => (notify = resolve));
    return inbox.shift() as FromWorker | { type: 'failed'; error: unknown };
  };
  worker.postMessage({ type: 'start', inputs, ahead: 2 } satisfies ToWorker);
  let received = 0;
  try {
    for (;;) {
      const m = await next();
      if (m.type === 'batch') {
        received += 1;
        worker.postMessage({ type: 'more' } satisfies ToWorker);
        yield m.batch;
      } else if (m.type === 'done') {
        return;
      } else if (m.type === 'failed' && received === 0) {
        // the worker could not start (no loader for the sources here, say): generate on this thread
        yield* demoBatches(inputs);
        return;
      } else {
        throw m.type === 'error' ? new Error(`demo worker: ${m.message}`) : m.error;
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

interface DeferredConstraint {
  table: string;
  name: string;
  definition: string;
  type: string;
}

/**
 * Drops the keys, indexes (but partial ones, which few demo rows enter), checks and foreign keys of the
 * tables about to be bulk-loaded (and the foreign keys pointing at them), where this role owns them; returns what puts every one back exactly as it was,
 * read from the catalogue (so a later migration's additions come back too). Building an index once and
 * checking a constraint in one pass costs several times less than keeping them up to date row by row.
 * Re-adding each check and foreign key validates every row, so nothing goes unchecked.
 */
async function deferConstraints(tx: Db, tables: readonly string[]): Promise<() => Promise<void>> {
  const owned = await tx.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relname = ANY($1::text[]) AND c.relnamespace = 'public'::regnamespace AND pg_has_role(current_user, c.relowner, 'USAGE')`,
    [tables],
  );
  const names = owned.map((r) => r.name);
  if (names.length === 0) return async () => undefined;
  const constraints = await tx.query<DeferredConstraint>(
    `SELECT DISTINCT con.conrelid::regclass::text AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition, con.contype AS type
     FROM pg_constraint con
     WHERE (con.conrelid = ANY(SELECT oid FROM pg_class WHERE relname = ANY($1::text[]) AND relnamespace = 'public'::regnamespace) AND con.contype IN ('p', 'u', 'c', 'f'))
        OR (con.confrelid = ANY(SELECT oid FROM pg_class WHERE relname = ANY($1::text[]) AND relnamespace = 'public'::regnamespace) AND con.contype = 'f')`,
    [names],
  );
  // a foreign key pointing at a loaded table from a table this role does not own cannot be dropped: keep its key
  const notOwnedReferrers = await tx.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS table FROM pg_class c WHERE c.oid = ANY($1::regclass[]) AND NOT pg_has_role(current_user, c.relowner, 'USAGE')`,
    [[...new Set(constraints.map((c) => c.table))]],
  );
  if (notOwnedReferrers.length > 0) return async () => undefined;
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
       AND x.indpred IS NULL
     ORDER BY i.relname`,
    [names],
  );
  const order = (types: string) => constraints.filter((c) => types.includes(c.type)).sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
  const drop = async (c: DeferredConstraint) => tx.exec(`ALTER TABLE ${quoteIdent(c.table)} DROP CONSTRAINT ${quoteIdent(c.name)}`);
  for (const c of order('f')) await drop(c);
  for (const c of order('c')) await drop(c);
  for (const c of order('u')) await drop(c);
  for (const c of order('p')) await drop(c);
  for (const i of indexes) await tx.exec(`DROP INDEX ${quoteIdent(i.name)}`);
  return async () => {
    await tx.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const c of [...order('p'), ...order('u')]) await tx.exec(`ALTER TABLE ${quoteIdent(c.table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
    for (const i of indexes) await tx.exec(i.definition);
    // a table's checks in one statement: one pass over its rows
    const checks = order('c');
    for (const table of new Set(checks.map((c) => c.table))) {
      const adds = checks.filter((c) => c.table === table).map((c) => `ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
      await tx.exec(`ALTER TABLE ${quoteIdent(table)} ${adds.join(', ')}`);
    }
    for (const c of order('f')) await tx.exec(`ALTER TABLE ${quoteIdent(c.table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
