import type { BusinessDate } from '../calendar/business-date';
import type { LandlordType, RentFrequency, Tenure } from '../case-file/case-file';
import { LANDLORD_TYPES, RENT_FREQUENCIES, TENURES } from '../case-file/case-file';
import type { Pence } from '../money/pence';
import { readCode, readDate, readPounds, text } from './field-values';
import type { RowResult } from './row-result';
import { rowError, rowOk } from './row-result';

/** The columns of a tenancy file (contracts/cli-and-files.md, "Tenancy files"). */
export const TENANCY_FIELDS = [
  'ref',
  'payment_reference',
  'tenure',
  'landlord_type',
  'start_date',
  'end_date',
  'rent_frequency',
  'weekly_rent',
  'rent_from',
  'opening_balance',
  'address',
  'postcode',
  'patch',
  'tenant_names',
  'phone',
  'email',
] as const;
export type TenancyField = (typeof TENANCY_FIELDS)[number];
export const REQUIRED_TENANCY_FIELDS: readonly TenancyField[] = ['ref', 'payment_reference', 'tenure', 'start_date', 'weekly_rent', 'address', 'tenant_names'];

export type TenancyFields = Partial<Record<TenancyField, string | undefined>>;

/** A tenancy row as read. Optional values left blank are null: "not given", never "clear it". */
export interface TenancyRowValue {
  ref: string;
  paymentReference: string;
  tenure: Tenure;
  landlordType: LandlordType | null;
  startDate: BusinessDate;
  endDate: BusinessDate | null;
  rentFrequency: RentFrequency | null;
  weeklyRentPence: Pence;
  rentFrom: BusinessDate | null;
  openingBalancePence: Pence | null;
  address: string;
  postcode: string | null;
  patch: string | null;
  tenantNames: string[];
  phone: string | null;
  email: string | null;
}

const MAX_TEXT = 200;

/** A UK postcode, leniently: any case and spacing; normalised to capitals with one space (`SW1A 1AA`). */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (compact === 'GIR0AA') return 'GIR 0AA';
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A phone number, leniently: digits with spaces, `-`, `.`, `()` and a leading `+`; 10 to 15 digits. */
export function isPlausiblePhone(value: string): boolean {
  if (!/^\+?[\d\s\-.()]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}

/** An email address, leniently: something@domain.tld, no spaces. */
export function isPlausibleEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

function date(fields: TenancyFields, field: TenancyField, required: boolean): RowResult<BusinessDate | null> {
  const t = text(fields[field]);
  if (t === null) return required ? rowError(field, 'is required') : rowOk(null);
  const d = readDate(t);
  return d.ok ? rowOk(d.value) : rowError(field, d.message);
}

/**
 * Reads one row of a tenancy file. Fields are checked in the contract's column order and the first
 * problem is returned, naming its column.
 */
export function parseTenancyRow(fields: TenancyFields): RowResult<TenancyRowValue> {
  const ref = text(fields.ref);
  if (ref === null) return rowError('ref', 'is required');
  if (ref.length > 50) return rowError('ref', 'is longer than 50 characters');

  const paymentReference = text(fields.payment_reference);
  if (paymentReference === null) return rowError('payment_reference', 'is required');
  if (paymentReference.length > 100) return rowError('payment_reference', 'is longer than 100 characters');

  const tenureText = text(fields.tenure);
  if (tenureText === null) return rowError('tenure', 'is required');
  const tenure = readCode(tenureText, TENURES);
  if (tenure === null) return rowError('tenure', `"${tenureText}" is not a tenure (one of ${TENURES.join(', ')})`);

  const landlordText = text(fields.landlord_type);
  const landlordType = landlordText === null ? null : readCode(landlordText, LANDLORD_TYPES);
  if (landlordText !== null && landlordType === null) return rowError('landlord_type', `"${landlordText}" is not a landlord type (one of ${LANDLORD_TYPES.join(', ')})`);

  const start = date(fields, 'start_date', true);
  if (!start.ok) return start;
  const startDate = start.value as BusinessDate;
  const end = date(fields, 'end_date', false);
  if (!end.ok) return end;
  if (end.value !== null && end.value < startDate) return rowError('end_date', `${end.value} is before start_date ${startDate}`);

  const frequencyText = text(fields.rent_frequency);
  const rentFrequency = frequencyText === null ? null : readCode(frequencyText, RENT_FREQUENCIES);
  if (frequencyText !== null && rentFrequency === null) return rowError('rent_frequency', `"${frequencyText}" is not a rent frequency (one of ${RENT_FREQUENCIES.join(', ')})`);

  const rentText = text(fields.weekly_rent);
  if (rentText === null) return rowError('weekly_rent', 'is required');
  const rent = readPounds(rentText);
  if (!rent.ok) return rowError('weekly_rent', rent.message);
  if (rent.value < 0) return rowError('weekly_rent', 'must not be negative');

  const from = date(fields, 'rent_from', false);
  if (!from.ok) return from;
  if (from.value !== null && from.value < startDate) return rowError('rent_from', `${from.value} is before start_date ${startDate}`);
  if (from.value !== null && end.value !== null && from.value > end.value) return rowError('rent_from', `${from.value} is after end_date ${end.value}`);

  const balanceText = text(fields.opening_balance);
  let openingBalancePence: Pence | null = null;
  if (balanceText !== null) {
    const balance = readPounds(balanceText);
    if (!balance.ok) return rowError('opening_balance', balance.message);
    openingBalancePence = balance.value;
  }

  const address = text(fields.address);
  if (address === null) return rowError('address', 'is required');
  if (address.length > MAX_TEXT) return rowError('address', `is longer than ${MAX_TEXT} characters`);
  // One line (contracts/cli-and-files.md): letters, notices and the pages print it as it is.
  if (/[\r\n]/.test(address)) return rowError('address', 'is on more than one line: give it on one line, its parts separated by commas');

  const postcodeText = text(fields.postcode);
  const postcode = postcodeText === null ? null : normalisePostcode(postcodeText);
  if (postcodeText !== null && postcode === null) return rowError('postcode', `"${postcodeText}" is not a UK postcode`);

  const patch = text(fields.patch);
  if (patch !== null && patch.length > 100) return rowError('patch', 'is longer than 100 characters');

  const namesText = text(fields.tenant_names);
  if (namesText === null) return rowError('tenant_names', 'is required');
  const tenantNames = namesText.split(' & ').map((n) => n.trim());
  if (tenantNames.some((n) => n === '')) return rowError('tenant_names', 'has an empty name (separate joint tenants with " & ")');
  if (tenantNames.some((n) => n.length > MAX_TEXT)) return rowError('tenant_names', `has a name longer than ${MAX_TEXT} characters`);

  const phone = text(fields.phone);
  if (phone !== null && !isPlausiblePhone(phone)) return rowError('phone', `"${phone}" is not a phone number`);
  const email = text(fields.email);
  if (email !== null && !isPlausibleEmail(email)) return rowError('email', `"${email}" is not an email address`);

  return rowOk({
    ref,
    paymentReference,
    tenure,
    landlordType,
    startDate,
    endDate: end.value,
    rentFrequency,
    weeklyRentPence: rent.value,
    rentFrom: from.value,
    openingBalancePence,
    address,
    postcode,
    patch,
    tenantNames,
    phone,
    email,
  });
}
