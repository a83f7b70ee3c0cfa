import type { BusinessDate } from '../../domain/calendar/business-date';
import type { ReturnToMatch, UnreversedDirectDebit } from '../../domain/imports/match-returns';
import type { Db } from '../database';
import { csvLine } from '../database';
import { insertProperties, insertTenants, patchIdsByName, type TenancyRow } from './tenancy-store';

/**
 * Import files and what became of their rows: payment_file_rows (one outcome per data row), suspense
 * items (valid payments for no known account) and import exceptions (rejected rows, kept until
 * corrected). Every write here takes arrays: a batch of rows is a handful of statements.
 */

export type ImportKind = 'payments' | 'tenancies' | 'case';
export type PaymentRowOutcome = 'posted' | 'suspense' | 'rejected' | 'duplicate';

/**
 * Serialises payment imports' batches and suspense allocations (PostgreSQL: across processes) for the
 * transaction: each batch of an import posted one batch after another, and each allocation, takes it alone.
 */
export async function lockPaymentImports(db: Db): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(724012)');
}

/**
 * The same lock, shared: each batch of an import whose batches are posted side by side takes it so. They
 * keep out a suspense allocation and the batches of imports posted one batch after another; the import
 * holds `tryLockPaymentImportFiles`, which keeps out another posted side by side.
 */
export async function sharePaymentImportLock(db: Db): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock_shared(724012)');
}

/**
 * Held for the transaction, while it posts, by the one import whose batches are posted side by side; false
 * (at once, without waiting) when another holds it. The transaction does nothing else until the file is
 * posted, so it turns off any idle-in-transaction timeout the server sets: ended by it, the connection would
 * take the lock with it and fail the import after its rows were posted.
 */
export async function tryLockPaymentImportFiles(db: Db): Promise<boolean> {
  const [row] = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(724016) AS locked');
  if (row?.locked !== true) return false;
  await db.query('SET LOCAL idle_in_transaction_session_timeout = 0');
  return true;
}

/** Serialises tenancy imports for the transaction (two at once would race for the same refs). */
export async function lockTenancyImports(db: Db): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(724013)');
}

export async function createImportFile(db: Db, file: { kind: ImportKind; fileName: string; sha256: string; format: string; importedBy?: string | null }): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO import_files (kind, file_name, sha256, format, imported_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [file.kind, file.fileName, file.sha256, file.format, file.importedBy ?? null],
  );
  return row!.id;
}

export async function completeImportFile(db: Db, id: number, summary: Record<string, unknown>): Promise<void> {
  await db.query(`UPDATE import_files SET summary = $2::jsonb, completed_at = now() WHERE id = $1`, [id, JSON.stringify(summary)]);
}

/** Which of these provider transaction ids were already accepted (posted or held in suspense) by any import. */
export async function acceptedProviderTransactionIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ provider_transaction_id: string }>(
    `SELECT provider_transaction_id FROM payment_file_rows WHERE provider_transaction_id = ANY($1::text[]) AND outcome IN ('posted', 'suspense')`,
    [[...new Set(ids)]],
  );
  return new Set(rows.map((r) => r.provider_transaction_id));
}

export interface NewPaymentFileRow {
  rowNumber: number;
  outcome: PaymentRowOutcome;
  providerTransactionId: string | null;
  reference: string | null;
  businessDate: BusinessDate | null;
  /** As written in the file: payments positive, returns negative. */
  amountPence: number | null;
  method: string | null;
  ledgerTransactionId: number | null;
  raw: Record<string, string>;
}

/**
 * Inserts the rows' outcomes (COPY: the fastest way in on both databases); returns row number →
 * payment_file_rows id for the rows named in `idsFor` (the suspense rows, which link to theirs).
 */
