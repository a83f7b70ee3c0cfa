import { createHash } from 'node:crypto';
import { handleReturnedCollections } from '../direct-debits/direct-debits';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { maxDate } from '../../domain/calendar/business-date';
import type { PaymentField, PaymentFields, PaymentRow } from '../../domain/imports/parse-payment-row';
import { matchReturnsToDirectDebits, type ReturnToMatch } from '../../domain/imports/match-returns';
import { ledgerEntryForPayment, MAX_REFERENCE_LENGTH, normalisePaymentFields, parsePaymentRow } from '../../domain/imports/parse-payment-row';
import { readDate } from '../../domain/imports/field-values';
import type { Db } from '../../persistence/database';
import type { NewImportException, NewPaymentFileRow, NewSuspenseItem, PaymentRowOutcome } from '../../persistence/stores/import-store';
import {
  acceptedProviderTransactionIds,
  completeImportFile,
  createImportFile,
  unreversedDirectDebitsNear,
  insertImportExceptions,
  insertPaymentFileRows,
  insertSuspenseItems,
  lockPaymentImports,
  sharePaymentImportLock,
  tryLockPaymentImportFiles,
} from '../../persistence/stores/import-store';
import type { NewLedgerTransaction } from '../../persistence/stores/ledger-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { tenancyIdsByPaymentReference } from '../../persistence/stores/tenancy-store';
import { reassessTenancies } from '../assessment/reassess';
import type { CsvRecord } from './csv-file';
import { extraValues, forEachDataBatch, ImportRefused, locateColumns, normaliseHeader, rawRecord, scanCsvFile } from './csv-file';
import type { MappedRow, PaymentFormat } from './payment-formats';
import { DEFAULT_PAYMENT_FORMAT, PAYMENT_FORMATS, paymentFormat } from './payment-formats';
import { PostingLanes } from './posting-lanes';
import { ReassessWhilePosting } from './reassess-while-posting';

/** How far from a return's original processing date the direct debit it reverses may be dated. */
export const RETURN_MATCH_WINDOW_DAYS = 3;
export const DEFAULT_BATCH_ROWS = 2000;
/** Batches posted side by side on a PostgreSQL pool (posting-lanes.ts): each is one of the server's cores. */
export const POSTING_LANES = 2;

export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** The contract's summary (`--json`). */
export interface PaymentImportSummary {
  file: string;
  sha256: string;
  rows: number;
  posted: number;
  suspense: number;
  rejected: number;
  duplicate: number;
  /** The posted rows' amounts as written in the file (payments positive, returns negative). */
  postedPence: number;
  errors: RowError[];
}

/** One data row's outcome, as given to `afterBatch`. */
export interface ImportedPaymentRow {
  rowNumber: number;
  outcome: PaymentRowOutcome;
  transactionId: string | null;
  raw: Record<string, string>;
  mapped: PaymentFields;
  /** The open exception of a rejected row. */
  exceptionId: number | null;
}

export interface ImportPaymentsOptions {
  path: string;
  /** How the file is named in the summary and messages (default: the path). */
  label?: string;
  format?: string;
  /** Today (Europe/London): re-assessment is as of today, or of the latest payment posted when later. */
  today: BusinessDate;
  batchRows?: number;
  importedBy?: string | null;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Runs in each batch's transaction after its rows are written (e.g. resolving resubmitted exceptions). */
  afterBatch?: (tx: Db, rows: readonly ImportedPaymentRow[], importFileId: number) => Promise<void>;
  /**
   * Re-assess accounts while the rest of the file is posted (reassess-while-posting.ts; default true). It
   * happens only on a PostgreSQL pool, for a file whose rows name their payment reference and date in
   * columns, none dated after today (not Bacs returns, whose failed collections are recorded after the
   * file), without `afterBatch`; otherwise the accounts are re-assessed after the file.
   */
  reassessWhilePosting?: boolean;
  /**
   * How many batches are posted side by side (posting-lanes.ts; default POSTING_LANES). Only on a PostgreSQL
   * pool and without `afterBatch`; otherwise one batch after another.
   */
  postingLanes?: number;
}

