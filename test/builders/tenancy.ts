import type { Db } from '../../src/persistence/database';
import { createTenancy, type TenancyDetails } from '../../src/persistence/stores/tenancy-store';

/** A current secure tenancy of a local authority on a patch (created when new), one tenant; returns its id. */
export function aTenancyOnPatch(db: Db, ref: string, patchName: string, overrides: Partial<TenancyDetails> = {}): Promise<number> {
  return createTenancy(db, {
    ref,
    paymentReference: `P-${ref}`,
    tenure: 'secure',
    landlordType: 'local_authority',
    startDate: '2026-01-05',
    endDate: null,
    endReason: null,
    rentFrequency: 'weekly',
    address: `1 ${ref} Street`,
    postcode: 'AB1 2CD',
    patchName,
    tenants: [{ name: `Tenant ${ref}` }],
    ...overrides,
  });
}
