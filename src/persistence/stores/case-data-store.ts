import type { BusinessDate } from '../../domain/calendar/business-date';
import { ANCHOR_EVENT_TYPES, historyHorizon, KEPT_BENEFIT_METHODS, openingTransactions, subtractTotals, totalsOf, type HistoryTotals } from '../../domain/case-file/compact-history';
import type { SummarisedHistory, Transaction } from '../../domain/case-file/case-file';
import { RENT_ACCOUNT_SUB_ACCOUNTS } from '../../domain/rent/charges-due';
import type { Db } from '../database';
import type { AccountStateRow } from './account-state-store';
import type { BenefitClaimRow } from './account-view-store';
import type { ChargeScheduleRows } from './charge-store';
import type { TenancyRow } from './tenancy-store';
import { parseCopyText, sqlLiteral, sqlLiteralList } from '../database';
import { CHARGE_SCHEDULE_COLUMNS, chargeScheduleRows, TRANSACTION_COLUMNS, transactionRows, type TransactionRow } from './transaction-copy-text';

/** Everything the database knows of a set of tenancies that a case file carries, in a handful of queries. */
export interface CaseData {
  tenancy: TenancyRow & {
    /** The SHA-256 (hex) of the current assessment's trace (migration 0019); null without one, or one stored before. */
    current_trace_hash?: string | null;
    /**
     * The database snapshot the case data was read in (`pg_current_snapshot()` as text, taken by the read's
     * first statement): a result assessed from it replaces the current assessment only when that one's writer
     * is visible in it (migration 0027, ADR 0012). Absent when the data was not read by loadCaseBatch.
     */
    read_snapshot?: string;
  };
  tenants: { name: string; has_forwarding_address: boolean }[];
  charges: { sub_account: string; effective_from: BusinessDate; weekly_pence: number }[];
  rentFreeWeeks: BusinessDate[];
  transactions: Omit<TransactionRow, 'tenancy_id'>[];
  benefits: (BenefitClaimRow & { assessment_period_start_day: number | null; details: Record<string, unknown> })[];
  events: { id: number; event_date: BusinessDate; type: string; details: Record<string, unknown> }[];
  /** Set when the older history was summed into opening entries (compact reads only). */
  summarised?: SummarisedHistory;
}

export type TenancySelection = { ids: readonly number[] } | { idFrom: number; idTo: number };

function where(selection: TenancySelection, column: string, firstParam: number): { clause: string; params: unknown[] } {
  if ('ids' in selection) return { clause: `${column} = ANY($${firstParam}::int[])`, params: [selection.ids] };
  return { clause: `${column} BETWEEN $${firstParam} AND $${firstParam + 1}`, params: [selection.idFrom, selection.idTo] };
}

/**
 * Loads the case data of the selected tenancies as known on `asOf`: transactions and events dated after it
 * are left out; charge schedules and benefits are whole. One query per table, whatever the number of tenancies.
 */
export interface LoadOptions {
  /**
   * Read only the recent part of each account's history, the older part summed into opening
   * entries from the kept per-account state (src/domain/case-file/compact-history.ts): the same
   * assessment, a fraction of the rows. For assessing; exports and statements read everything.
   */
  compact?: boolean;
  /**
   * Run before the ledger is read, given the selection's charge schedules and rent-free weeks as read for
   * the case data: the daily run posts the batch's charges here (they must be in the ledger it reads),
   * without reading the schedules a second time.
   */
  beforeLedger?: (known: ChargeScheduleRows) => Promise<void>;
}

export async function loadCaseData(db: Db, selection: TenancySelection, asOf: BusinessDate, options: LoadOptions = {}): Promise<CaseData[]> {
  const batch = await loadCaseBatch(db, selection, asOf, options);
  return batch.slice(0, batch.length);
}

/**
 * The case data of a batch of tenancies, in tenancy id order, built a few at a time when asked for. An array
 * of CaseData is one too.
 */
export interface CaseBatch {
  readonly length: number;
  /**
   * The case data of the batch's tenancies [from, to). Each call parses the accounts' transactions and
   * events anew; the rest (tenancy, tenants, charges, benefits) is shared between calls, and nothing may
   * change what it is given.
   */
  slice(from: number, to: number): CaseData[];
}

