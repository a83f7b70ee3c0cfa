import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export type Tenure = 'secure' | 'introductory' | 'flexible' | 'assured' | 'starter' | 'licence' | 'non_secure';
export const TENURES: readonly Tenure[] = ['secure', 'introductory', 'flexible', 'assured', 'starter', 'licence', 'non_secure'];
export type LandlordType = 'local_authority' | 'private_registered_provider';
export const LANDLORD_TYPES: readonly LandlordType[] = ['local_authority', 'private_registered_provider'];
export type RentFrequency = 'weekly' | 'fortnightly' | 'four_weekly' | 'monthly';
export const RENT_FREQUENCIES: readonly RentFrequency[] = ['weekly', 'fortnightly', 'four_weekly', 'monthly'];

export interface TenantDetails {
  name: string;
  phone?: string | null;
  email?: string | null;
  hasForwardingAddress?: boolean;
  forwardingAddress?: string | null;
}

export interface TenancyDetails {
  ref: string;
  paymentReference: string;
  tenure: Tenure;
  landlordType: LandlordType;
  startDate: BusinessDate;
  endDate: BusinessDate | null;
  endReason: string | null;
  rentFrequency: RentFrequency;
  address: string | null;
  postcode: string | null;
  patchName: string | null;
  tenants: TenantDetails[];
}

export interface TenancyRow {
  id: number;
  ref: string;
  payment_reference: string;
  tenure: Tenure;
  landlord_type: LandlordType;
  start_date: BusinessDate;
  end_date: BusinessDate | null;
  end_reason: string | null;
  rent_frequency: RentFrequency;
  patch_id: number | null;
  patch_name: string | null;
  address: string | null;
  postcode: string | null;
}

const SELECT_TENANCY = `
  SELECT t.id, t.ref, t.payment_reference, t.tenure, t.landlord_type, t.start_date, t.end_date, t.end_reason,
         t.rent_frequency, t.patch_id, pa.name AS patch_name, pr.address, pr.postcode
  FROM tenancies t
  LEFT JOIN properties pr ON pr.id = t.property_id
  LEFT JOIN patches pa ON pa.id = t.patch_id`;

export async function findTenancyByRef(db: Db, ref: string): Promise<TenancyRow | null> {
  const rows = await db.query<TenancyRow>(`${SELECT_TENANCY} WHERE t.ref = $1`, [ref]);
  return rows[0] ?? null;
}

export async function findTenancyById(db: Db, id: number): Promise<TenancyRow | null> {
  const rows = await db.query<TenancyRow>(`${SELECT_TENANCY} WHERE t.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Payment reference → tenancy id, for the references given (one query). */
export async function tenancyIdsByPaymentReference(db: Db, references: readonly string[]): Promise<Map<string, number>> {
  if (references.length === 0) return new Map();
  const rows = await db.query<{ id: number; payment_reference: string }>(
    `SELECT id, payment_reference FROM tenancies WHERE payment_reference = ANY($1::text[])`,
    [[...new Set(references)]],
  );
  return new Map(rows.map((r) => [r.payment_reference, r.id]));
}

export async function listTenants(db: Db, tenancyId: number): Promise<(TenantDetails & { position: number })[]> {
  const rows = await db.query<{ position: number; name: string; phone: string | null; email: string | null; has_forwarding_address: boolean; forwarding_address: string | null }>(
    `SELECT position, name, phone, email, has_forwarding_address, forwarding_address FROM tenants WHERE tenancy_id = $1 ORDER BY position`,
    [tenancyId],
  );
  return rows.map((r) => ({ position: r.position, name: r.name, phone: r.phone, email: r.email, hasForwardingAddress: r.has_forwarding_address, forwardingAddress: r.forwarding_address }));
}

/** The patch's id, created when new. */
export async function patchId(db: Db, name: string): Promise<number> {
  const existing = await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = $1`, [name]);
  if (existing[0]) return existing[0].id;
  const inserted = await db.query<{ id: number }>(`INSERT INTO patches (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [name]);
  return inserted[0]!.id;
}

async function replaceTenants(db: Db, tenancyId: number, tenants: readonly TenantDetails[]): Promise<void> {
  await db.query(`DELETE FROM tenants WHERE tenancy_id = $1`, [tenancyId]);
  let position = 0;
  for (const t of tenants) {
    position += 1;
    await db.query(
      `INSERT INTO tenants (tenancy_id, position, name, phone, email, has_forwarding_address, forwarding_address) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenancyId, position, t.name, t.phone ?? null, t.email ?? null, t.hasForwardingAddress ?? false, t.forwardingAddress ?? null],
    );
  }
}

