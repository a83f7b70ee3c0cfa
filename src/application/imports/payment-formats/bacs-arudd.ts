import { formatPenceAsDecimal } from '../../../domain/money/pence';
import { readDate, readPounds } from '../../../domain/imports/field-values';
import type { PaymentFormat } from './payment-format';
import { contentTransactionId } from './payment-format';

/**
 * `bacs-arudd`: a Bacs ARUDD report (Automated Return of Unpaid Direct Debits) as CSV. Every row is a
 * direct debit the payer's bank did not pay: it is posted as a `reversal` (the ledger amount positive:
 * the tenant owes it again) linked to the direct debit it reverses — the same account's `direct_debit`
 * payment of the same amount dated within 3 days of the original processing date that is not already
 * reversed — with the return code and its description as the reason.
 *
 * | column (any of)                                   | becomes |
 * |---|---|
 * | ProcessingDate, Processing Date                   | `date` (the day of the return) |
 * | Reference, Payer Reference                        | `reference` (the Direct Debit reference = the payment reference) |
 * | Amount, ValueOf                                   | `amount`: the unpaid amount, a return (written positive or negative, always read as a return) |
 * | ReturnCode, Return Code, Reason Code              | the reason (required: `0` refer to payer, `1` instruction cancelled, …) |
 * | ReturnDescription, Return Description (optional)  | the reason's words |
 * | OriginalProcessingDate (optional)                 | the date of the direct debit it reverses (no date: posted unlinked) |
 * | TransactionId, Transaction ID (optional)          | `transaction_id` = `arudd:` + it; without it, a hash of reference, amount, original date and return code |
 * | PayerName, Payer Name (optional)                  | part of `description` |
 */
export const bacsArudd: PaymentFormat = {
  name: 'bacs-arudd',
  summary: 'a Bacs ARUDD returns report: ProcessingDate, Reference, Amount, ReturnCode, ReturnDescription, OriginalProcessingDate, TransactionId',
  columns: {
    processing_date: { headers: ['ProcessingDate', 'Processing Date'], required: true },
    reference: { headers: ['Reference', 'Payer Reference', 'PayerReference'], required: true },
    amount: { headers: ['Amount', 'ValueOf', 'Value Of'], required: true },
    return_code: { headers: ['ReturnCode', 'Return Code', 'Reason Code', 'ReasonCode'], required: true },
    return_description: { headers: ['ReturnDescription', 'Return Description'] },
    original_processing_date: { headers: ['OriginalProcessingDate', 'Original Processing Date'] },
    transaction_id: { headers: ['TransactionId', 'Transaction ID'] },
    payer_name: { headers: ['PayerName', 'Payer Name'] },
  },
  fieldColumns: {
    date: ['processing_date'],
    reference: ['reference'],
    amount: ['amount'],
    method: ['return_code'],
    transaction_id: ['transaction_id', 'reference'],
    description: ['return_description', 'return_code'],
  },
  map(row, context) {
    const amountText = row.get('amount') ?? '';
    const pounds = readPounds(amountText);
    // Always a return, however the report writes the sign.
    const amount = pounds.ok && pounds.value !== 0 ? formatPenceAsDecimal(-Math.abs(pounds.value)) : amountText;
    const code = row.get('return_code') ?? '';
    const words = row.get('return_description') ?? '';
    const reason = `ARUDD ${code}${words ? `: ${words}` : ''}`;
    const originalText = row.get('original_processing_date') ?? '';
    const original = originalText === '' ? null : readDate(originalText);
    const transactionId = row.get('transaction_id')
      ? `arudd:${row.get('transaction_id')}`
      : contentTransactionId('arudd:', [row.get('reference'), pounds.ok ? String(Math.abs(pounds.value)) : amountText, originalText, code], context);
    const payer = row.get('payer_name');

    let problem: { column: string; message: string } | undefined;
    if (code === '') problem = { column: 'return_code', message: 'is required' };
    else if (original !== null && !original.ok) problem = { column: 'original_processing_date', message: original.message };

    return {
      fields: {
        date: row.get('processing_date'),
        reference: row.get('reference'),
        amount,
        method: 'direct_debit',
        transaction_id: transactionId,
        description: payer ? `${reason} (${payer})` : reason,
      },
      ...(problem ? { problem } : {}),
      returnOf: { originalDate: original?.ok ? original.value : null, reason },
    };
  },
};