/**
 * loadCaseData for a pipeline: the same reads, but each account's transactions and events are parsed from the
 * COPY text read for the batch only when its case data is asked for (`slice`). A pipelined assessment asks
 * for a few dozen at a time, so the rows of one account live for the moment it is assessed: read ahead and
 * parsed at once, a batch's rows lived through the assessment of the batch before, and the garbage
 * collector copied and promoted every one of them (docs/performance-history.md, session 14).
 */
export async function loadCaseBatch(db: Db, selection: TenancySelection, asOf: BusinessDate, options: LoadOptions = {}): Promise<CaseBatch> {
  const w = where(selection, 't.id', 1);
  const tenancies = await db.query<CaseData['tenancy']>(
    // Each tenancy's property looked up by key (OFFSET 0 keeps the subquery from being flattened into a join):
    // as a plain join, the generic plan of this prepared statement hashed every property of the landlord
    // for each batch (19.6 ms against 2 ms for 1,000 tenancies at 100,000 homes). The first statement of the
    // read, so its snapshot is taken before anything else of the batch is read (read_snapshot).
    `SELECT t.id, t.ref, t.payment_reference, t.tenure, t.landlord_type, t.start_date, t.end_date, t.end_reason, t.rent_frequency,
            pr.address, pr.postcode, t.patch_id, pa.name AS patch_name,
            (SELECT encode(c.trace_hash, 'hex') FROM current_assessments c WHERE c.tenancy_id = t.id) AS current_trace_hash,
            pg_current_snapshot()::text AS read_snapshot
     FROM tenancies t
       LEFT JOIN LATERAL (SELECT p.address, p.postcode FROM properties p WHERE p.id = t.property_id OFFSET 0) pr ON true
       LEFT JOIN patches pa ON pa.id = t.patch_id
     WHERE ${w.clause} ORDER BY t.id`,
    w.params,
  );
  // Everything but the transactions and events, which are added as each account's case data is made.
  const byId = new Map<number, CaseData>();
  for (const t of tenancies) byId.set(t.id, { tenancy: t, tenants: [], charges: [], rentFreeWeeks: [], transactions: [], benefits: [], events: [] });
  if (byId.size === 0) return [];

  const wt = where(selection, 'tenancy_id', 1);
  // With COPY, as the ledger: ~17 schedule rows an account (its rent changes over the years) parsed by the
  // driver row by row were most of the rows of its protocol a daily run read.
  const charges = db
    .copyOutText(`SELECT ${CHARGE_SCHEDULE_COLUMNS} FROM charge_schedules WHERE ${tenancyFilter(selection)} ORDER BY tenancy_id, effective_from, id`)
    .then(chargeScheduleRows);
  const rentFree = db.query<{ tenancy_id: number | null; week_commencing: BusinessDate }>(
    `SELECT tenancy_id, week_commencing FROM rent_free_weeks WHERE tenancy_id IS NULL OR ${wt.clause} ORDER BY week_commencing`,
    wt.params,
  );
  const ledger = (async (): Promise<LedgerOfBatch> => {
    if (options.beforeLedger) await options.beforeLedger({ schedules: await charges, rentFree: await rentFree });
    return options.compact ? loadCompactTransactions(db, selection, asOf) : wholeLedger(await loadTransactionsText(db, selection, asOf));
  })();
  const tenants = db.query<{ tenancy_id: number; name: string; has_forwarding_address: boolean }>(
    `SELECT tenancy_id, name, has_forwarding_address FROM tenants WHERE ${wt.clause} ORDER BY tenancy_id, position`,
    wt.params,
  );
  const benefits = db.query<CaseData['benefits'][number] & { tenancy_id: number }>(
    `SELECT tenancy_id, type, status, from_date, weekly_pence, paid_every_weeks, evidence_complete, housing_costs_to, monthly_housing_pence,
            assessment_period_start_day, details
     FROM benefit_claims WHERE ${wt.clause} ORDER BY tenancy_id, position, id`,
    wt.params,
  );
  const events = loadEventsText(db, selection, asOf);
  const reads = [tenants, charges, rentFree, ledger, benefits, events] as const;
  const all = Promise.all(reads);
  all.catch(() => undefined); // awaited below, once every read has settled (none is left running on a failure)
  await Promise.allSettled(reads);
  const [tenantRows, scheduleRows, rentFreeRows, transactions, benefitRows, eventsText] = await all;
  for (const r of tenantRows) byId.get(r.tenancy_id)?.tenants.push(r);
  for (const r of scheduleRows) byId.get(r.tenancy_id)?.charges.push(r);
  const landlordWide = rentFreeRows.filter((r) => r.tenancy_id === null).map((r) => r.week_commencing);
  for (const c of byId.values()) c.rentFreeWeeks.push(...landlordWide);
  for (const r of rentFreeRows) if (r.tenancy_id !== null) byId.get(r.tenancy_id)?.rentFreeWeeks.push(r.week_commencing);
  for (const r of benefitRows) byId.get(r.tenancy_id)?.benefits.push(r);
  const eventLines = linesByTenancy(eventsText);
  const skeletons = [...byId.values()];
  return {
    length: skeletons.length,
    slice(from: number, to: number): CaseData[] {
      return skeletons.slice(from, to).map((skeleton) => {
        const id = skeleton.tenancy.id;
        const ledgerOf = transactions.of(id);
        const data: CaseData = { ...skeleton, transactions: ledgerOf.rows, events: eventRowsIn(eventsText, eventLines.get(id)) };
        if (ledgerOf.summarised) data.summarised = ledgerOf.summarised;
        return data;
      });
    },
  };
}