/** Creates a tenancy with its property, patch and tenants; returns its id. */
export async function createTenancy(db: Db, details: TenancyDetails): Promise<number> {
  return db.transaction(async (tx) => {
    const pid = details.patchName ? await patchId(tx, details.patchName) : null;
    let propertyId: number | null = null;
    if (details.address) {
      const [p] = await tx.query<{ id: number }>(`INSERT INTO properties (address, postcode, patch_id) VALUES ($1, $2, $3) RETURNING id`, [details.address, details.postcode, pid]);
      propertyId = p!.id;
    }
    const [t] = await tx.query<{ id: number }>(
      `INSERT INTO tenancies (ref, payment_reference, property_id, patch_id, tenure, landlord_type, start_date, end_date, end_reason, rent_frequency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [details.ref, details.paymentReference, propertyId, pid, details.tenure, details.landlordType, details.startDate, details.endDate, details.endReason, details.rentFrequency],
    );
    await replaceTenants(tx, t!.id, details.tenants);
    return t!.id;
  });
}

/** Updates a tenancy's details (never its ledger). */
export async function updateTenancyDetails(db: Db, tenancyId: number, details: TenancyDetails): Promise<void> {
  await db.transaction(async (tx) => {
    const pid = details.patchName ? await patchId(tx, details.patchName) : null;
    const [current] = await tx.query<{ property_id: number | null }>(`SELECT property_id FROM tenancies WHERE id = $1`, [tenancyId]);
    let propertyId = current?.property_id ?? null;
    if (details.address) {
      if (propertyId === null) {
        const [p] = await tx.query<{ id: number }>(`INSERT INTO properties (address, postcode, patch_id) VALUES ($1, $2, $3) RETURNING id`, [details.address, details.postcode, pid]);
        propertyId = p!.id;
      } else {
        await tx.query(`UPDATE properties SET address = $2, postcode = $3, patch_id = $4 WHERE id = $1`, [propertyId, details.address, details.postcode, pid]);
      }
    }
    await tx.query(
      `UPDATE tenancies SET payment_reference = $2, property_id = $3, patch_id = $4, tenure = $5, landlord_type = $6, start_date = $7,
         end_date = $8, end_reason = $9, rent_frequency = $10, updated_at = now() WHERE id = $1`,
      [tenancyId, details.paymentReference, propertyId, pid, details.tenure, details.landlordType, details.startDate, details.endDate, details.endReason, details.rentFrequency],
    );
    await replaceTenants(tx, tenancyId, details.tenants);
  });
}

export async function addChargeScheduleEntry(
  db: Db,
  entry: { tenancyId: number; subAccount?: string; effectiveFrom: BusinessDate; weeklyPence: number; reason?: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO charge_schedules (tenancy_id, sub_account, effective_from, weekly_pence, reason) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenancy_id, sub_account, effective_from) DO NOTHING`,
    [entry.tenancyId, entry.subAccount ?? 'rent', entry.effectiveFrom, entry.weeklyPence, entry.reason ?? null],
  );
}

/** Adds charge-schedule entries in one statement; an entry for a sub-account and date already scheduled is skipped. */
export async function addChargeScheduleEntries(
  db: Db,
  entries: readonly { tenancyId: number; subAccount: string; effectiveFrom: BusinessDate; weeklyPence: number; reason: string | null }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO charge_schedules (tenancy_id, sub_account, effective_from, weekly_pence, reason)
     SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::bigint[], $5::text[])
     ON CONFLICT (tenancy_id, sub_account, effective_from) DO NOTHING`,
    [entries.map((e) => e.tenancyId), entries.map((e) => e.subAccount), entries.map((e) => e.effectiveFrom), entries.map((e) => e.weeklyPence), entries.map((e) => e.reason)],
  );
}

export async function addRentFreeWeeks(db: Db, tenancyId: number | null, mondays: readonly BusinessDate[]): Promise<void> {
  for (const monday of mondays) {
    await db.query(`INSERT INTO rent_free_weeks (tenancy_id, week_commencing) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [tenancyId, monday]);
  }
}