type Prepared =
  | { kind: 'rejected'; record: CsvRecord; raw: Record<string, string>; mapped: PaymentFields; field: string; message: string; fingerprint: string }
  | { kind: 'valid'; record: CsvRecord; raw: Record<string, string>; mapped: MappedRow; row: PaymentRow };
type ValidPrepared = Extract<Prepared, { kind: 'valid' }>;

interface Decided {
  prepared: Prepared;
  outcome: PaymentRowOutcome;
  tenancyId: number | null;
  reference: string | null;
  ledger: NewLedgerTransaction | null;
}

/** The format by name, or ImportRefused listing the formats there are. */
export function requirePaymentFormat(name: string): PaymentFormat {
  const format = paymentFormat(name);
  if (!format) throw new ImportRefused(`unknown payment file format "${name}" (formats: ${PAYMENT_FORMATS.map((f) => f.name).join(', ')})`);
  return format;
}

/** The header's positions of the format's columns; ImportRefused naming what is missing. */
export function resolveFormatColumns(format: PaymentFormat, header: readonly string[], label: string): Map<string, number> {
  const wanted = Object.fromEntries(Object.entries(format.columns).map(([k, c]) => [k, c.headers]));
  const positions = locateColumns(header, wanted, label);
  const missing = Object.entries(format.columns)
    .filter(([k, c]) => c.required && !positions.has(k))
    .map(([, c]) => c.headers[0]!);
  for (const group of format.requireOneOf ?? []) {
    if (!group.some((k) => positions.has(k))) missing.push(group.map((k) => format.columns[k]?.headers[0] ?? k).join(' or '));
  }
  if (missing.length > 0) {
    throw new ImportRefused(`${label}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} for format ${format.name} (the header has: ${header.join(', ') || 'nothing'})`);
  }
  return positions;
}

function fingerprintOf(formatName: string, values: readonly string[], occurrence: (key: string) => number): string {
  const digest = createHash('sha256').update(`${formatName}\u001e${values.join('\u001f')}`).digest('hex');
  return `${digest}#${occurrence(`fp:${digest}`)}`;
}

/**
 * Imports a payment file (contracts/cli-and-files.md, "Payment files"). Every data row ends posted,
 * suspense, rejected or duplicate, and is recorded in payment_file_rows with its outcome in the same
 * transaction as its ledger posting, batch by batch: a crash loses nothing and doubles nothing, and
 * importing the file again posts nothing (every accepted transaction id is a duplicate; rejected rows
 * stay rejected, as the same open exceptions).
 *
 * The file is read twice, both times as a stream: first to check that all of it is CSV with the columns
 * the format needs (a file that cannot be read is refused whole, before anything is posted), then to
 * import it in batches. On a PostgreSQL pool two batches are posted at once, with the outcomes one batch
 * after another would give (posting-lanes.ts, ADR 0013).
 */
