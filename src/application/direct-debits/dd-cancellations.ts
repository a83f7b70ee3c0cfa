import type { BusinessDate } from '../../domain/calendar/business-date';
import { parseUkOrIsoDate } from '../../domain/calendar/business-date';
import { parseAccountNumber, parseSortCode } from '../../domain/direct-debits/bank-details';
import { ADDACS_CODES } from '../../domain/direct-debits/return-codes';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { ImportRefused, locateColumns, readCsv } from '../imports/csv-file';
import { raiseTasks } from '../tasks/tasks';
import { appendMandateEvents, findMandateByReference, markMandateCancelled } from './mandate-store';

/**
 * An ADDACS-style cancellations file (CSV, header row; column names case- and space-insensitive):
 * `reference` (the mandate reference, e.g. `RW100001-DD01`), `payer_name`, `sort_code`, `account_number`,
 * `reason_code` (ADDACS: 0, 1, 2, 3, B, C, D — every one cancels the instruction), `effective_date`
 * (YYYY-MM-DD or DD/MM/YYYY). Each row is `cancelled`, `unchanged` (already cancelled: a re-import
 * changes nothing), `unknown` (no such mandate reference) or `rejected` (row, field, reason). A row whose
 * sort code or account number does not match the mandate is rejected (field named).
 */
export const DD_CANCELLATION_COLUMNS = {
  reference: ['reference', 'mandate reference', 'payer reference'],
  payer_name: ['payer name', 'payer_name'],
  sort_code: ['sort code', 'sort_code'],
  account_number: ['account number', 'account_number'],
  reason_code: ['reason code', 'reason_code'],
  effective_date: ['effective date', 'effective_date'],
} as const;

export type CancellationOutcome = 'cancelled' | 'unchanged' | 'unknown' | 'rejected';

export interface DdCancellationSummary {
  file: string;
  rows: number;
  cancelled: number;
  unchanged: number;
  unknown: number;
  rejected: number;
  results: { row: number; reference: string; outcome: CancellationOutcome; field?: string; message?: string }[];
}

export async function importDdCancellations(db: Db, options: { path: string; label?: string; today: BusinessDate; importedBy: string }): Promise<DdCancellationSummary> {
  const label = options.label ?? options.path;
  const reading = readCsv(options.path, { label });
  const summary: DdCancellationSummary = { file: label, rows: 0, cancelled: 0, unchanged: 0, unknown: 0, rejected: 0, results: [] };
  let positions: Map<string, number> | null = null;
  for await (const record of reading.records) {
    if (positions === null) {
      positions = locateColumns(record.values, DD_CANCELLATION_COLUMNS, label);
      const missing = Object.keys(DD_CANCELLATION_COLUMNS).filter((k) => !positions!.has(k) && k !== 'payer_name');
      if (missing.length > 0) throw new ImportRefused(`${label}: missing column(s) ${missing.join(', ')}`);
      continue;
    }
    const at = positions;
    const get = (key: string): string => (record.values[at.get(key) ?? -1] ?? '').trim();
    summary.rows += 1;
    const reference = get('reference');
    const result = await cancelRow(db, { reference, sortCode: get('sort_code'), accountNumber: get('account_number'), reasonCode: get('reason_code').toUpperCase(), effective: get('effective_date') }, options);
    summary[result.outcome] += 1;
    summary.results.push({ row: record.rowNumber, reference, ...result });
  }
  if (positions === null) throw new ImportRefused(`${label} is empty`);
  return summary;
}

async function cancelRow(
  db: Db,
  row: { reference: string; sortCode: string; accountNumber: string; reasonCode: string; effective: string },
  options: { today: BusinessDate; importedBy: string },
): Promise<{ outcome: CancellationOutcome; field?: string; message?: string }> {
  if (row.reference === '') return { outcome: 'rejected', field: 'reference', message: 'is required' };
  const words = ADDACS_CODES[row.reasonCode];
  if (!words) return { outcome: 'rejected', field: 'reason_code', message: `"${row.reasonCode}" is not an ADDACS cancellation code (${Object.keys(ADDACS_CODES).join(', ')})` };
  const effective = parseUkOrIsoDate(row.effective);
  if (!effective) return { outcome: 'rejected', field: 'effective_date', message: `"${row.effective}" is not a date` };
  const sort = parseSortCode(row.sortCode);
  if (!sort.ok) return { outcome: 'rejected', field: 'sort_code', message: sort.message };
  const account = parseAccountNumber(row.accountNumber);
  if (!account.ok) return { outcome: 'rejected', field: 'account_number', message: account.message };
  const mandate = await findMandateByReference(db, row.reference);
  if (!mandate) return { outcome: 'unknown', message: 'no mandate with this reference' };
  if (mandate.sort_code !== sort.value) return { outcome: 'rejected', field: 'sort_code', message: 'does not match the mandate' };
  if (mandate.account_number !== account.value) return { outcome: 'rejected', field: 'account_number', message: 'does not match the mandate' };
  if (mandate.status === 'cancelled') return { outcome: 'unchanged', message: 'already cancelled' };
  const reason = `ADDACS ${row.reasonCode}: ${words}`;
  await db.transaction(async (tx) => {
    if (!(await markMandateCancelled(tx, mandate.id, effective, reason))) return;
    await appendMandateEvents(tx, [{ mandateId: mandate.id, eventOn: effective, type: 'cancelled', details: { reason, source: 'addacs' }, idempotencyKey: `dd:cancelled:${mandate.id}`, recordedBy: options.importedBy }]);
    await appendCaseEvents(tx, [
      { tenancyId: mandate.tenancy_id, eventDate: effective, type: 'dd_mandate_cancelled', details: { reference: mandate.reference, reason }, idempotencyKey: `dd_mandate_cancelled:${mandate.id}`, recordedBy: options.importedBy },
    ]);
  });
  await raiseTasks(db, [
    {
      tenancyId: mandate.tenancy_id,
      kind: 'dd_mandate_cancelled',
      title: `Direct debit ${mandate.reference} cancelled (${reason}): agree how the rent will be paid`,
      dueOn: options.today,
      details: { reference: mandate.reference, reasonCode: row.reasonCode, effectiveOn: effective },
      idempotencyKey: `dd:addacs:${mandate.id}`,
      createdBy: options.importedBy,
    },
  ]);
  return { outcome: 'cancelled' };
}
