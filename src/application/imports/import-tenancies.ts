import { createHash } from 'node:crypto';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays } from '../../domain/calendar/business-date';
import { text } from '../../domain/imports/field-values';
import type { TenancyFields, TenancyRowValue } from '../../domain/imports/parse-tenancy-row';
import { parseTenancyRow, REQUIRED_TENANCY_FIELDS, TENANCY_FIELDS } from '../../domain/imports/parse-tenancy-row';
import type { RentChargePlan } from '../../domain/imports/plan-rent-charge';
import { planRentCharge } from '../../domain/imports/plan-rent-charge';
import type { Db } from '../../persistence/database';
import type { NewImportException, TenancyForImport } from '../../persistence/stores/import-store';
import {
  completeImportFile,
  createImportFile,
  insertImportExceptions,
  insertNewTenancies,
  insertRentScheduleEntries,
  loadTenanciesForImport,
  lockTenancyImports,
  paymentReferenceHolders,
} from '../../persistence/stores/import-store';
import type { NewLedgerTransaction } from '../../persistence/stores/ledger-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import type { LandlordType, RentFrequency, TenancyDetails, TenantDetails, Tenure } from '../../persistence/stores/tenancy-store';
import { updateTenanciesDetails } from '../../persistence/stores/tenancy-store';
import { reassessTenancies } from '../assessment/reassess';
import type { CsvRecord } from './csv-file';
import { extraValues, forEachDataBatch, ImportRefused, locateColumns, rawRecord, scanCsvFile } from './csv-file';
import type { RowError } from './import-payments';

export const DEFAULT_TENANCY_BATCH_ROWS = 500;

/** The opening balance's idempotency key: it is posted once per tenancy ref, ever. */
export function openingBalanceKey(ref: string): string {
  return `ob:${ref}`;
}

export type TenancyRowOutcome = 'imported' | 'updated' | 'unchanged' | 'rejected';

/** The contract's summary (`--json`). */
export interface TenancyImportSummary {
  file: string;
  sha256: string;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
}

export interface ImportTenanciesOptions {
  path: string;
  label?: string;
  /** Today (Europe/London): the charge in force is today's, and accounts are re-assessed as of today. */
  today: BusinessDate;
  batchRows?: number;
  importedBy?: string | null;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

interface RowState {
  record: CsvRecord;
  raw: Record<string, string>;
  outcome: TenancyRowOutcome | null;
  error: { field: string; message: string } | null;
  value: TenancyRowValue | null;
  tenancyId: number | null;
}

function sameTenants(a: readonly TenantDetails[], b: TenancyForImport['tenants']): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => {
      const s = b[i]!;
      return t.name === s.name && (t.phone ?? null) === s.phone && (t.email ?? null) === s.email && (t.hasForwardingAddress ?? false) === s.has_forwarding_address && (t.forwardingAddress ?? null) === s.forwarding_address;
    })
  );
}

/**
 * The details a row gives an existing tenancy. An optional column left blank (or absent) keeps what is
 * stored: blank means "not given", never "clear it". Tenants are matched by name, so each keeps the
 * contact and forwarding details the system holds; the file's phone and email are the first tenant's.
 */
export function mergedDetails(row: TenancyRowValue, existing: TenancyForImport | null): TenancyDetails {
  const tenants: TenantDetails[] = row.tenantNames.map((name, i) => {
    const known = existing?.tenants.find((t) => t.name === name);
    return {
      name,
      phone: (i === 0 ? row.phone : null) ?? known?.phone ?? null,
      email: (i === 0 ? row.email : null) ?? known?.email ?? null,
      hasForwardingAddress: known?.has_forwarding_address ?? false,
      forwardingAddress: known?.forwarding_address ?? null,
    };
  });
  return {
    ref: row.ref,
    paymentReference: row.paymentReference,
    tenure: row.tenure,
    landlordType: row.landlordType ?? ((existing?.landlord_type as LandlordType | undefined) ?? 'local_authority'),
    startDate: row.startDate,
    endDate: row.endDate ?? existing?.end_date ?? null,
    endReason: existing?.end_reason ?? null,
    rentFrequency: row.rentFrequency ?? ((existing?.rent_frequency as RentFrequency | undefined) ?? 'weekly'),
    address: row.address,
    postcode: row.postcode ?? existing?.postcode ?? null,
    patchName: row.patch ?? existing?.patch_name ?? null,
    tenants,
  };
}