export async function importPayments(db: Db, options: ImportPaymentsOptions): Promise<PaymentImportSummary> {
  const label = options.label ?? options.path;
  const format = requirePaymentFormat(options.format ?? DEFAULT_PAYMENT_FORMAT);
  const referenceHeaders = format.columns.reference?.headers.map(normaliseHeader) ?? [];
  const dateHeaders = format.columns.date?.headers.map(normaliseHeader) ?? [];
  const firstPass = firstPassLookAhead(
    (options.reassessWhilePosting ?? true) && db.kind === 'postgres' && db.connectionString !== undefined && format.name !== 'bacs-arudd' && !options.afterBatch,
    referenceHeaders,
    dateHeaders,
    options.today,
  );
  const scan = await scanCsvFile(options.path, label, firstPass.watch);
  const positions = resolveFormatColumns(format, scan.header, label);
  const header = scan.header;
  const columnName = (key: string): string => {
    const at = positions.get(key);
    return at !== undefined ? header[at]! : (format.columns[key]?.headers[0] ?? key);
  };
  const fieldColumn = (field: PaymentField): string => {
    const keys = format.fieldColumns[field];
    return columnName(keys.find((k) => positions.has(k)) ?? keys[0] ?? field);
  };

  const importFileId = await createImportFile(db, { kind: 'payments', fileName: label, sha256: scan.sha256, format: format.name, importedBy: options.importedBy ?? null });
  const summary: PaymentImportSummary = { file: label, sha256: scan.sha256, rows: 0, posted: 0, suspense: 0, rejected: 0, duplicate: 0, postedPence: 0, errors: [] };
  const affected = new Set<number>();
  let latestPosted: BusinessDate | null = null;
  /** The accounts posted to are re-assessed as of today, or of the latest payment posted when later. */
  const reassessAsOf = (): BusinessDate => (latestPosted === null ? options.today : maxDate(options.today, latestPosted));

  const occurrences = new Map<string, number>();
  const context = {
    occurrence(key: string): number {
      const n = occurrences.get(key) ?? 0;
      occurrences.set(key, n + 1);
      return n;
    },
  };

  const prepare = (record: CsvRecord): Prepared => {
    const raw = rawRecord(header, record.values);
    const source = {
      get(key: string): string | undefined {
        const at = positions.get(key);
        return at === undefined ? undefined : (record.values[at] ?? '').trim();
      },
    };
    const mapped = format.map(source, context);
    const reject = (field: string, message: string): Prepared => ({
      kind: 'rejected',
      record,
      raw,
      mapped: mapped.fields,
      field,
      message,
      fingerprint: fingerprintOf(format.name, record.values, context.occurrence),
    });
    const extras = extraValues(header, record.values);
    if (extras > 0) return reject('row', `has ${record.values.length} values but the header has ${header.length} columns`);
    if (mapped.problem) return reject(columnName(mapped.problem.column), mapped.problem.message);
    const parsed = parsePaymentRow(mapped.fields);
    if (!parsed.ok) return reject(fieldColumn(parsed.field as PaymentField), parsed.message);
    return { kind: 'valid', record, raw, mapped, row: parsed.value };
  };

  // Side by side, one connection holds the lock for it while the batches take others: never more lanes than the pool
  // has connections besides (with one connection in all, the batches waited for it forever).
  const laneCount =
    db.kind === 'postgres' && db.connectionString !== undefined && !options.afterBatch
      ? Math.max(1, Math.min(options.postingLanes ?? POSTING_LANES, (db.maxConnections ?? 1) - 1))
      : 1;

  /**
   * Posts one batch in its own transaction and returns each row's outcome. `inFlightBefore`: the transaction
   * ids of the file's earlier batches not yet committed when this one started (its query of the accepted ids
   * cannot see them): a row with one of them is a duplicate, as it would be were they committed.
   */
  const postBatch = (sideBySide: boolean, prepared: readonly Prepared[], valid: readonly ValidPrepared[], inFlightBefore: readonly ReadonlySet<string>[]): Promise<Decided[]> =>
    db.transaction(async (tx) => {
      // Side by side, the import holds the file lock (below) and its batches share the lock that keeps a
      // suspense allocation out; one after another, each batch takes that lock alone, as every import did.
      await (sideBySide ? sharePaymentImportLock(tx) : lockPaymentImports(tx));
      const accepted = await acceptedProviderTransactionIds(tx, valid.map((v) => v.row.transactionId));
      const references = valid.flatMap((v) => v.mapped.referenceCandidates ?? [v.row.reference]);
      const accounts = await tenancyIdsByPaymentReference(tx, references);
      const seen = new Set<string>();
      const decisions: Decided[] = [];
      /** The batch's Bacs returns that name their original processing date, and where their decision is. */
      const returns: (ReturnToMatch & { at: number })[] = [];

      for (const p of prepared) {
        if (p.kind === 'rejected') {
          decisions.push({ prepared: p, outcome: 'rejected', tenancyId: null, reference: p.mapped.reference ?? null, ledger: null });
          continue;
        }
        const { row, mapped } = p;
        if (accepted.has(row.transactionId) || seen.has(row.transactionId) || inFlightBefore.some((ids) => ids.has(row.transactionId))) {
          decisions.push({ prepared: p, outcome: 'duplicate', tenancyId: null, reference: row.reference, ledger: null });
          continue;
        }
        seen.add(row.transactionId);
        const matched = mapped.referenceCandidates ? mapped.referenceCandidates.find((c) => accounts.has(c)) : accounts.has(row.reference) ? row.reference : undefined;
        if (matched === undefined) {
          decisions.push({ prepared: p, outcome: 'suspense', tenancyId: null, reference: row.reference, ledger: null });
          continue;
        }
        const tenancyId = accounts.get(matched)!;
        const entry = ledgerEntryForPayment(row);
        let reason: string | null = null;
        if (entry.kind === 'reversal') {
          reason = mapped.returnOf?.reason ?? `returned payment${row.description ? `: ${row.description}` : ''}`;
          if (mapped.returnOf?.originalDate) returns.push({ at: decisions.length, tenancyId, ledgerAmountPence: -entry.amountPence, originalDate: mapped.returnOf.originalDate });
        }
        decisions.push({
          prepared: p,
          outcome: 'posted',
          tenancyId,
          reference: matched,
          ledger: {
            tenancyId,
            businessDate: row.businessDate,
            kind: entry.kind,
            method: row.method,
            amountPence: entry.amountPence,
            note: row.description,
            idempotencyKey: `p:${row.transactionId}`,
            reversesId: null,
            reason,
            source: 'payment_import',
            importFileId,
            providerTransactionId: row.transactionId,
            recordedBy: options.importedBy ?? null,
          },
        });
      }

      // The direct debit each return reverses, for the batch's returns at once (in the file's order, so a
      // debit is reversed by the first return that can take it).
      const candidates = await unreversedDirectDebitsNear(tx, returns, RETURN_MATCH_WINDOW_DAYS);
      matchReturnsToDirectDebits(returns, candidates, RETURN_MATCH_WINDOW_DAYS).forEach((reversesId, i) => {
        const ledger = decisions[returns[i]!.at]!.ledger;
        if (ledger) ledger.reversesId = reversesId;
      });

      const toPost = decisions.flatMap((d) => (d.ledger ? [d.ledger] : []));
      const inserted = new Map((await appendLedgerTransactions(tx, toPost)).map((r) => [r.idempotencyKey, r.id]));
      for (const d of decisions) {
        // Defensive: a key posted before without a file row (never, unless data was changed by hand) is a duplicate.
        if (d.ledger && !inserted.has(d.ledger.idempotencyKey)) {
          d.outcome = 'duplicate';
          d.ledger = null;
        }
      }

      const fileRows: NewPaymentFileRow[] = decisions.map((d) => {
        const p = d.prepared;
        const row = p.kind === 'valid' ? p.row : null;
        return {
          rowNumber: p.record.rowNumber,
          outcome: d.outcome,
          providerTransactionId: row?.transactionId ?? transactionIdOf(p),
          reference: d.reference,
          businessDate: row?.businessDate ?? null,
          amountPence: row?.amountPence ?? null,
          method: row?.method ?? null,
          ledgerTransactionId: d.ledger ? inserted.get(d.ledger.idempotencyKey)! : null,
          raw: p.raw,
        };
      });
      const fileRowIds = await insertPaymentFileRows(
        tx,
        importFileId,
        fileRows,
        decisions.flatMap((d) => (d.outcome === 'suspense' ? [d.prepared.record.rowNumber] : [])),
      );

      const suspense: NewSuspenseItem[] = decisions.flatMap((d) =>
        d.outcome === 'suspense' && d.prepared.kind === 'valid'
          ? [
              {
                paymentFileRowId: fileRowIds.get(d.prepared.record.rowNumber) ?? null,
                providerTransactionId: d.prepared.row.transactionId,
                businessDate: d.prepared.row.businessDate,
                reference: d.reference,
                amountPence: d.prepared.row.amountPence,
                method: d.prepared.row.method,
                description: d.prepared.row.description,
              },
            ]
          : [],
      );
      await insertSuspenseItems(tx, suspense);

      const exceptions: NewImportException[] = decisions.flatMap((d) =>
        d.prepared.kind === 'rejected'
          ? [{ rowNumber: d.prepared.record.rowNumber, field: d.prepared.field, message: d.prepared.message, raw: d.prepared.raw, mapped: normalisePaymentFields(d.prepared.mapped), fingerprint: d.prepared.fingerprint }]
          : [],
      );
      const exceptionIds = await insertImportExceptions(tx, importFileId, exceptions);

      if (options.afterBatch) {
        await options.afterBatch(
          tx,
          decisions.map((d) => ({
            rowNumber: d.prepared.record.rowNumber,
            outcome: d.outcome,
            transactionId: d.prepared.kind === 'valid' ? d.prepared.row.transactionId : transactionIdOf(d.prepared),
            raw: d.prepared.raw,
            mapped: d.prepared.kind === 'valid' ? d.prepared.mapped.fields : d.prepared.mapped,
            exceptionId: exceptionIds.get(d.prepared.record.rowNumber) ?? null,
          })),
          importFileId,
        );
      }
      return decisions;
    });

  /** Counts a committed batch and hands out the accounts it leaves ready for re-assessment: in the file's order. */
  const account = (batch: number, records: readonly CsvRecord[], decided: readonly Decided[]): void => {
    for (const d of decided) {
      summary.rows += 1;
      summary[d.outcome] += 1;
      if (d.prepared.kind === 'rejected') summary.errors.push({ row: d.prepared.record.rowNumber, field: d.prepared.field, message: d.prepared.message });
      if (d.outcome === 'posted' && d.prepared.kind === 'valid') {
        summary.postedPence += d.prepared.row.amountPence;
        affected.add(d.tenancyId!);
        latestPosted = latestPosted === null ? d.prepared.row.businessDate : maxDate(latestPosted, d.prepared.row.businessDate);
        background?.plan.posted(batch, d.tenancyId!, d.reference === null ? null : (firstPass.lastRowOfReference.get(d.reference) ?? null));
      }
    }
    if (background && records.length > 0) {
      const lastRow = records.reduce((n, r) => Math.max(n, r.rowNumber), 0);
      const asOf = reassessAsOf();
      background.handOut(background.plan.committed(batch, lastRow, asOf), asOf);
    }
  };

  /** Posts the file's batches, `lanesAtOnce` at a time (more than one only while this import holds the lock for it). */
  const postFile = async (lanesAtOnce: number): Promise<void> => {
    const sideBySide = lanesAtOnce > 1;
    const lanes = new PostingLanes<Decided[]>(lanesAtOnce);
    /** The transaction ids of the batches in flight, by batch. */
    const claimed = new Map<number, ReadonlySet<string>>();
    let batchIndex = 0;
    const processBatch = async (records: readonly CsvRecord[]): Promise<void> => {
      const prepared = records.map(prepare);
      const valid = prepared.filter((p): p is ValidPrepared => p.kind === 'valid');
      const batch = batchIndex++;
      const ids = new Set(valid.map((v) => v.row.transactionId));
      await lanes.add(
        async () => {
          const inFlightBefore = [...claimed.values()];
          claimed.set(batch, ids);
          try {
            return await postBatch(sideBySide, prepared, valid, inFlightBefore);
          } finally {
            claimed.delete(batch);
          }
        },
        (decided) => account(batch, records, decided),
        // Returns are matched to the direct debits posted before them in the file, as one batch after another.
        { exclusive: valid.some((v) => Boolean(v.mapped.returnOf?.originalDate)) },
      );
    };
    try {
      await forEachDataBatch(options.path, { label, scan, batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS, onProgress: options.onProgress }, processBatch);
    } catch (error) {
      await lanes.finish().catch(() => undefined);
      throw error;
    }
    await lanes.finish();
  };
  const background = firstPass.usable() ? backgroundReassessment(db) : null;

  try {
    // One import at a time posts side by side, its batches not taking the batch lock alone; while one does,
    // another posts one batch after another (waiting for no lock beyond its batches', so that imports waiting
    // cannot hold the pool's connections from the batches of the one posting).
    const postedSideBySide =
      laneCount > 1 &&
      (await db.transaction(async (held) => {
        if (!(await tryLockPaymentImportFiles(held))) return false;
        await postFile(laneCount);
        return true;
      }));
    if (!postedSideBySide) await postFile(1);
    // Returned direct debits: recorded against the mandate, re-presentation or contact task (issue 5).
    if (format.name === 'bacs-arudd') await handleReturnedCollections(db, options.today);
    await completeImportFile(db, importFileId, { rows: summary.rows, posted: summary.posted, suspense: summary.suspense, rejected: summary.rejected, duplicate: summary.duplicate, postedPence: summary.postedPence });
  } catch (error) {
    // Let the re-assessment in hand finish (and start no more) before the caller closes the database; the
    // error that stopped the import is the one to report.
    await background?.stop().catch(() => undefined);
    throw error;
  }
  const notStarted = background ? await background.stop() : [];
  const asOf = reassessAsOf();
  await reassessTenancies(db, background ? [...new Set([...notStarted, ...background.plan.remaining(asOf)])] : [...affected], asOf, 'import');
  return summary;
}

