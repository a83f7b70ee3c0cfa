import type { BusinessDate } from '../calendar/business-date';
import type { Pence } from '../money/pence';
import { readCode, readDate, readPounds, text } from './field-values';
import type { RowResult } from './row-result';
import { rowError, rowOk } from './row-result';

/** Payment methods a payment file may name (contracts/cli-and-files.md, "Payment files"). */
export const PAYMENT_METHODS = [
  'direct_debit',
  'standing_order',
  'debit_card',
  'payment_card',
  'cash',
  'cheque',
  'bank_transfer',
  'housing_benefit',
  'uc_housing_costs',
  'discretionary_housing_payment',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Methods whose money is a benefit paid to the landlord: posted as ledger kind `benefit`, not `payment`. */
export const BENEFIT_METHODS: readonly PaymentMethod[] = ['housing_benefit', 'uc_housing_costs', 'discretionary_housing_payment'];

/** The generic payment fields, as text read from a file (undefined: the file has no such column). */
export interface PaymentFields {
  date?: string | undefined;
  reference?: string | undefined;
  amount?: string | undefined;
  method?: string | undefined;
  transaction_id?: string | undefined;
  description?: string | undefined;
}
export type PaymentField = keyof PaymentFields;
export const PAYMENT_FIELDS: readonly PaymentField[] = ['date', 'reference', 'amount', 'method', 'transaction_id', 'description'];

/** Every generic field as trimmed text ('' when empty or missing): how a row's fields are stored and compared. */
export function normalisePaymentFields(fields: PaymentFields): Record<PaymentField, string> {
  const out = {} as Record<PaymentField, string>;
  for (const f of PAYMENT_FIELDS) out[f] = (fields[f] ?? '').trim();
  return out;
}

export interface PaymentRow {
  businessDate: BusinessDate;
  reference: string;
  /** As written in the file: a payment is positive, a returned or reversed payment negative. */
  amountPence: Pence;
  method: PaymentMethod;
  transactionId: string;
  description: string | null;
}

export const MAX_REFERENCE_LENGTH = 100;
export const MAX_TRANSACTION_ID_LENGTH = 200;

/**
 * Reads one row of a payment file mapped onto the generic fields. Fields are checked in the contract's
 * column order and the first problem is returned. A zero amount is rejected: it moves no money, and a
 * provider that sends one has made a mistake worth looking at.
 */
export function parsePaymentRow(fields: PaymentFields): RowResult<PaymentRow> {
  const dateText = text(fields.date);
  if (dateText === null) return rowError('date', 'is required');
  const date = readDate(dateText);
  if (!date.ok) return rowError('date', date.message);

  const reference = text(fields.reference);
  if (reference === null) return rowError('reference', 'is required');
  if (reference.length > MAX_REFERENCE_LENGTH) return rowError('reference', `is longer than ${MAX_REFERENCE_LENGTH} characters`);

  const amountText = text(fields.amount);
  if (amountText === null) return rowError('amount', 'is required');
  const amount = readPounds(amountText);
  if (!amount.ok) return rowError('amount', amount.message);
  if (amount.value === 0) return rowError('amount', 'must not be zero');

  const methodText = text(fields.method);
  if (methodText === null) return rowError('method', 'is required');
  const method = readCode(methodText, PAYMENT_METHODS);
  if (method === null) return rowError('method', `"${methodText}" is not a payment method (one of ${PAYMENT_METHODS.join(', ')})`);

  const transactionId = text(fields.transaction_id);
  if (transactionId === null) return rowError('transaction_id', 'is required');
  if (transactionId.length > MAX_TRANSACTION_ID_LENGTH) return rowError('transaction_id', `is longer than ${MAX_TRANSACTION_ID_LENGTH} characters`);

  return rowOk({
    businessDate: date.value,
    reference,
    amountPence: amount.value,
    method,
    transactionId,
    description: text(fields.description),
  });
}

/** The ledger entry a payment row becomes: the ledger's sign is the file's opposite (a payment is a credit). */
export function ledgerEntryForPayment(row: Pick<PaymentRow, 'amountPence' | 'method'>): { kind: 'payment' | 'benefit' | 'reversal'; amountPence: Pence } {
  if (row.amountPence < 0) return { kind: 'reversal', amountPence: -row.amountPence };
  return { kind: BENEFIT_METHODS.includes(row.method) ? 'benefit' : 'payment', amountPence: -row.amountPence };
}
