import { parsePercentToBasisPoints } from '../../../domain/rent-change/rent-change';
import type { SubAccount } from '../../../domain/rent/charges-due';
import { bodyString, dateField, type FieldErrors } from '../../forms';

export const SUB_ACCOUNT_ITEMS = [
  { value: 'rent', text: 'Rent' },
  { value: 'service_charge', text: 'Service charge' },
] as const;

export const RENT_CHANGE_FIELD_IDS: Record<string, string> = { effective: 'effective-day', percent: 'percent', subAccount: 'subAccount', confirm: 'confirm' };

export interface RentChangeForm {
  effective: string;
  basisPoints: number;
  subAccount: SubAccount;
}

export function readRentChangeForm(body: unknown): { ok: true; value: RentChangeForm; values: Record<string, string> } | { ok: false; values: Record<string, string>; errors: FieldErrors } {
  const effective = dateField(body, 'effective', 'the date the change takes effect', { required: true });
  const percent = bodyString(body, 'percent').trim();
  const subAccount = bodyString(body, 'subAccount');
  const values: Record<string, string> = { 'effective-day': effective.raw.day, 'effective-month': effective.raw.month, 'effective-year': effective.raw.year, percent, subAccount };
  const errors: FieldErrors = {};
  if (effective.error) errors.effective = effective.error;
  const basisPoints = parsePercentToBasisPoints(percent.replace(/%$/, ''));
  if (percent === '') errors.percent = 'Enter the percentage change';
  else if (basisPoints === null) errors.percent = 'Percentage must be a number between -100 and 100 with up to 2 decimal places, like 2.7';
  if (subAccount !== 'rent' && subAccount !== 'service_charge') errors.subAccount = 'Select rent or service charge';
  if (Object.keys(errors).length > 0 || !effective.value || basisPoints === null) return { ok: false, values, errors };
  return { ok: true, value: { effective: effective.value, basisPoints, subAccount: subAccount as SubAccount }, values };
}