/** References the first pass keeps at most (a file with more re-assesses after it is posted, as before). */
const MAX_REFERENCES_LOOKED_AHEAD = 1_000_000;

/**
 * What the first pass over a payment file learns for re-assessing while posting (reassess-while-posting.ts):
 * the last row of each payment reference. It is usable only if the file names its references and dates in
 * columns, no row is dated after today (a later payment would move the date every account is re-assessed
 * as of, after some were re-assessed as of today), and it has at most MAX_REFERENCES_LOOKED_AHEAD references.
 */
function firstPassLookAhead(wanted: boolean, referenceHeaders: readonly string[], dateHeaders: readonly string[], today: BusinessDate) {
  const lastRowOfReference = new Map<string, number>();
  let usable = false;
  const watch = (header: readonly string[]): ((record: CsvRecord) => void) | undefined => {
    if (!wanted) return undefined;
    const referenceAt = header.findIndex((h) => referenceHeaders.includes(normaliseHeader(h)));
    const dateAt = header.findIndex((h) => dateHeaders.includes(normaliseHeader(h)));
    if (referenceAt < 0 || dateAt < 0) return undefined;
    usable = true;
    return (record) => {
      if (!usable) return;
      const date = readDate((record.values[dateAt] ?? '').trim());
      const reference = (record.values[referenceAt] ?? '').trim();
      if ((date.ok && date.value > today) || (!lastRowOfReference.has(reference) && lastRowOfReference.size >= MAX_REFERENCES_LOOKED_AHEAD)) {
        usable = false;
        lastRowOfReference.clear();
        return;
      }
      if (reference !== '' && reference.length <= MAX_REFERENCE_LENGTH) lastRowOfReference.set(reference, record.rowNumber);
    };
  };
  return { watch, lastRowOfReference, usable: () => usable };
}