function detailsDiffer(d: TenancyDetails, e: TenancyForImport): boolean {
  return (
    d.paymentReference !== e.payment_reference ||
    d.tenure !== (e.tenure as Tenure) ||
    d.landlordType !== e.landlord_type ||
    d.startDate !== e.start_date ||
    d.endDate !== e.end_date ||
    d.rentFrequency !== e.rent_frequency ||
    d.address !== e.address ||
    d.postcode !== e.postcode ||
    d.patchName !== e.patch_name ||
    !sameTenants(d.tenants, e.tenants)
  );
}

/**
 * Imports a tenancy file (contracts/cli-and-files.md, "Tenancy files"): creates new tenancies, updates
 * the details of existing ones (never their ledger), adds a charge-schedule entry when the weekly rent
 * changes, and posts the opening balance of each tenancy it creates (an `adjustment` dated the day before
 * `rent_from`, or `start_date`, with idempotency key `ob:<ref>`; never for an existing tenancy). Rows are written in batches, one transaction each.
 * A `ref` repeated in the file, or a `payment_reference` given to two refs in the file or held by another
 * tenancy, is rejected on the later row. Rejected rows are kept as open exceptions.
 */
export async function importTenancies(db: Db, options: ImportTenanciesOptions): Promise<TenancyImportSummary> {
  const label = options.label ?? options.path;
  const scan = await scanCsvFile(options.path, label);
  const header = scan.header;
  const positions = locateColumns(header, Object.fromEntries(TENANCY_FIELDS.map((f) => [f, [f]])), label);
  const missing = REQUIRED_TENANCY_FIELDS.filter((f) => !positions.has(f));
  if (missing.length > 0) {
    throw new ImportRefused(`${label}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header has: ${header.join(', ') || 'nothing'})`);
  }

  const importFileId = await createImportFile(db, { kind: 'tenancies', fileName: label, sha256: scan.sha256, format: 'tenancy-csv', importedBy: options.importedBy ?? null });
  const summary: TenancyImportSummary = { file: label, sha256: scan.sha256, rows: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] };
  const affected = new Set<number>();
  const refsSeen = new Map<string, number>();
  const paymentReferencesSeen = new Map<string, { ref: string; row: number }>();
  const occurrences = new Map<string, number>();

  const prepare = (record: CsvRecord): RowState => {
    const raw = rawRecord(header, record.values);
    const state: RowState = { record, raw, outcome: null, error: null, value: null, tenancyId: null };
    const reject = (field: string, message: string): RowState => ({ ...state, outcome: 'rejected', error: { field, message } });
    const fields: TenancyFields = {};
    for (const f of TENANCY_FIELDS) {
      const at = positions.get(f);
      if (at !== undefined) fields[f] = record.values[at] ?? '';
    }
    const ref = text(fields.ref);
    if (ref !== null) {
      const first = refsSeen.get(ref);
      if (first !== undefined) return reject('ref', `${ref} is already on row ${first} of this file`);
      refsSeen.set(ref, record.rowNumber);
    }
    if (extraValues(header, record.values) > 0) return reject('row', `has ${record.values.length} values but the header has ${header.length} columns`);
    const parsed = parseTenancyRow(fields);
    if (!parsed.ok) return reject(parsed.field, parsed.message);
    const holder = paymentReferencesSeen.get(parsed.value.paymentReference);
    if (holder && holder.ref !== parsed.value.ref) {
      return reject('payment_reference', `${parsed.value.paymentReference} is already given to ${holder.ref} on row ${holder.row} of this file`);
    }
    paymentReferencesSeen.set(parsed.value.paymentReference, { ref: parsed.value.ref, row: record.rowNumber });
    return { ...state, value: parsed.value };
  };

  const processBatch = async (records: readonly CsvRecord[]): Promise<void> => {
    const rows = records.map(prepare);
    const valid = rows.filter((r) => r.value !== null);
    await db.transaction(async (tx) => {
      await lockTenancyImports(tx);
      const existing = await loadTenanciesForImport(tx, valid.map((r) => r.value!.ref));
      const holders = await paymentReferenceHolders(tx, valid.map((r) => r.value!.paymentReference));
      const creations: { state: RowState; details: TenancyDetails }[] = [];
      const updates: { tenancyId: number; details: TenancyDetails }[] = [];
      const charges: { state: RowState; effectiveFrom: BusinessDate; weeklyPence: number }[] = [];
      const openingBalances: { state: RowState; row: TenancyRowValue }[] = [];
      for (const r of valid) {
        const row = r.value!;
        const holder = holders.get(row.paymentReference);
        if (holder !== undefined && holder !== row.ref) {
          r.outcome = 'rejected';
          r.error = { field: 'payment_reference', message: `${row.paymentReference} is already held by tenancy ${holder}` };
          continue;
        }
        const stored = existing.get(row.ref) ?? null;
        const plan: RentChargePlan = planRentCharge(
          stored ? stored.rentSchedule.map((e) => ({ effectiveFrom: e.effective_from, weeklyPence: e.weekly_pence })) : [],
          row,
          options.today,
        );
        if (plan.kind === 'reject') {
          r.outcome = 'rejected';
          r.error = { field: plan.field, message: plan.message };
          continue;
        }
        const details = mergedDetails(row, stored);
        let changed = false;
        if (stored) {
          r.tenancyId = stored.id;
          if (detailsDiffer(details, stored)) {
            updates.push({ tenancyId: stored.id, details });
            changed = true;
          }
        } else {
          creations.push({ state: r, details });
        }
        if (plan.kind === 'add') {
          charges.push({ state: r, effectiveFrom: plan.effectiveFrom, weeklyPence: plan.weeklyPence });
          changed = true;
        }
        // Only for a tenancy this row creates: a row for an existing tenancy updates its details, never
        // its ledger (contracts/cli-and-files.md), even one that has no opening balance yet.
        if (!stored && row.openingBalancePence !== null && row.openingBalancePence !== 0) {
          openingBalances.push({ state: r, row });
          changed = true;
        }
        r.outcome = stored ? (changed ? 'updated' : 'unchanged') : 'imported';
      }

      // Changed tenancies and new ones in bulk (a handful of statements for the batch each), then the charges and balances.
      await updateTenanciesDetails(tx, updates);
      const created = await insertNewTenancies(
        tx,
        creations.map(({ details }) => ({
          ref: details.ref,
          paymentReference: details.paymentReference,
          tenure: details.tenure,
          landlordType: details.landlordType,
          startDate: details.startDate,
          endDate: details.endDate,
          rentFrequency: details.rentFrequency,
          address: details.address ?? '',
          postcode: details.postcode,
          patchName: details.patchName,
          tenants: details.tenants.map((t) => ({ name: t.name, phone: t.phone ?? null, email: t.email ?? null })),
        })),
      );
      for (const { state } of creations) state.tenancyId = created.get(state.value!.ref)!;
      await insertRentScheduleEntries(
        tx,
        charges.map((c) => ({ tenancyId: c.state.tenancyId!, effectiveFrom: c.effectiveFrom, weeklyPence: c.weeklyPence, reason: 'tenancy import' })),
      );
      await appendLedgerTransactions(
        tx,
        openingBalances.map(
          ({ state, row }): NewLedgerTransaction => ({
            tenancyId: state.tenancyId!,
            businessDate: addDays(row.rentFrom ?? row.startDate, -1),
            kind: 'adjustment',
            amountPence: row.openingBalancePence!,
            note: 'opening balance carried over from the previous system',
            idempotencyKey: openingBalanceKey(row.ref),
            source: 'tenancy_import',
            importFileId,
            recordedBy: options.importedBy ?? null,
          }),
        ),
      );

      const exceptions: NewImportException[] = rows.flatMap((r) => {
        if (r.outcome !== 'rejected' || !r.error) return [];
        const digest = createHash('sha256').update(`tenancies\u001e${r.record.values.join('\u001f')}`).digest('hex');
        const n = occurrences.get(digest) ?? 0;
        occurrences.set(digest, n + 1);
        return [{ rowNumber: r.record.rowNumber, field: r.error.field, message: r.error.message, raw: r.raw, mapped: null, fingerprint: `${digest}#${n}` }];
      });
      await insertImportExceptions(tx, importFileId, exceptions);
    });

    for (const r of rows) {
      const outcome = r.outcome ?? 'rejected';
      summary.rows += 1;
      summary[outcome] += 1;
      if (r.error) summary.errors.push({ row: r.record.rowNumber, field: r.error.field, message: r.error.message });
      if (outcome === 'updated' && r.tenancyId !== null) affected.add(r.tenancyId);
    }
  };

  await forEachDataBatch(options.path, { label, scan, batchRows: options.batchRows ?? DEFAULT_TENANCY_BATCH_ROWS, onProgress: options.onProgress }, processBatch);

  await completeImportFile(db, importFileId, { rows: summary.rows, imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected });
  // Updated accounts are re-assessed at once; new ones are first assessed by the daily run, which posts
  // their charges (an assessment now would see an account with no rent charged yet).
  await reassessTenancies(db, [...affected], options.today, 'import');
  return summary;
}
