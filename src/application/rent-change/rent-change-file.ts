import { parsePoundsToPence } from '../../domain/money/pence';
import type { SubAccount } from '../../domain/rent/charges-due';
import { ImportRefused, locateColumns, readCsv } from '../imports/csv-file';
import type { RentChangeRequest } from './rent-change';
import { RentChangeRefused } from './rent-change';

/**
 * The file form of a rent change (CSV, header row): `tenancy_ref`, and the new weekly amount in pounds
 * for one or both of `rent` and `service_charge` (an empty cell leaves that sub-account as it is). Every
 * bad row is named (row, field, reason) and nothing is applied while any row is bad.
 */
export async function readRentChangeFile(path: string): Promise<Extract<RentChangeRequest, { kind: 'amounts' }>> {
  const reading = readCsv(path);
  let positions: Map<string, number> | null = null;
  const rows: Extract<RentChangeRequest, { kind: 'amounts' }>['rows'] = [];
  const errors: RentChangeRefused['errors'] = [];
  const seen = new Map<string, number>();
  try {
    for await (const record of reading.records) {
      if (positions === null) {
        positions = locateColumns(record.values, { tenancy_ref: ['tenancy ref', 'ref', 'tenancy'], rent: ['rent', 'weekly rent'], service_charge: ['service charge', 'weekly service charge'] }, path);
        if (!positions.has('tenancy_ref')) throw new RentChangeRefused(`${path}: missing column tenancy_ref`);
        if (!positions.has('rent') && !positions.has('service_charge')) throw new RentChangeRefused(`${path}: needs a rent or service_charge column`);
        continue;
      }
      const at = positions;
      const get = (key: string): string => (record.values[at.get(key) ?? -1] ?? '').trim();
      const ref = get('tenancy_ref');
      if (ref === '') {
        errors.push({ row: record.rowNumber, field: 'tenancy_ref', message: 'is required' });
        continue;
      }
      const previous = seen.get(ref.toUpperCase());
      if (previous !== undefined) {
        errors.push({ row: record.rowNumber, field: 'tenancy_ref', message: `${ref} is already on row ${previous}` });
        continue;
      }
      seen.set(ref.toUpperCase(), record.rowNumber);
      let any = false;
      for (const sub of ['rent', 'service_charge'] as SubAccount[]) {
        const text = get(sub);
        if (text === '') continue;
        any = true;
        const pence = parsePoundsToPence(text);
        if (pence === null || pence < 0) errors.push({ row: record.rowNumber, field: sub, message: `"${text}" is not an amount in pounds of 0 or more` });
        else rows.push({ row: record.rowNumber, ref, subAccount: sub, newWeeklyPence: pence });
      }
      if (!any) errors.push({ row: record.rowNumber, field: 'rent', message: 'give a new weekly rent or service charge' });
    }
  } catch (error) {
    if (error instanceof ImportRefused) throw new RentChangeRefused(error.message);
    throw error;
  }
  if (positions === null) throw new RentChangeRefused(`${path} is empty`);
  if (errors.length > 0) throw new RentChangeRefused(`${errors.length} row(s) refused: nothing applied`, errors);
  return { kind: 'amounts', rows };
}