/**
 * The accounts handed out while a file is posted (ReassessWhilePosting), re-assessed one group after another
 * beside the posting: whatever has gathered while a group was re-assessed is the next group (a few batches'
 * accounts at a time, read ahead and stored in a pipeline like the daily run's). `stop` waits for the group
 * in hand and returns the accounts not yet started (re-assessed after the file with the rest), or throws what
 * stopped a group.
 */
function backgroundReassessment(db: Db) {
  const plan = new ReassessWhilePosting();
  const gathered = new Map<BusinessDate, number[]>();
  let running: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  const next = (): void => {
    if (running || stopped || failure) return;
    const first = gathered.entries().next();
    if (first.done) return;
    const [asOf, ids] = first.value;
    gathered.delete(asOf);
    running = reassessTenancies(db, ids, asOf, 'import').then(
      () => {
        running = null;
        next();
      },
      (error: unknown) => {
        running = null;
        failure = { error };
      },
    );
  };
  return {
    plan,
    handOut(ids: readonly number[], asOf: BusinessDate): void {
      if (ids.length === 0) return;
      const list = gathered.get(asOf) ?? [];
      for (const id of ids) list.push(id);
      gathered.set(asOf, list);
      next();
    },
    async stop(): Promise<number[]> {
      stopped = true;
      while (running) await running;
      if (failure) throw failure.error;
      return [...gathered.values()].flat();
    },
  };
}

function transactionIdOf(p: Prepared): string | null {
  const id = (p.kind === 'valid' ? p.mapped.fields.transaction_id : p.mapped.transaction_id)?.trim();
  return id ? id : null;
}