/** The transactions of a batch, per account: with the summary of the older history when it was summed. */
interface LedgerOfBatch {
  of(tenancyId: number): { rows: TransactionRow[]; summarised?: SummarisedHistory };
}

/** The whole history of each account of a batch, from the COPY text of loadTransactionsText. */
function wholeLedger(text: string): LedgerOfBatch {
  const lines = linesByTenancy(text);
  return { of: (tenancyId) => ({ rows: transactionRowsIn(text, lines.get(tenancyId)) }) };
}

/**
 * Where each tenancy's lines are in a COPY text whose first column is the tenancy id: its runs of whole
 * lines, as [start, end) pairs of offsets (one run when the rows come grouped by tenancy, as they do).
 */
export function linesByTenancy(text: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  let at = 0;
  let runId = -1;
  let runStart = 0;
  const close = (end: number) => {
    if (runId === -1) return;
    const list = runs.get(runId);
    if (list) list.push(runStart, end);
    else runs.set(runId, [runStart, end]);
  };
  while (at < text.length) {
    let id = 0;
    let i = at;
    let c = text.charCodeAt(i);
    while (c >= 48 && c <= 57) {
      id = id * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    if (i === at || c !== 9) throw new Error(`COPY text: no tenancy id at offset ${at}`);
    const newline = text.indexOf('\n', i);
    const next = newline === -1 ? text.length : newline + 1;
    if (id !== runId) {
      close(at);
      runId = id;
      runStart = at;
    }
    at = next;
  }
  close(at);
  return runs;
}

/** The least and the greatest of the ids (at least one). */
function idRangeOf(ids: readonly number[]): [number, number] {
  let idMin = ids[0]!;
  let idMax = idMin;
  for (const id of ids) {
    if (id < idMin) idMin = id;
    if (id > idMax) idMax = id;
  }
  return [idMin, idMax];
}

/** The rent account's sub-accounts as a list of literals, for `sub_account IN (…)`. */
const RENT_ACCOUNT_SUB_ACCOUNTS_SQL = sqlLiteralList(RENT_ACCOUNT_SUB_ACCOUNTS);

/** The selection as a condition on `tenancy_id`, with its values written in (for COPY, which takes no parameters). */
function tenancyFilter(selection: TenancySelection): string {
  if ('ids' in selection) {
    if (selection.ids.length === 0) return 'false';
    // The range of the ids beside the list lets the planner see how few rows are wanted: with the list alone
    // (a batch of an import's accounts, 1,000 ids) it scanned every charge schedule and case event of the
    // landlord for each batch, four times the time of the index range.
    const [idMin, idMax] = idRangeOf(selection.ids);
    return `tenancy_id IN (${sqlLiteralList(selection.ids)}) AND tenancy_id BETWEEN ${sqlLiteral(idMin)} AND ${sqlLiteral(idMax)}`;
  }
  return `tenancy_id BETWEEN ${sqlLiteral(selection.idFrom)} AND ${sqlLiteral(selection.idTo)}`;
}

/**
 * The COPY text (TRANSACTION_COLUMNS) of the rent-account transactions of the selected tenancies on or before
 * `asOf`, in ledger order: COPY is several times faster than row-by-row results for millions of rows.
 */
function loadTransactionsText(db: Db, selection: TenancySelection, asOf: BusinessDate): Promise<string> {
  return db.copyOutText(
    `SELECT ${TRANSACTION_COLUMNS}
     FROM ledger_transactions
     WHERE ${tenancyFilter(selection)} AND business_date <= ${sqlLiteral(asOf)}::date AND sub_account IN (${RENT_ACCOUNT_SUB_ACCOUNTS_SQL})
     ORDER BY tenancy_id, business_date, id`,
  );
}

/** An account's kept state (without the date of its latest transaction), its end date and the earliest of its anchor events. */
type HorizonRow = Omit<AccountStateRow, 'last_business_date'> & { end_date: BusinessDate | null; anchor_date: BusinessDate | null };

function asTransaction(r: TransactionRow): Pick<Transaction, 'kind' | 'amountPence'> {
  return { kind: r.kind as Transaction['kind'], amountPence: r.amount_pence };
}

/**
 * The transactions as the engine needs them, reading only the recent part of the history of every current
 * and former account whose kept state allows it (src/domain/case-file/compact-history.ts): per tenancy, the rows from
 * its horizon (index range scans), the latest payment and benefit credits before it (partial indexes),
 * and opening entries for the rest, worked out from the kept sums. Other accounts are read whole.
 */
async function loadCompactTransactions(db: Db, selection: TenancySelection, asOf: BusinessDate): Promise<LedgerOfBatch> {
  const w = where(selection, 't.id', 1);
  // The anchor events are found for the whole selection at once (the selection stated for them too, with the same
  // parameters: an index range per type, a batch's few), not looked up type by type for each account (five index
  // probes an account, most finding nothing). The selection stated for account_state as well made the prepared
  // statement's generic plan two to three times slower.
  const states = await db.query<HorizonRow>(
    `SELECT t.id AS tenancy_id, s.balance_pence, s.charge_pence, s.court_costs_pence, s.credit_pence, s.positive_reversal_pence, s.last_clear_date,
            s.transaction_count, s.payment_credit_count, t.end_date, a.anchor_date
     FROM tenancies t JOIN account_state s ON s.tenancy_id = t.id
     LEFT JOIN (SELECT e.tenancy_id, min(e.event_date) AS anchor_date FROM case_events e
                WHERE ${where(selection, 'e.tenancy_id', 1).clause} AND e.type IN (${sqlLiteralList(ANCHOR_EVENT_TYPES)}) AND e.event_date <= $${w.params.length + 1}
                GROUP BY e.tenancy_id) a ON a.tenancy_id = t.id
     WHERE ${w.clause} AND EXISTS (SELECT 1 FROM charge_schedules c WHERE c.tenancy_id = t.id AND c.effective_from <= $${w.params.length + 1})`,
    [...w.params, asOf],
  );
  const horizons = new Map<number, { horizon: BusinessDate; totals: HistoryTotals; transactionCount: number; paymentCreditCount: number }>();
  for (const s of states) {
    const horizon = historyHorizon({ asOf, lastClearDate: s.last_clear_date, endDate: s.end_date, anchorDates: s.anchor_date ? [s.anchor_date] : [] });
    if (horizon === null) continue;
    horizons.set(s.tenancy_id, {
      horizon,
      totals: { balancePence: s.balance_pence, chargePence: s.charge_pence, courtCostsPence: s.court_costs_pence, creditPence: s.credit_pence, positiveReversalPence: s.positive_reversal_pence },
      transactionCount: s.transaction_count,
      paymentCreditCount: s.payment_credit_count,
    });
  }
  // Every tenancy of the selection: from its horizon, or from the beginning.
  const ids = 'ids' in selection ? [...new Set(selection.ids)] : Array.from({ length: selection.idTo - selection.idFrom + 1 }, (_, i) => selection.idFrom + i);
  if (ids.length === 0) return { of: () => ({ rows: [] }) };
  const values = ids.map((id) => `(${sqlLiteral(id)}, ${sqlLiteral(horizons.get(id)?.horizon ?? '1900-01-01')}::date)`).join(',');
  // The id range beside the join lets the planner see how few of the ledger's rows are wanted (otherwise it
  // may scan the whole ledger for each batch). The rows are not sorted in SQL (a sort of every batch's rows,
  // spilling to disk): they are grouped per tenancy here and put in date order where they are not already.
  const [idMin, idMax] = idRangeOf(ids);
  const idRange = (alias: string) => `${alias}.tenancy_id BETWEEN ${sqlLiteral(idMin)} AND ${sqlLiteral(idMax)}`;
  const [recentText, keptText] = await Promise.all([
    db.copyOutText(
      `SELECT ${TRANSACTION_COLUMNS.split(', ').map((c) => `l.${c}`).join(', ')}
       FROM (VALUES ${values}) AS h (tenancy_id, horizon)
       CROSS JOIN LATERAL (
         SELECT * FROM ledger_transactions x WHERE x.tenancy_id = h.tenancy_id AND ${idRange('x')} AND x.business_date >= h.horizon AND x.sub_account IN (${RENT_ACCOUNT_SUB_ACCOUNTS_SQL})
       ) l`,
    ),
    // The kept older credits: the latest three payments, and each kept benefit method's latest credits in a branch
    // of its own (two probes of the partial index; as a join with a list of the methods, the planner hashed every
    // benefit credit of the account).
    horizons.size === 0
      ? Promise.resolve('')
      : db.copyOutText(
          `SELECT ${TRANSACTION_COLUMNS.split(', ').map((c) => `k.${c}`).join(', ')}
           FROM (VALUES ${[...horizons].map(([id, h]) => `(${sqlLiteral(id)}, ${sqlLiteral(h.horizon)}::date)`).join(',')}) AS h (tenancy_id, horizon)
           CROSS JOIN LATERAL (
             (SELECT * FROM ledger_transactions x WHERE x.tenancy_id = h.tenancy_id AND ${idRange('x')} AND x.business_date < h.horizon AND x.kind = 'payment' AND x.amount_pence < 0
                AND x.sub_account IN (${RENT_ACCOUNT_SUB_ACCOUNTS_SQL}) ORDER BY x.business_date DESC, x.id DESC LIMIT 3)
             ${KEPT_BENEFIT_METHODS.map(
               (method) => `UNION ALL
             (SELECT * FROM ledger_transactions x WHERE x.tenancy_id = h.tenancy_id AND ${idRange('x')} AND x.kind = 'benefit' AND x.amount_pence < 0 AND x.method = ${sqlLiteral(method)}
                AND x.sub_account IN (${RENT_ACCOUNT_SUB_ACCOUNTS_SQL})
                AND x.business_date = (SELECT max(y.business_date) FROM ledger_transactions y WHERE y.tenancy_id = h.tenancy_id AND ${idRange('y')} AND y.kind = 'benefit'
                                         AND y.amount_pence < 0 AND y.method = ${sqlLiteral(method)} AND y.business_date < h.horizon AND y.sub_account IN (${RENT_ACCOUNT_SUB_ACCOUNTS_SQL})))`,
             ).join('\n             ')}
           ) k`,
        ),
  ]);
  const recentLines = linesByTenancy(recentText);
  const keptLines = linesByTenancy(keptText);
  const paymentCredits = (list: readonly TransactionRow[]) => list.reduce((n, r) => n + (r.kind === 'payment' && r.amount_pence < 0 ? 1 : 0), 0);
  return {
    of(tenancyId) {
      const rows = inLedgerOrder(transactionRowsIn(recentText, recentLines.get(tenancyId)));
      const h = horizons.get(tenancyId);
      if (!h) return { rows: rows.filter((r) => r.business_date <= asOf) };
      const keptRows = inLedgerOrder(transactionRowsIn(keptText, keptLines.get(tenancyId)));
      const summed = subtractTotals(subtractTotals(h.totals, totalsOf(keptRows.map(asTransaction))), totalsOf(rows.map(asTransaction)));
      const opening = openingTransactions(summed, h.horizon);
      const out: TransactionRow[] = [...keptRows, ...opening.map((t) => openingRow(tenancyId, t))];
      for (const r of rows) if (r.business_date <= asOf) out.push(r);
      return {
        rows: out,
        summarised: {
          transactionCount: h.transactionCount - keptRows.length - rows.length,
          paymentCreditCount: h.paymentCreditCount - paymentCredits(keptRows) - paymentCredits(rows),
          openingEntryCount: opening.length,
        },
      };
    },
  };
}

/** The transactions in the given runs of lines of a COPY text (linesByTenancy). */
function transactionRowsIn(text: string, runs: readonly number[] | undefined): TransactionRow[] {
  if (runs === undefined) return [];
  if (runs.length === 2) return transactionRows(text, runs[0], runs[1]);
  const rows: TransactionRow[] = [];
  for (let i = 0; i < runs.length; i += 2) rows.push(...transactionRows(text, runs[i], runs[i + 1]));
  return rows;
}

/** One account's rows in ledger order (business date, then id): sorted only where they are not already. */
function inLedgerOrder(list: TransactionRow[]): TransactionRow[] {
  for (let i = 1; i < list.length; i++) {
    if (ledgerOrder(list[i - 1]!, list[i]!) > 0) return list.sort(ledgerOrder);
  }
  return list;
}

function ledgerOrder(a: TransactionRow, b: TransactionRow): number {
  return a.business_date < b.business_date ? -1 : a.business_date > b.business_date ? 1 : a.id - b.id;
}

function openingRow(tenancyId: number, t: Transaction): TransactionRow {
  return { tenancy_id: tenancyId, id: 0, business_date: t.date, kind: t.kind, method: null, amount_pence: t.amountPence, period_from: null, period_to: null, note: t.note, sub_account: 'rent', reverses_id: null, reason: null };
}

type EventRow = CaseData['events'][number] & { tenancy_id: number };

/** The COPY text of the case events of the selected tenancies dated on or before `asOf`, in date order. */
function loadEventsText(db: Db, selection: TenancySelection, asOf: BusinessDate): Promise<string> {
  return db.copyOutText(
    `SELECT tenancy_id, id, event_date, type, details::text FROM case_events
     WHERE ${tenancyFilter(selection)} AND event_date <= ${sqlLiteral(asOf)}::date ORDER BY tenancy_id, event_date, id`,
  );
}

/** The events in the given runs of lines of loadEventsText's text (linesByTenancy). */
function eventRowsIn(text: string, runs: readonly number[] | undefined): EventRow[] {
  if (runs === undefined) return [];
  const rows: EventRow[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    for (const f of parseCopyText(text.slice(runs[i], runs[i + 1]))) {
      rows.push({ tenancy_id: Number(f[0]), id: Number(f[1]), event_date: f[2]!, type: f[3]!, details: JSON.parse(f[4] ?? '{}') as Record<string, unknown> });
    }
  }
  return rows;
}

/** The id range of all tenancies, for walking them in batches. */
export async function tenancyIdRange(db: Db): Promise<{ min: number; max: number } | null> {
  const [r] = await db.query<{ min: number | null; max: number | null }>(`SELECT min(id) AS min, max(id) AS max FROM tenancies`);
  return r && r.min !== null && r.max !== null ? { min: r.min, max: r.max } : null;
}
