import { parseUkOrIsoDate } from '../../../domain/calendar/business-date';
import type { PaymentMethod } from '../../../domain/imports/parse-payment-row';
import { referenceCandidates } from '../../../domain/imports/reference-candidates';
import type { PaymentFormat } from './payment-format';
import { contentTransactionId } from './payment-format';

/**
 * The bank's transaction type → payment method. UK banks' two- and three-letter codes and their words;
 * anything else (BGC, FPI, TFR, BAC, CR…) is a bank transfer.
 */
export const METHOD_BY_BANK_TYPE: Readonly<Record<string, PaymentMethod>> = {
  SO: 'standing_order',
  STO: 'standing_order',
  'STANDING ORDER': 'standing_order',
  DD: 'direct_debit',
  DDR: 'direct_debit',
  'DIRECT DEBIT': 'direct_debit',
  CHQ: 'cheque',
  CHEQUE: 'cheque',
  CSH: 'cash',
  CASH: 'cash',
  DEB: 'debit_card',
  'DEBIT CARD': 'debit_card',
};

/**
 * `bank-statement`: a UK bank's CSV export of the rent collection account (Barclays, Lloyds, NatWest,
 * HSBC and most others write some version of it):
 *
 * | column (any of)                                                  | becomes |
 * |---|---|
 * | Date, Transaction Date, Posting Date, Posted Date                | `date` (DD/MM/YYYY or YYYY-MM-DD) |
 * | Description, Transaction Description, Details, Narrative, Memo   | `description`, and the payer's `reference` found in it |
 * | Paid in, Money in, Credit, Credit Amount — Paid out, Money out, Debit, Debit Amount | `amount` = paid in, or minus paid out |
 * | Amount, Value (instead of the two above)                          | `amount` (a payment is positive) |
 * | Type, Transaction Type (optional)                                 | `method`: SO → standing_order, DD → direct_debit, CHQ → cheque, CSH → cash, DEB → debit_card, anything else → bank_transfer |
 * | Bank Reference, Transaction ID, Transaction Reference, FITID (optional) | `transaction_id` = `bank:` + it |
 * | Payer Reference, Customer Reference (optional)                   | `reference`, instead of looking in the description |
 * | Balance (optional)                                                | part of the row's content id |
 *
 * The payer's reference: see `referenceCandidates` (the first word of the description with a digit that
 * is an account's payment reference; else the row is held in suspense). The transaction id, when the
 * export has no bank reference column: `bank:` + a hash of the row's date, type, description, amounts and
 * balance + `-` + how many identical rows came before it in the file.
 * Money paid out of the account is a negative amount: a returned payment, posted as a reversal.
 */
export const bankStatement: PaymentFormat = {
  name: 'bank-statement',
  summary: 'a UK bank CSV export: Date, Type, Description, Paid in / Paid out (or Amount), Balance',
  columns: {
    date: { headers: ['Date', 'Transaction Date', 'Posting Date', 'Posted Date'], required: true },
    description: { headers: ['Description', 'Transaction Description', 'Details', 'Narrative', 'Memo'], required: true },
    paid_in: { headers: ['Paid in', 'Money in', 'Credit', 'Credit Amount', 'Credits'] },
    paid_out: { headers: ['Paid out', 'Money out', 'Debit', 'Debit Amount', 'Debits'] },
    amount: { headers: ['Amount', 'Value'] },
    type: { headers: ['Type', 'Transaction Type'] },
    bank_reference: { headers: ['Bank Reference', 'Transaction ID', 'Transaction Reference', 'FITID'] },
    payer_reference: { headers: ['Payer Reference', 'Customer Reference'] },
    balance: { headers: ['Balance'] },
  },
  requireOneOf: [['paid_in', 'paid_out', 'amount']],
  fieldColumns: {
    date: ['date'],
    reference: ['payer_reference', 'description'],
    amount: ['amount', 'paid_in', 'paid_out'],
    method: ['type'],
    transaction_id: ['bank_reference', 'description'],
    description: ['description'],
  },
  map(row, context) {
    const description = row.get('description') ?? '';
    const type = row.get('type') ?? '';
    const paidIn = row.get('paid_in') ?? '';
    const paidOut = row.get('paid_out') ?? '';
    const amountColumn = row.get('amount');

    let amount: string | undefined;
    let problem: { column: string; message: string } | undefined;
    if (amountColumn !== undefined && amountColumn !== '') amount = amountColumn;
    else if (paidIn !== '' && paidOut !== '') problem = { column: 'paid_in', message: 'both Paid in and Paid out are filled in: a line is one or the other' };
    else if (paidIn !== '') amount = paidIn;
    else if (paidOut !== '') amount = paidOut.startsWith('-') ? paidOut : `-${paidOut}`;

    const payerReference = row.get('payer_reference');
    const candidates = payerReference ? [] : referenceCandidates(description);
    const reference = payerReference || candidates[0] || description;
    if (!reference && !problem) problem = { column: 'description', message: "is empty: the payer's reference is read from it" };

    const bankReference = row.get('bank_reference');
    const transactionId = bankReference
      ? `bank:${bankReference}`
      : contentTransactionId(
          'bank:',
          [parseUkOrIsoDate(row.get('date') ?? '') ?? row.get('date'), type, description, paidIn, paidOut, amountColumn, row.get('balance')],
          context,
        );

    return {
      fields: {
        date: row.get('date'),
        reference,
        amount,
        method: METHOD_BY_BANK_TYPE[type.trim().toUpperCase()] ?? 'bank_transfer',
        transaction_id: transactionId,
        description,
      },
      ...(problem ? { problem } : {}),
      ...(candidates.length > 0 ? { referenceCandidates: candidates } : {}),
    };
  },
};
