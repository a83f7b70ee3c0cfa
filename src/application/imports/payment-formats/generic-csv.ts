import type { PaymentFormat } from './payment-format';

/**
 * `generic-csv` (the default): the contract's own columns, in any order. Other columns are ignored
 * (`exceptions export` adds `exception_id` and `problem`, which `exceptions resubmit` reads back).
 */
export const genericCsv: PaymentFormat = {
  name: 'generic-csv',
  summary: 'date, reference, amount, method, transaction_id[, description]',
  columns: {
    date: { headers: ['date'], required: true },
    reference: { headers: ['reference'], required: true },
    amount: { headers: ['amount'], required: true },
    method: { headers: ['method'], required: true },
    transaction_id: { headers: ['transaction_id'], required: true },
    description: { headers: ['description'] },
  },
  fieldColumns: {
    date: ['date'],
    reference: ['reference'],
    amount: ['amount'],
    method: ['method'],
    transaction_id: ['transaction_id'],
    description: ['description'],
  },
  map(row) {
    return {
      fields: {
        date: row.get('date'),
        reference: row.get('reference'),
        amount: row.get('amount'),
        method: row.get('method'),
        transaction_id: row.get('transaction_id'),
        description: row.get('description'),
      },
    };
  },
};
