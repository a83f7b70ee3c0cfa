import { csvText, type CsvTextOptions } from './csv';

export const GENERIC_COLUMNS = ['date', 'reference', 'amount', 'method', 'transaction_id', 'description'] as const;

let sequence = 0;

/** One generic-csv row: a £112.50 direct debit with a fresh transaction id, unless overridden. */
export function aPayment(overrides: Partial<Record<(typeof GENERIC_COLUMNS)[number], string>> = {}): Record<string, string> {
  sequence += 1;
  return {
    date: '2026-11-02',
    reference: '100001',
    amount: '112.50',
    method: 'direct_debit',
    transaction_id: `TX-${process.pid}-${sequence}`,
    description: 'rent',
    ...overrides,
  };
}

/** A generic-csv payment file's text. */
export function paymentFile(rows: readonly Record<string, string>[], options: CsvTextOptions & { columns?: readonly string[] } = {}): string {
  return csvText(options.columns ?? GENERIC_COLUMNS, rows, options);
}

export const BANK_COLUMNS = ['Date', 'Type', 'Description', 'Paid in', 'Paid out', 'Balance'] as const;

/** One bank statement line: money paid in by standing order, the payer's reference in the description. */
export function aBankLine(overrides: Partial<Record<(typeof BANK_COLUMNS)[number] | 'Amount' | 'Bank Reference', string>> = {}): Record<string, string> {
  return { Date: '02/11/2026', Type: 'SO', Description: 'J SMITH 100001 RENT', 'Paid in': '112.50', 'Paid out': '', Balance: '10000.00', ...overrides };
}

export function bankStatementFile(rows: readonly Record<string, string>[], options: CsvTextOptions & { columns?: readonly string[] } = {}): string {
  return csvText(options.columns ?? BANK_COLUMNS, rows, options);
}

export const CARD_COLUMNS = ['Transaction Date', 'Client Reference', 'Amount', 'Channel', 'Outlet', 'Transaction ID'] as const;

/** One line of a payment-card provider's file: £50.00 paid at a PayPoint counter with the tenant's card. */
export function aCardPayment(overrides: Partial<Record<(typeof CARD_COLUMNS)[number] | 'Card Number', string>> = {}): Record<string, string> {
  sequence += 1;
  return { 'Transaction Date': '03/11/2026', 'Client Reference': '100001', Amount: '50.00', Channel: 'PayPoint', Outlet: 'High St Stores', 'Transaction ID': `PC-${process.pid}-${sequence}`, ...overrides };
}

export function paymentCardFile(rows: readonly Record<string, string>[], options: CsvTextOptions & { columns?: readonly string[] } = {}): string {
  return csvText(options.columns ?? CARD_COLUMNS, rows, options);
}

export const ARUDD_COLUMNS = ['ProcessingDate', 'Reference', 'Amount', 'ReturnCode', 'ReturnDescription', 'OriginalProcessingDate', 'TransactionId'] as const;

/** One ARUDD return: the £112.50 direct debit of 2026-11-02 unpaid, "refer to payer". */
export function anArudd(overrides: Partial<Record<(typeof ARUDD_COLUMNS)[number], string>> = {}): Record<string, string> {
  sequence += 1;
  return {
    ProcessingDate: '06/11/2026',
    Reference: '100001',
    Amount: '112.50',
    ReturnCode: '0',
    ReturnDescription: 'REFER TO PAYER',
    OriginalProcessingDate: '02/11/2026',
    TransactionId: `RET-${process.pid}-${sequence}`,
    ...overrides,
  };
}

export function aruddFile(rows: readonly Record<string, string>[], options: CsvTextOptions = {}): string {
  return csvText(ARUDD_COLUMNS, rows, options);
}