export async function insertPaymentFileRows(db: Db, importFileId: number, rows: readonly NewPaymentFileRow[], idsFor: readonly number[] = []): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map();
  await db.copyCsv(
    'payment_file_rows',
    ['import_file_id', 'row_number', 'outcome', 'provider_transaction_id', 'reference', 'business_date', 'amount_pence', 'method', 'ledger_transaction_id', 'raw'],
    [
      rows
        .map((r) => csvLine([importFileId, r.rowNumber, r.outcome, r.providerTransactionId, r.reference, r.businessDate, r.amountPence, r.method, r.ledgerTransactionId, JSON.stringify(r.raw)]))
        .join(''),
    ],
  );
  if (idsFor.length === 0) return new Map();
  const found = await db.query<{ id: number; row_number: number }>(`SELECT id, row_number FROM payment_file_rows WHERE import_file_id = $1 AND row_number = ANY($2::int[])`, [
    importFileId,
    idsFor,
  ]);
  return new Map(found.map((r) => [r.row_number, r.id]));
}

export interface NewSuspenseItem {
  paymentFileRowId: number | null;
  providerTransactionId: string;
  businessDate: BusinessDate;
  reference: string | null;
  /** As written in the file: payments positive, returns negative. */
  amountPence: number;
  method: string | null;
  description: string | null;
}

export async function insertSuspenseItems(db: Db, items: readonly NewSuspenseItem[]): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO suspense_items (payment_file_row_id, provider_transaction_id, business_date, reference, amount_pence, method, description)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::date[], $4::text[], $5::bigint[], $6::text[], $7::text[])`,
    [
      items.map((i) => i.paymentFileRowId),
      items.map((i) => i.providerTransactionId),
      items.map((i) => i.businessDate),
      items.map((i) => i.reference),
      items.map((i) => String(i.amountPence)),
      items.map((i) => i.method),
      items.map((i) => i.description),
    ],
  );
}

export interface SuspenseItemRow {
  id: number;
  provider_transaction_id: string;
  business_date: BusinessDate;
  reference: string | null;
  amount_pence: number;
  method: string | null;
  description: string | null;
  status: 'open' | 'allocated';
  allocated_tenancy_ref: string | null;
  allocated_transaction_id: number | null;
  allocated_at: Date | null;
  import_file_id: number | null;
  row_number: number | null;
}

const SELECT_SUSPENSE = `
  SELECT s.id, s.provider_transaction_id, s.business_date, s.reference, s.amount_pence, s.method, s.description, s.status,
         t.ref AS allocated_tenancy_ref, s.allocated_transaction_id, s.allocated_at, r.import_file_id, r.row_number
  FROM suspense_items s
  LEFT JOIN tenancies t ON t.id = s.allocated_tenancy_id
  LEFT JOIN payment_file_rows r ON r.id = s.payment_file_row_id`;

export async function listSuspenseItems(db: Db, options: { includeAllocated?: boolean } = {}): Promise<SuspenseItemRow[]> {
  return db.query<SuspenseItemRow>(`${SELECT_SUSPENSE} WHERE ($1 OR s.status = 'open') ORDER BY s.id`, [options.includeAllocated === true]);
}

/** One suspense item, locked for the rest of the transaction. */
export async function lockSuspenseItem(db: Db, id: number): Promise<SuspenseItemRow | null> {
  await db.query(`SELECT id FROM suspense_items WHERE id = $1 FOR UPDATE`, [id]);
  const rows = await db.query<SuspenseItemRow>(`${SELECT_SUSPENSE} WHERE s.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function markSuspenseItemAllocated(db: Db, id: number, allocation: { tenancyId: number; ledgerTransactionId: number; allocatedBy: string | null }): Promise<void> {
  await db.query(
    `UPDATE suspense_items SET status = 'allocated', allocated_tenancy_id = $2, allocated_transaction_id = $3, allocated_by = $4, allocated_at = now()
     WHERE id = $1 AND status = 'open'`,
    [id, allocation.tenancyId, allocation.ledgerTransactionId, allocation.allocatedBy],
  );
}

export interface NewImportException {
  rowNumber: number;
  field: string;
  message: string;
  raw: Record<string, string>;
  /** The row as generic payment fields (payment files only). */
  mapped: Record<string, string | undefined> | null;
  /** Identifies the row's content: an open exception with the same fingerprint is not added twice. */
  fingerprint: string;
}

/**
 * Records rejected rows as open exceptions, unless an open exception with the same fingerprint exists
 * (the same bad row imported again). Returns, for each row, the id of its open exception.
 */
