import { parseUkOrIsoDate } from '../../../domain/calendar/business-date';
import type { PaymentMethod } from '../../../domain/imports/parse-payment-row';
import type { PaymentFormat } from './payment-format';
import { contentTransactionId } from './payment-format';

/**
 * Where a payment-card provider says the payment was made → payment method. Paid over a shop's or a post office's
 * counter with the tenant's rent payment card (swiped or scanned) is `payment_card`; paid by bank card online, by
 * telephone, by text or in an app is `debit_card`. A channel the provider names otherwise, or none, is the card's
 * own: `payment_card`.
 */
export const METHOD_BY_CARD_CHANNEL: Readonly<Record<string, PaymentMethod>> = {
  PAYPOINT: 'payment_card',
  'POST OFFICE': 'payment_card',
  COUNTER: 'payment_card',
  OUTLET: 'payment_card',
  RETAIL: 'payment_card',
  SHOP: 'payment_card',
  STORE: 'payment_card',
  KIOSK: 'payment_card',
  INTERNET: 'debit_card',
  ONLINE: 'debit_card',
  WEB: 'debit_card',
  TELEPHONE: 'debit_card',
  PHONE: 'debit_card',
  IVR: 'debit_card',
  'CALL CENTRE': 'debit_card',
  APP: 'debit_card',
  MOBILE: 'debit_card',
  TEXT: 'debit_card',
  SMS: 'debit_card',
};

/** The method of a channel: its words matched whole, case and punctuation aside (`Post Office Counter`, `paypoint-retail`, `Web`). */
export function methodOfCardChannel(channel: string): PaymentMethod {
  const words = ` ${channel.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim()} `;
  for (const [name, method] of Object.entries(METHOD_BY_CARD_CHANNEL)) if (words.includes(` ${name} `)) return method;
  return 'payment_card';
}

/**
 * `payment-card`: a payment-card provider's transaction file (the schemes that let tenants pay rent with a swipe card
 * at PayPoint and post office counters, and by card online or by telephone, write some version of it):
 *
 * | column (any of)                                                            | becomes |
 * |---|---|
 * | Transaction Date, Payment Date, Date                                         | `date` (DD/MM/YYYY or YYYY-MM-DD) |
 * | Client Reference, Account Reference, Customer Reference, Payer Reference, Reference | `reference`: the rent account's payment reference the card carries |
 * | Amount, Transaction Amount, Payment Amount, Value                            | `amount` (a payment is positive; a refund or a chargeback negative, posted as a reversal) |
 * | Channel, Payment Channel, Source, Outlet Type (optional)                     | `method` (METHOD_BY_CARD_CHANNEL): a counter → payment_card, online, telephone, text or app → debit_card; none → payment_card |
 * | Transaction ID, Transaction Reference, Receipt Number, Unique ID (optional)  | `transaction_id` = `card:` + it |
 * | Outlet, Outlet Name, Location, Description (optional)                        | `description` |
 * | Card Number (optional)                                                       | part of the row's content id |
 *
 * Without a transaction id column: `card:` + a hash of the row's date, reference, amount, channel, outlet and card
 * number + `-` + how many identical rows came before it in the file, so next week's file that repeats a line gives
 * it the same id, and two identical payments on one day stay two.
 */
export const paymentCard: PaymentFormat = {
  name: 'payment-card',
  summary: "a payment-card provider's transaction file: Transaction Date, Client Reference, Amount[, Channel, Transaction ID, Outlet]",
  columns: {
    date: { headers: ['Transaction Date', 'Payment Date', 'Date'], required: true },
    reference: { headers: ['Client Reference', 'Account Reference', 'Customer Reference', 'Payer Reference', 'Reference'], required: true },
    amount: { headers: ['Amount', 'Transaction Amount', 'Payment Amount', 'Value'], required: true },
    channel: { headers: ['Channel', 'Payment Channel', 'Source', 'Outlet Type'] },
    transaction_id: { headers: ['Transaction ID', 'Transaction Reference', 'Receipt Number', 'Unique ID'] },
    outlet: { headers: ['Outlet', 'Outlet Name', 'Location', 'Description'] },
    card_number: { headers: ['Card Number'] },
  },
  fieldColumns: {
    date: ['date'],
    reference: ['reference'],
    amount: ['amount'],
    method: ['channel'],
    transaction_id: ['transaction_id', 'reference'],
    description: ['outlet'],
  },
  map(row, context) {
    const channel = row.get('channel') ?? '';
    const providerId = row.get('transaction_id');
    const transactionId = providerId
      ? `card:${providerId}`
      : contentTransactionId(
          'card:',
          [parseUkOrIsoDate(row.get('date') ?? '') ?? row.get('date'), row.get('reference'), row.get('amount'), channel, row.get('outlet'), row.get('card_number')],
          context,
        );
    return {
      fields: {
        date: row.get('date'),
        reference: row.get('reference'),
        amount: row.get('amount'),
        method: methodOfCardChannel(channel),
        transaction_id: transactionId,
        description: row.get('outlet'),
      },
    };
  },
};
