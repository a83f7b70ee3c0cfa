import type { MandateInputText } from '../../../domain/direct-debits/mandate-input';
import { describeCollectionDay, MONTHLY_COLLECTION_DAYS, WEEKLY_COLLECTION_WEEKDAYS } from '../../../domain/direct-debits/collection-schedule';
import { bodyString, dateField, type FieldErrors } from '../../forms';

/** The collection days offered, as radio values `monthly:1` … `weekly:4`. */
export const COLLECTION_DAY_OPTIONS: readonly { value: string; text: string }[] = [
  ...MONTHLY_COLLECTION_DAYS.map((day) => ({ value: `monthly:${day}`, text: `Monthly, on ${describeCollectionDay({ frequency: 'monthly', day })}` })),
  ...WEEKLY_COLLECTION_WEEKDAYS.map((day) => ({ value: `weekly:${day}`, text: `Weekly, ${describeCollectionDay({ frequency: 'weekly', day })}` })),
];

/** Where each field's error links to. */
export const MANDATE_FIELD_IDS: Record<string, string> = { payerName: 'payerName', sortCode: 'sortCode', accountNumber: 'accountNumber', collectionDay: 'collectionDay', amount: 'amount', startOn: 'startOn-day' };

/** The form's text; the date input is joined (its own errors kept). The domain validates the rest. */
export function readMandateForm(body: unknown): { input: MandateInputText; values: Record<string, string>; errors: FieldErrors } {
  const start = dateField(body, 'startOn', 'the start date', { required: true });
  const input: MandateInputText = {
    payerName: bodyString(body, 'payerName'),
    sortCode: bodyString(body, 'sortCode'),
    accountNumber: bodyString(body, 'accountNumber'),
    collectionDay: bodyString(body, 'collectionDay'),
    amount: bodyString(body, 'amount'),
    startOn: start.value ?? '',
  };
  const values: Record<string, string> = { ...input, 'startOn-day': start.raw.day, 'startOn-month': start.raw.month, 'startOn-year': start.raw.year };
  return { input, values, errors: start.error ? { startOn: start.error } : {} };
}

export function readCancelForm(body: unknown): { reason: string; errors: FieldErrors } {
  const reason = bodyString(body, 'reason').trim();
  if (reason === '') return { reason, errors: { reason: 'Enter why the direct debit is being cancelled' } };
  if (reason.length > 500) return { reason, errors: { reason: 'Reason must be 500 characters or fewer' } };
  return { reason, errors: {} };
}
