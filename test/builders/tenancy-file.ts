import { csvText, type CsvTextOptions } from './csv';

export const TENANCY_COLUMNS = [
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
export type TenancyColumn = (typeof TENANCY_COLUMNS)[number];

/** One tenancy row: a secure tenancy at £118.20 a week, unless overridden. */
export function aTenancyRow(overrides: Partial<Record<TenancyColumn, string>> = {}): Record<string, string> {
  return {
    ref: 'TEN-000001',
    payment_reference: '100001',
    tenure: 'secure',
    landlord_type: 'local_authority',
    start_date: '2019-06-03',
    end_date: '',
    rent_frequency: 'weekly',
    weekly_rent: '118.20',
    rent_from: '',
    opening_balance: '',
    address: '12 Example Road, Testtown',
    postcode: 'TE1 2ST',
    patch: 'North',
    tenant_names: 'A Tenant',
    phone: '01632 960001',
    email: 'a.tenant@example.org',
    ...overrides,
  };
}

export function tenancyFile(rows: readonly Record<string, string>[], options: CsvTextOptions & { columns?: readonly string[] } = {}): string {
  return csvText(options.columns ?? TENANCY_COLUMNS, rows, options);
}
