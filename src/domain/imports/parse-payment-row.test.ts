import { describe, expect, it } from 'vitest';
import type { PaymentFields } from './parse-payment-row';
import { ledgerEntryForPayment, parsePaymentRow } from './parse-payment-row';

const good: PaymentFields = { date: '2026-11-02', reference: '100123', amount: '112.50', method: 'direct_debit', transaction_id: 'TX1', description: 'rent' };

describe('parsePaymentRow', () => {
  it('reads a good row', () => {
    expect(parsePaymentRow(good)).toEqual({
      ok: true,
      value: { businessDate: '2026-11-02', reference: '100123', amountPence: 11250, method: 'direct_debit', transactionId: 'TX1', description: 'rent' },
    });
  });

  it.each<[string, PaymentFields, Partial<{ businessDate: string; amountPence: number; method: string; description: string | null; reference: string }>]>([
    ['a UK date', { date: '02/11/2026' }, { businessDate: '2026-11-02' }],
    ['a UK date without leading zeros', { date: '2/1/2026' }, { businessDate: '2026-01-02' }],
    ['a negative amount (a return)', { amount: '-112.50' }, { amountPence: -11250 }],
    ['a pound sign and thousands', { amount: '£1,234.5' }, { amountPence: 123450 }],
    ['whole pounds', { amount: '50' }, { amountPence: 5000 }],
    ['a method in words', { method: 'Direct Debit' }, { method: 'direct_debit' }],
    ['a method in capitals', { method: 'HOUSING_BENEFIT' }, { method: 'housing_benefit' }],
    ['no description column', { description: undefined }, { description: null }],
    ['a blank description', { description: '   ' }, { description: null }],
    ['spaces around values', { reference: '  100123 ' }, { reference: '100123' }],
  ])('accepts %s', (_name, change, expected) => {
    const result = parsePaymentRow({ ...good, ...change });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each<[string, PaymentFields, string, RegExp]>([
    ['an empty date', { date: '' }, 'date', /is required/],
    ['a missing date column', { date: undefined }, 'date', /is required/],
    ['a bad date', { date: 'yesterday' }, 'date', /not a date/],
    ['31 February', { date: '31/02/2026' }, 'date', /not a real calendar date/],
    ['an ISO 30 February', { date: '2026-02-30' }, 'date', /not a real calendar date/],
    ['a US-style date', { date: '11/31/2026' }, 'date', /not a real calendar date/],
    ['a two-digit year', { date: '02/11/26' }, 'date', /not a date/],
    ['an empty reference', { reference: ' ' }, 'reference', /is required/],
    ['a very long reference', { reference: 'X'.repeat(101) }, 'reference', /longer than 100/],
    ['an empty amount', { amount: '' }, 'amount', /is required/],
    ['an amount with 3 decimals', { amount: '112.505' }, 'amount', /more than two decimal places/],
    ['a non-numeric amount', { amount: 'twelve' }, 'amount', /not an amount/],
    ['a float-looking amount', { amount: '1e3' }, 'amount', /not an amount/],
    ['a zero amount', { amount: '0.00' }, 'amount', /must not be zero/],
    ['more than one transaction may be', { amount: '10000000.01' }, 'amount', /"10000000\.01" is more than £10,000,000\.00, the most one transaction may be/],
    ['an account number in the amount column', { amount: '90071992547409.91' }, 'amount', /more than £10,000,000\.00/],
    ['a return of more than one transaction may be', { amount: '-10,000,000.01' }, 'amount', /more than £10,000,000\.00/],
    ['an empty method', { method: '' }, 'method', /is required/],
    ['an unknown method', { method: 'bitcoin' }, 'method', /not a payment method/],
    ['a missing transaction id', { transaction_id: '' }, 'transaction_id', /is required/],
    ['a missing transaction id column', { transaction_id: undefined }, 'transaction_id', /is required/],
  ])('rejects %s', (_name, change, field, message) => {
    const result = parsePaymentRow({ ...good, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message).toMatch(message);
    }
  });

  it('reports the first problem in column order', () => {
    const result = parsePaymentRow({ ...good, amount: 'x', method: 'y' });
    expect(result).toMatchObject({ ok: false, field: 'amount' });
  });
});

describe('ledgerEntryForPayment', () => {
  it.each([
    [11250, 'direct_debit', 'payment', -11250],
    [40000, 'housing_benefit', 'benefit', -40000],
    [51220, 'uc_housing_costs', 'benefit', -51220],
    [2500, 'discretionary_housing_payment', 'benefit', -2500],
    [-11250, 'direct_debit', 'reversal', 11250],
    [-40000, 'housing_benefit', 'reversal', 40000],
  ] as const)('%i by %s is a ledger %s of %i', (amountPence, method, kind, ledgerPence) => {
    expect(ledgerEntryForPayment({ amountPence, method })).toEqual({ kind, amountPence: ledgerPence });
  });
});
