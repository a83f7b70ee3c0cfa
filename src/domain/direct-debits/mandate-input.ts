import type { BusinessDate } from '../calendar/business-date';
import { parseUkOrIsoDate } from '../calendar/business-date';
import type { Pence } from '../money/pence';
import { parsePoundsToPence } from '../money/pence';
import { parseAccountNumber, parseSortCode } from './bank-details';
import type { CollectionDay } from './collection-schedule';
import { earliestFirstCollection, isOfferedCollectionDay } from './collection-schedule';

export interface MandateInputText {
  payerName: string;
  sortCode: string;
  accountNumber: string;
  /** `monthly:1`, `monthly:8` … or `weekly:0` (Monday) … `weekly:4`. */
  collectionDay: string;
  amount: string;
  startOn: string;
}

export interface MandateInput {
  payerName: string;
  sortCode: string;
  accountNumber: string;
  collectionDay: CollectionDay;
  amountPence: Pence;
  startOn: BusinessDate;
}

export type MandateInputErrors = Partial<Record<keyof MandateInputText, string>>;

export function parseCollectionDay(text: string): CollectionDay | null {
  const m = /^(monthly|weekly):(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const c: CollectionDay = { frequency: m[1] as CollectionDay['frequency'], day: Number(m[2]) };
  return isOfferedCollectionDay(c) ? c : null;
}

/** Validates a new mandate as set up on `today`: every field with its own message. */
export function validateMandateInput(input: MandateInputText, today: BusinessDate): { ok: true; value: MandateInput } | { ok: false; errors: MandateInputErrors } {
  const errors: MandateInputErrors = {};
  const payerName = input.payerName.trim();
  if (payerName === '') errors.payerName = 'Enter the name of the account holder';
  else if (payerName.length > 18 * 4) errors.payerName = 'Name of the account holder must be 72 characters or fewer';
  const sort = parseSortCode(input.sortCode);
  if (!sort.ok) errors.sortCode = sort.message;
  const account = parseAccountNumber(input.accountNumber);
  if (!account.ok) errors.accountNumber = account.message;
  const collectionDay = parseCollectionDay(input.collectionDay);
  if (!collectionDay) errors.collectionDay = 'Select a collection day';
  const amountPence = parsePoundsToPence(input.amount.trim());
  if (input.amount.trim() === '') errors.amount = 'Enter the amount';
  else if (amountPence === null) errors.amount = 'Amount must be in pounds and pence, like 95.50';
  else if (amountPence <= 0) errors.amount = 'Amount must be more than £0';
  const startOn = parseUkOrIsoDate(input.startOn.trim());
  if (input.startOn.trim() === '') errors.startOn = 'Enter the start date';
  else if (!startOn) errors.startOn = 'Start date must be a real date';
  else if (startOn < today) errors.startOn = 'Start date must be today or in the future';
  if (Object.keys(errors).length > 0 || !sort.ok || !account.ok || !collectionDay || amountPence === null || !startOn) return { ok: false, errors };
  return { ok: true, value: { payerName, sortCode: sort.value, accountNumber: account.value, collectionDay, amountPence, startOn } };
}

export { earliestFirstCollection };
