import { describe, expect, it } from 'vitest';
import type { TenancyFields } from './parse-tenancy-row';
import { normalisePostcode, parseTenancyRow } from './parse-tenancy-row';

const good: TenancyFields = {
  ref: 'TEN-000123',
  payment_reference: '100123',
  tenure: 'secure',
  landlord_type: '',
  start_date: '03/06/2019',
  end_date: '',
  rent_frequency: '',
  weekly_rent: '118.20',
  rent_from: '',
  opening_balance: '',
  address: '12 Example Road, Testtown',
  postcode: 'te12st',
  patch: 'North',
  tenant_names: 'A Tenant & B Tenant',
  phone: '+44 (0)1632 960001',
  email: 'a.tenant@example.org',
};

describe('parseTenancyRow', () => {
  it('reads a good row', () => {
    expect(parseTenancyRow(good)).toEqual({
      ok: true,
      value: {
        ref: 'TEN-000123',
        paymentReference: '100123',
        tenure: 'secure',
        landlordType: null,
        startDate: '2019-06-03',
        endDate: null,
        rentFrequency: null,
        weeklyRentPence: 11820,
        rentFrom: null,
        openingBalancePence: null,
        address: '12 Example Road, Testtown',
        postcode: 'TE1 2ST',
        patch: 'North',
        tenantNames: ['A Tenant', 'B Tenant'],
        phone: '+44 (0)1632 960001',
        email: 'a.tenant@example.org',
      },
    });
  });

  it.each<[string, TenancyFields, Record<string, unknown>]>([
    ['a negative opening balance (a credit)', { opening_balance: '-25.00' }, { openingBalancePence: -2500 }],
    ['a former tenancy', { end_date: '2024-03-31' }, { endDate: '2024-03-31' }],
    ['a landlord type and frequency', { landlord_type: 'Private Registered Provider', rent_frequency: 'monthly' }, { landlordType: 'private_registered_provider', rentFrequency: 'monthly' }],
    ['rent from a later date', { rent_from: '2026-04-06' }, { rentFrom: '2026-04-06' }],
    ['a zero rent', { weekly_rent: '0' }, { weeklyRentPence: 0 }],
    ['no contact details', { phone: '', email: undefined }, { phone: null, email: null }],
  ])('accepts %s', (_name, change, expected) => {
    const result = parseTenancyRow({ ...good, ...change });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each<[string, TenancyFields, string, RegExp]>([
    ['no ref', { ref: '' }, 'ref', /is required/],
    ['no payment reference', { payment_reference: '' }, 'payment_reference', /is required/],
    ['an unknown tenure', { tenure: 'freehold' }, 'tenure', /not a tenure/],
    ['an unknown landlord type', { landlord_type: 'council' }, 'landlord_type', /not a landlord type/],
    ['a bad start date', { start_date: '31/02/2019' }, 'start_date', /not a real calendar date/],
    ['no start date', { start_date: '' }, 'start_date', /is required/],
    ['a bad end date', { end_date: 'soon' }, 'end_date', /not a date/],
    ['an end before the start', { end_date: '2019-06-02' }, 'end_date', /before start_date/],
    ['an unknown frequency', { rent_frequency: 'daily' }, 'rent_frequency', /not a rent frequency/],
    ['no weekly rent', { weekly_rent: '' }, 'weekly_rent', /is required/],
    ['a rent in tenths of pence', { weekly_rent: '118.205' }, 'weekly_rent', /more than two decimal places/],
    ['a rent in words', { weekly_rent: 'about 100' }, 'weekly_rent', /not an amount/],
    ['a negative rent', { weekly_rent: '-1' }, 'weekly_rent', /negative/],
    ['rent from before the start', { rent_from: '2019-06-02' }, 'rent_from', /before start_date/],
    ['a bad opening balance', { opening_balance: '12,34' }, 'opening_balance', /not an amount/],
    ['no address', { address: ' ' }, 'address', /is required/],
    ['an address on two lines', { address: '1 A Street\nTesttown' }, 'address', /more than one line/],
    ['an address with a carriage return', { address: '1 A Street\r\nTesttown' }, 'address', /more than one line/],
    ['a bad postcode', { postcode: 'NOT A CODE' }, 'postcode', /not a UK postcode/],
    ['no tenant names', { tenant_names: '' }, 'tenant_names', /is required/],
    ['an empty joint tenant', { tenant_names: 'A Tenant &  & B' }, 'tenant_names', /empty name/],
    ['a bad phone', { phone: 'call me' }, 'phone', /not a phone number/],
    ['a short phone', { phone: '12345' }, 'phone', /not a phone number/],
    ['a bad email', { email: 'a.tenant@' }, 'email', /not an email address/],
    ['an email with spaces', { email: 'a tenant@example.org' }, 'email', /not an email address/],
  ])('rejects %s', (_name, change, field, message) => {
    const result = parseTenancyRow({ ...good, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message).toMatch(message);
    }
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['b33  8th', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['GIR 0AA', 'GIR 0AA'],
    ['12345', null],
    ['SW1A', null],
  ])('%s → %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });
});