export async function insertImportExceptions(db: Db, importFileId: number, items: readonly NewImportException[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (items.length === 0) return ids;
  const existing = await db.query<{ id: number; fingerprint: string }>(
    `SELECT id, fingerprint FROM import_exceptions WHERE status = 'open' AND fingerprint = ANY($1::text[]) ORDER BY id`,
    [items.map((i) => i.fingerprint)],
  );
  const byFingerprint = new Map<string, number>();
  for (const e of existing) if (!byFingerprint.has(e.fingerprint)) byFingerprint.set(e.fingerprint, e.id);
  const fresh = items.filter((i) => !byFingerprint.has(i.fingerprint));
  for (const i of items) {
    const id = byFingerprint.get(i.fingerprint);
    if (id !== undefined) ids.set(i.rowNumber, id);
  }
  if (fresh.length === 0) return ids;
  const inserted = await db.query<{ id: number; row_number: number }>(
    `INSERT INTO import_exceptions (import_file_id, row_number, field, message, raw, mapped, fingerprint)
     SELECT $1, u.row_number, u.field, u.message, u.raw::jsonb, u.mapped::jsonb, u.fingerprint
     FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(row_number, field, message, raw, mapped, fingerprint)
     RETURNING id, row_number`,
    [
      importFileId,
      fresh.map((i) => i.rowNumber),
      fresh.map((i) => i.field),
      fresh.map((i) => i.message),
      fresh.map((i) => JSON.stringify(i.raw)),
      fresh.map((i) => (i.mapped === null ? null : JSON.stringify(i.mapped))),
      fresh.map((i) => i.fingerprint),
    ],
  );
  for (const r of inserted) ids.set(r.row_number, r.id);
  return ids;
}

export interface ImportExceptionRow {
  id: number;
  import_file_id: number;
  file_name: string;
  kind: ImportKind;
  format: string;
  row_number: number;
  field: string;
  message: string;
  raw: Record<string, string>;
  mapped: Record<string, string> | null;
  status: 'open' | 'resubmitted' | 'dismissed';
  resolution: string | null;
}

export async function listImportExceptions(
  db: Db,
  options: { status?: 'open' | 'resubmitted' | 'dismissed' | null; importFileId?: number | null; kind?: ImportKind | null } = {},
): Promise<ImportExceptionRow[]> {
  return db.query<ImportExceptionRow>(
    `SELECT e.id, e.import_file_id, f.file_name, f.kind, f.format, e.row_number, e.field, e.message, e.raw, e.mapped, e.status, e.resolution
     FROM import_exceptions e JOIN import_files f ON f.id = e.import_file_id
     WHERE ($1::text IS NULL OR e.status = $1) AND ($2::bigint IS NULL OR e.import_file_id = $2) AND ($3::text IS NULL OR f.kind = $3)
     ORDER BY e.import_file_id, e.row_number, e.id`,
    [options.status === undefined ? 'open' : options.status, options.importFileId ?? null, options.kind ?? null],
  );
}

/**
 * The open payment exceptions a resubmitted row answers: named by id, or with the same transaction id,
 * or mapped to exactly the same generic fields.
 */
export async function findOpenPaymentExceptions(
  db: Db,
  match: { ids: readonly number[]; transactionIds: readonly string[]; mapped: readonly string[] },
): Promise<{ id: number; transaction_id: string | null; mapped: string | null }[]> {
  return db.query(
    `SELECT e.id, e.mapped->>'transaction_id' AS transaction_id, e.mapped::text AS mapped
     FROM import_exceptions e JOIN import_files f ON f.id = e.import_file_id
     WHERE e.status = 'open' AND f.kind = 'payments'
       AND (e.id = ANY($1::bigint[]) OR e.mapped->>'transaction_id' = ANY($2::text[]) OR e.mapped = ANY($3::jsonb[]))`,
    [match.ids, match.transactionIds, match.mapped],
  );
}

export async function resolveImportExceptions(db: Db, resolutions: readonly { id: number; status: 'resubmitted' | 'dismissed'; resolution: string }[], resolvedBy: string | null): Promise<void> {
  if (resolutions.length === 0) return;
  await db.query(
    `UPDATE import_exceptions e SET status = u.status, resolution = u.resolution, resolved_at = now(), resolved_by = $4
     FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, status, resolution)
     WHERE e.id = u.id AND e.status = 'open'`,
    [resolutions.map((r) => r.id), resolutions.map((r) => r.status), resolutions.map((r) => r.resolution), resolvedBy],
  );
}

/**
 * The direct-debit payments not yet reversed that the given Bacs returns could reverse (matchReturnsToDirectDebits
 * chooses): each return's account's `direct_debit` payments of its amount (ledger sign: negative) dated within
 * `windowDays` of its original processing date. One query for a batch of returns.
 */
export async function unreversedDirectDebitsNear(db: Db, returns: readonly ReturnToMatch[], windowDays: number): Promise<UnreversedDirectDebit[]> {
  if (returns.length === 0) return [];
  const rows = await db.query<{ id: number; tenancy_id: number; amount_pence: number; business_date: BusinessDate }>(UNREVERSED_DIRECT_DEBITS_NEAR_SQL, [
    returns.map((r) => r.tenancyId),
    returns.map((r) => r.ledgerAmountPence),
    returns.map((r) => r.originalDate),
    windowDays,
  ]);
  return rows.map((r) => ({ id: r.id, tenancyId: r.tenancy_id, amountPence: r.amount_pence, businessDate: r.business_date }));
}

/** $1 tenancy ids, $2 amounts (ledger sign), $3 original processing dates, one of each per return; $4 the window in days. */
export const UNREVERSED_DIRECT_DEBITS_NEAR_SQL = `SELECT DISTINCT l.id, l.tenancy_id, l.amount_pence, l.business_date
     FROM (SELECT DISTINCT * FROM unnest($1::int[], $2::bigint[], $3::date[]) AS q (tenancy_id, amount_pence, original_date)) q
     JOIN ledger_transactions l ON l.tenancy_id = q.tenancy_id AND l.amount_pence = q.amount_pence
       AND l.business_date BETWEEN q.original_date - $4::int AND q.original_date + $4::int
     WHERE l.kind = 'payment' AND l.method = 'direct_debit'
       AND NOT EXISTS (SELECT 1 FROM ledger_transactions r WHERE r.reverses_id = l.id)
     ORDER BY l.id`;

/** A tenancy as a tenancy file describes it, for comparing a row with what is stored. */
export interface TenancyForImport extends Omit<TenancyRow, 'patch_id'> {
  tenants: { name: string; phone: string | null; email: string | null; has_forwarding_address: boolean; forwarding_address: string | null }[];
  /** The rent sub-account's charge schedule, oldest first. */
  rentSchedule: { effective_from: BusinessDate; weekly_pence: number }[];
}

/** The tenancies with these refs, with their tenants and rent schedule: three queries. */
export async function loadTenanciesForImport(db: Db, refs: readonly string[]): Promise<Map<string, TenancyForImport>> {
  const result = new Map<string, TenancyForImport>();
  if (refs.length === 0) return result;
  const tenancies = await db.query<Omit<TenancyForImport, 'tenants' | 'rentSchedule'>>(
    `SELECT t.id, t.ref, t.payment_reference, t.tenure, t.landlord_type, t.start_date, t.end_date, t.end_reason, t.rent_frequency,
            pr.address, pr.postcode, pa.name AS patch_name
     FROM tenancies t LEFT JOIN properties pr ON pr.id = t.property_id LEFT JOIN patches pa ON pa.id = t.patch_id
     WHERE t.ref = ANY($1::text[])`,
    [[...new Set(refs)]],
  );
  if (tenancies.length === 0) return result;
  const ids = tenancies.map((t) => t.id);
  const byId = new Map<number, TenancyForImport>();
  for (const t of tenancies) {
    const full: TenancyForImport = { ...t, tenants: [], rentSchedule: [] };
    byId.set(t.id, full);
    result.set(t.ref, full);
  }
  const [tenants, schedules] = await Promise.all([
    db.query<{ tenancy_id: number; name: string; phone: string | null; email: string | null; has_forwarding_address: boolean; forwarding_address: string | null }>(
      `SELECT tenancy_id, name, phone, email, has_forwarding_address, forwarding_address FROM tenants WHERE tenancy_id = ANY($1::int[]) ORDER BY tenancy_id, position`,
      [ids],
    ),
    db.query<{ tenancy_id: number; effective_from: BusinessDate; weekly_pence: number }>(
      `SELECT tenancy_id, effective_from, weekly_pence FROM charge_schedules WHERE tenancy_id = ANY($1::int[]) AND sub_account = 'rent' ORDER BY tenancy_id, effective_from, id`,
      [ids],
    ),
  ]);
  for (const r of tenants) {
    const { tenancy_id, ...tenant } = r;
    byId.get(tenancy_id)?.tenants.push(tenant);
  }
  for (const r of schedules) byId.get(r.tenancy_id)?.rentSchedule.push({ effective_from: r.effective_from, weekly_pence: r.weekly_pence });
  return result;
}

/** Payment reference → the ref of the tenancy holding it, for these references. */
export async function paymentReferenceHolders(db: Db, paymentReferences: readonly string[]): Promise<Map<string, string>> {
  if (paymentReferences.length === 0) return new Map();
  const rows = await db.query<{ ref: string; payment_reference: string }>(`SELECT ref, payment_reference FROM tenancies WHERE payment_reference = ANY($1::text[])`, [
    [...new Set(paymentReferences)],
  ]);
  return new Map(rows.map((r) => [r.payment_reference, r.ref]));
}

/** What `insertNewTenancies` creates: a tenancy with its property, patch (created when new) and tenants. */
export interface NewTenancyForImport {
  ref: string;
  paymentReference: string;
  tenure: string;
  landlordType: string;
  startDate: BusinessDate;
  endDate: BusinessDate | null;
  rentFrequency: string;
  address: string;
  postcode: string | null;
  patchName: string | null;
  tenants: { name: string; phone: string | null; email: string | null }[];
}

/**
 * Creates many new tenancies in a handful of statements (what `createTenancy` does one by one):
 * patches, then properties (their ids drawn from the sequence first, so each tenancy is given its own),
 * tenancies, tenants. Returns ref → tenancy id.
 */
export async function insertNewTenancies(db: Db, tenancies: readonly NewTenancyForImport[]): Promise<Map<string, number>> {
  if (tenancies.length === 0) return new Map();
  const patchIds = await patchIdsByName(db, tenancies.flatMap((t) => (t.patchName ? [t.patchName] : [])));
  const patchOf = (t: NewTenancyForImport) => (t.patchName ? (patchIds.get(t.patchName) ?? null) : null);
  const propertyIds = await insertProperties(db, tenancies.map((t) => ({ address: t.address, postcode: t.postcode, patchId: patchOf(t) })));
  const inserted = await db.query<{ id: number; ref: string }>(
    `INSERT INTO tenancies (ref, payment_reference, property_id, patch_id, tenure, landlord_type, start_date, end_date, rent_frequency)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[])
     RETURNING id, ref`,
    [
      tenancies.map((t) => t.ref),
      tenancies.map((t) => t.paymentReference),
      propertyIds,
      tenancies.map(patchOf),
      tenancies.map((t) => t.tenure),
      tenancies.map((t) => t.landlordType),
      tenancies.map((t) => t.startDate),
      tenancies.map((t) => t.endDate),
      tenancies.map((t) => t.rentFrequency),
    ],
  );
  const ids = new Map(inserted.map((r) => [r.ref, r.id]));
  await insertTenants(db, tenancies.map((t) => ({ tenancyId: ids.get(t.ref)!, tenants: t.tenants })));
  return ids;
}

/** Adds rent charge-schedule entries (an entry for the same tenancy and date is left as it is). */
export async function insertRentScheduleEntries(db: Db, entries: readonly { tenancyId: number; effectiveFrom: BusinessDate; weeklyPence: number; reason: string }[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO charge_schedules (tenancy_id, sub_account, effective_from, weekly_pence, reason)
     SELECT u.tenancy_id, 'rent', u.effective_from, u.weekly_pence, u.reason FROM unnest($1::int[], $2::date[], $3::bigint[], $4::text[]) AS u(tenancy_id, effective_from, weekly_pence, reason)
     ON CONFLICT (tenancy_id, sub_account, effective_from) DO NOTHING`,
    [entries.map((e) => e.tenancyId), entries.map((e) => e.effectiveFrom), entries.map((e) => String(e.weeklyPence)), entries.map((e) => e.reason)],
  );
}
