import { createHash } from 'node:crypto';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import type { PaymentField, PaymentFields } from '../../../domain/imports/parse-payment-row';

/**
 * A payment file format is a profile: data saying which columns it has (the header names each is
 * known by), which of them a file must have, and how one row maps onto the generic payment fields
 * (`date`, `reference`, `amount`, `method`, `transaction_id`, `description`) that every row is then
 * validated and posted as. Adding a format is adding one of these; the import itself does not change.
 */
export interface PaymentFormat {
  name: string;
  summary: string;
  /** The columns the format knows: a key → the header names it accepts (compared ignoring case, spaces, `_`, `-`). */
  columns: Readonly<Record<string, { headers: readonly string[]; required?: boolean }>>;
  /** Groups of columns of which a file must have at least one (e.g. `Amount`, or `Paid in` / `Paid out`). */
  requireOneOf?: readonly (readonly string[])[];
  /**
   * The column a problem with a generic field is reported against: the first of these keys the file
   * has (a format's fields are the file's columns, so an officer sees the name they see in the file).
   */
  fieldColumns: Readonly<Record<PaymentField, readonly string[]>>;
  /** Maps one row onto the generic fields. */
  map(row: SourceRow, context: MapContext): MappedRow;
}

export interface SourceRow {
  /** The value of one of the format's columns in this row (trimmed); undefined when the file has no such column. */
  get(key: string): string | undefined;
}

export interface MapContext {
  /** How many earlier rows of this file had the same `contentKey` (0 for the first): makes content-derived ids unique. */
  occurrence(contentKey: string): number;
}

export interface MappedRow {
  /** The row as generic fields (also what `exceptions export` writes for a rejected row). */
  fields: PaymentFields;
  /** A problem the format found itself (a column key and what is wrong); the row is rejected. */
  problem?: { column: string; message: string };
  /** Words of a description that may be the payer's reference: the first that is some account's is used. */
  referenceCandidates?: string[];
  /** A return of a direct debit (Bacs ARUDD): linked to the payment it reverses, with its reason. */
  returnOf?: { originalDate: BusinessDate | null; reason: string };
}

/**
 * A transaction id for a row whose file has none: a hash of the row's own content (nothing about the
 * file it came in, so the same line in next month's overlapping export gets the same id) and of how many
 * identical lines came before it in this file (two identical £50.00 payments on one day stay two).
 */
export function contentTransactionId(prefix: string, content: readonly (string | undefined)[], context: MapContext): string {
  const digest = createHash('sha256')
    .update(content.map((v) => (v ?? '').trim().replace(/\s+/g, ' ').toUpperCase()).join('\u001f'))
    .digest('hex')
    .slice(0, 24);
  return `${prefix}${digest}-${context.occurrence(digest)}`;
}
