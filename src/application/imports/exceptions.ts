import type { Writable } from 'node:stream';
import { normalisePaymentFields, PAYMENT_FIELDS } from '../../domain/imports/parse-payment-row';
import type { Db } from '../../persistence/database';
import { csvLine } from '../../persistence/database';
import type { ImportExceptionRow, ImportKind } from '../../persistence/stores/import-store';
import { findOpenPaymentExceptions, listImportExceptions, resolveImportExceptions } from '../../persistence/stores/import-store';
import type { ImportedPaymentRow, ImportPaymentsOptions, PaymentImportSummary } from './import-payments';
import { normaliseHeader } from './csv-file';
import { importPayments } from './import-payments';

export interface ImportException {
  id: number;
  importFileId: number;
  file: string;
  kind: ImportKind;
  format: string;
  row: number;
  field: string;
  message: string;
  raw: Record<string, string>;
  status: string;
}

function toException(e: ImportExceptionRow): ImportException {
  return { id: e.id, importFileId: e.import_file_id, file: e.file_name, kind: e.kind, format: e.format, row: e.row_number, field: e.field, message: e.message, raw: e.raw, status: e.status };
}

/** The open exceptions (rejected rows of payment and tenancy files), optionally of one import file. */
export async function listOpenExceptions(db: Db, options: { importFileId?: number | null } = {}): Promise<ImportException[]> {
  return (await listImportExceptions(db, { status: 'open', importFileId: options.importFileId ?? null })).map(toException);
}

/** The columns `exportPaymentExceptions` writes: generic-csv's, plus the exception's id and its problem. */
export const EXCEPTION_EXPORT_COLUMNS = ['exception_id', ...PAYMENT_FIELDS, 'problem'] as const;

/**
 * Writes the open payment exceptions as a generic-csv file (whatever format they came in: each row as
 * its format mapped it) for an officer to correct and give back to `resubmitExceptions`. The extra
 * columns `exception_id` and `problem` are ignored by the import; `exception_id` says which exception a
 * corrected row answers.
 */
export async function exportPaymentExceptions(db: Db, out: Writable): Promise<number> {
  const exceptions = await listImportExceptions(db, { status: 'open', kind: 'payments' });
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      out.write(text, (error) => (error ? reject(error) : resolve()));
    });
  await write(csvLine([...EXCEPTION_EXPORT_COLUMNS]));
  for (const e of exceptions) {
    const mapped = e.mapped ?? {};
    await write(csvLine([e.id, ...PAYMENT_FIELDS.map((f) => mapped[f] ?? ''), `${e.field}: ${e.message}`]));
  }
  return exceptions.length;
}

export interface ResubmitSummary extends PaymentImportSummary {
  /** Open exceptions marked resubmitted. */
  resubmitted: number;
}

/**
 * Imports a corrected file (generic-csv) and marks the open payment exceptions its rows answer as
 * resubmitted: the exception its `exception_id` names, those with the same transaction id, and those
 * whose row mapped to exactly the same fields. A corrected row that is rejected again is a
 * new open exception (the old one is resolved, pointing at it); one rejected again unchanged stays the
 * same open exception.
 */
export async function resubmitExceptions(db: Db, options: Omit<ImportPaymentsOptions, 'format' | 'afterBatch'>): Promise<ResubmitSummary> {
  let resubmitted = 0;
  const afterBatch = async (tx: Db, rows: readonly ImportedPaymentRow[], importFileId: number): Promise<void> => {
    const mappedJson = (r: ImportedPaymentRow) => JSON.stringify(normalisePaymentFields(r.mapped));
    const named = rows.flatMap((r) => exceptionIdOf(r.raw) ?? []);
    const candidates = await findOpenPaymentExceptions(tx, {
      ids: named,
      transactionIds: rows.flatMap((r) => (r.transactionId ? [r.transactionId] : [])),
      mapped: rows.map(mappedJson),
    });
    if (candidates.length === 0) return;
    const current = new Set(rows.flatMap((r) => (r.exceptionId !== null ? [r.exceptionId] : [])));
    const resolutions = new Map<number, string>();
    const matchesOf = exceptionMatcher(candidates);
    for (const r of rows) {
      const matches = matchesOf({ exceptionId: exceptionIdOf(r.raw), transactionId: r.transactionId, mappedJson: mappedJson(r) });
      for (const m of matches) {
        if (current.has(m.id) || resolutions.has(m.id)) continue; // the row's own open exception stays open
        const outcome = r.outcome === 'rejected' ? `rejected again (exception ${r.exceptionId ?? '?'})` : r.outcome;
        resolutions.set(m.id, `resubmitted as row ${r.rowNumber} of import ${importFileId}: ${outcome}`);
      }
    }
    await resolveImportExceptions(
      tx,
      [...resolutions].map(([id, resolution]) => ({ id, status: 'resubmitted' as const, resolution })),
      options.importedBy ?? null,
    );
    resubmitted += resolutions.size;
  };
  const summary = await importPayments(db, { ...options, format: 'generic-csv', afterBatch });
  return { ...summary, resubmitted };
}

/** The `exception_id` column of a resubmitted row (as `exportPaymentExceptions` writes it), if any. */
function exceptionIdOf(raw: Record<string, string>): number | null {
  const key = Object.keys(raw).find((k) => normaliseHeader(k) === 'exception id');
  const id = key === undefined ? NaN : Number((raw[key] ?? '').trim());
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * The open exceptions a resubmitted row answers: the one its exception id names, those with its transaction
 * id, and those whose mapped fields are the same as its own (a field absent or null counts as empty), in
 * the candidates' order. The candidates are indexed once, so a batch is matched in time proportional to
 * its rows and candidates (comparing each row with each candidate took ~7 s for 2,000 of each).
 */
export function exceptionMatcher<C extends { id: number; transaction_id: string | null; mapped: string | null }>(
  candidates: readonly C[],
): (row: { exceptionId: number | null; transactionId: string | null; mappedJson: string }) => C[] {
  const byId = new Map<number, number[]>();
  const byTransactionId = new Map<string, number[]>();
  const byFields = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  candidates.forEach((c, at) => {
    add(byId, c.id, at);
    if (c.transaction_id !== null) add(byTransactionId, c.transaction_id, at);
    const key = c.mapped === null ? null : fieldsKey(c.mapped);
    if (key !== null) add(byFields, key, at);
  });
  return (row) => {
    const at = new Set<number>([
      ...(row.exceptionId === null ? [] : (byId.get(row.exceptionId) ?? [])),
      ...(row.transactionId === null ? [] : (byTransactionId.get(row.transactionId) ?? [])),
      ...(byFields.get(fieldsKey(row.mappedJson) ?? '') ?? []),
    ]);
    return [...at].sort((a, b) => a - b).map((i) => candidates[i]!);
  };
}

/**
 * Mapped fields (a JSON object) as a key equal for two objects exactly when each field is the same value
 * (=== after JSON.parse), a field absent, null or '' counting as empty. Null (never equal to anything)
 * for text that is not a JSON object, or a field that is itself an object or array.
 */
export function fieldsKey(json: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') return null;
    if ((v ?? '') !== '') entries.push([k, v]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
