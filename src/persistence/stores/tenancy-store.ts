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
    await insertTenants(tx, [{ tenancyId: t!.id, tenants: details.tenants }]);
    return t!.id;
  });
}

/** The ids of the named patches, each created when new (one statement to create, one to read). */
export async function patchIdsByName(db: Db, names: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  const ids = new Map<string, number>();
  if (unique.length === 0) return ids;
  await db.query(`INSERT INTO patches (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [unique]);
  for (const p of await db.query<{ id: number; name: string }>(`SELECT id, name FROM patches WHERE name = ANY($1::text[])`, [unique])) ids.set(p.name, p.id);
  return ids;
}

/**
 * Inserts properties in one statement and gives their ids in the order given (the ids are drawn from the
 * sequence first: the order of an INSERT's RETURNING rows is not promised).
 */
export async function insertProperties(db: Db, properties: readonly { address: string; postcode: string | null; patchId: number | null }[]): Promise<number[]> {
  if (properties.length === 0) return [];
  const ids = (
    await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('properties', 'id'))::bigint AS id FROM generate_series(1, $1::int)`, [properties.length])
  ).map((r) => Number(r.id));
  await db.query(`INSERT INTO properties (id, address, postcode, patch_id) OVERRIDING SYSTEM VALUE SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[])`, [
    ids,
    properties.map((p) => p.address),
    properties.map((p) => p.postcode),
    properties.map((p) => p.patchId),
  ]);
  return ids;
}

/**
 * Replaces the details of existing tenancies (a tenancy file's changed rows), never their ledgers, in a
 * handful of statements for the whole list: the patches, the properties (a new one for a tenancy without,
 * given an address), the tenancies' own columns and their tenants. A tenancy listed twice takes its last
 * details.
 */
export async function updateTenanciesDetails(db: Db, updates: readonly { tenancyId: number; details: TenancyDetails }[]): Promise<void> {
  const byTenancy = new Map(updates.map((u) => [u.tenancyId, u.details]));
  if (byTenancy.size === 0) return;
  await db.transaction(async (tx) => {
    const tenancyIds = [...byTenancy.keys()];
    const patchIds = await patchIdsByName(tx, [...byTenancy.values()].flatMap((d) => (d.patchName ? [d.patchName] : [])));
    const patchOf = (d: TenancyDetails) => (d.patchName ? (patchIds.get(d.patchName) ?? null) : null);
    const propertyIds = new Map<number, number | null>();
    for (const r of await tx.query<{ id: number; property_id: number | null }>(`SELECT id, property_id FROM tenancies WHERE id = ANY($1::int[])`, [tenancyIds])) {
      propertyIds.set(r.id, r.property_id);
    }
    // Given an address: the tenancy's property is updated, or a new one made for a tenancy without.
    const addressed = tenancyIds.filter((id) => byTenancy.get(id)!.address);
    const propertyOf = (id: number) => {
      const d = byTenancy.get(id)!;
      return { address: d.address!, postcode: d.postcode, patchId: patchOf(d) };
    };
    const withoutProperty = addressed.filter((id) => (propertyIds.get(id) ?? null) === null);
    const newIds = await insertProperties(tx, withoutProperty.map(propertyOf));
    withoutProperty.forEach((tenancyId, i) => propertyIds.set(tenancyId, newIds[i]!));
    const fresh = new Set(withoutProperty);
    const updated = addressed.filter((id) => !fresh.has(id));
    if (updated.length > 0) {
      const props = updated.map(propertyOf);
      await tx.query(
        `UPDATE properties p SET address = u.address, postcode = u.postcode, patch_id = u.patch_id
         FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) AS u (id, address, postcode, patch_id) WHERE p.id = u.id`,
        [updated.map((id) => propertyIds.get(id)), props.map((p) => p.address), props.map((p) => p.postcode), props.map((p) => p.patchId)],
      );
    }
    const property = (id: number) => propertyIds.get(id) ?? null;
    const details = tenancyIds.map((id) => byTenancy.get(id)!);
    await tx.query(
      `UPDATE tenancies t SET payment_reference = u.payment_reference, property_id = u.property_id, patch_id = u.patch_id, tenure = u.tenure,
         landlord_type = u.landlord_type, start_date = u.start_date, end_date = u.end_date, end_reason = u.end_reason, rent_frequency = u.rent_frequency,
         updated_at = now()
       FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::date[], $8::date[], $9::text[], $10::text[])
         AS u (id, payment_reference, property_id, patch_id, tenure, landlord_type, start_date, end_date, end_reason, rent_frequency)
       WHERE t.id = u.id`,
      [
        tenancyIds,
        details.map((d) => d.paymentReference),
        tenancyIds.map(property),
        details.map(patchOf),
        details.map((d) => d.tenure),
        details.map((d) => d.landlordType),
        details.map((d) => d.startDate),
        details.map((d) => d.endDate),
        details.map((d) => d.endReason),
        details.map((d) => d.rentFrequency),
      ],
    );
    await tx.query(`DELETE FROM tenants WHERE tenancy_id = ANY($1::int[])`, [tenancyIds]);
    await insertTenants(tx, tenancyIds.map((tenancyId) => ({ tenancyId, tenants: byTenancy.get(tenancyId)!.tenants })));
  });
}

/** Inserts the tenants of several tenancies in one statement, each list in its order (positions 1, 2, …). */
export async function insertTenants(db: Db, lists: readonly { tenancyId: number; tenants: readonly TenantDetails[] }[]): Promise<void> {
  const tenants = lists.flatMap(({ tenancyId, tenants: list }) => list.map((t, i) => ({ tenancyId, position: i + 1, ...t })));
  if (tenants.length === 0) return;
  await db.query(
    `INSERT INTO tenants (tenancy_id, position, name, phone, email, has_forwarding_address, forwarding_address)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[])`,
    [
      tenants.map((t) => t.tenancyId),
      tenants.map((t) => t.position),
      tenants.map((t) => t.name),
      tenants.map((t) => t.phone ?? null),
      tenants.map((t) => t.email ?? null),
      tenants.map((t) => t.hasForwardingAddress ?? false),
      tenants.map((t) => t.forwardingAddress ?? null),
    ],
  );
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
