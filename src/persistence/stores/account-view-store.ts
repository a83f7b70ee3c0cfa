import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export interface BenefitClaimRow {
  type: string;
  status: string;
  from_date: BusinessDate;
  weekly_pence: number | null;
  paid_every_weeks: number | null;
  evidence_complete: boolean | null;
  housing_costs_to: string | null;
  monthly_housing_pence: number | null;
}

export async function listBenefitClaims(db: Db, tenancyId: number): Promise<BenefitClaimRow[]> {
  return db.query<BenefitClaimRow>(
    `SELECT type, status, from_date, weekly_pence, paid_every_weeks, evidence_complete, housing_costs_to, monthly_housing_pence
     FROM benefit_claims WHERE tenancy_id = $1 ORDER BY position, id`,
    [tenancyId],
  );
}

export interface TenantContactRow {
  position: number;
  name: string;
  phone: string | null;
  email: string | null;
  date_of_birth: BusinessDate | null;
  has_forwarding_address: boolean;
  forwarding_address: string | null;
}

export async function listTenantContacts(db: Db, tenancyId: number): Promise<TenantContactRow[]> {
  return db.query<TenantContactRow>(
    `SELECT position, name, phone, email, date_of_birth, has_forwarding_address, forwarding_address FROM tenants WHERE tenancy_id = $1 ORDER BY position`,
    [tenancyId],
  );
}

export interface SearchRow {
  id: number;
  ref: string;
  payment_reference: string;
  patch_id: number | null;
  patch_name: string | null;
  address: string | null;
  postcode: string | null;
  names: string | null;
  end_date: BusinessDate | null;
  action: string | null;
  real_arrears_pence: number | null;
}

/**
 * Tenancies matching `q` by reference or payment reference (prefix, any case), a tenant's name (the whole
 * name or the surname, prefix), the address (the whole line, or from the street name on, prefix) or the
 * postcode (prefix, spaces ignored). Every condition is served by a B-tree index of migration 0004.
 */
export async function searchTenancies(db: Db, q: string, limit: number): Promise<SearchRow[]> {
  const upper = q.toUpperCase();
  const lower = q.toLowerCase();
  const postcode = upper.replace(/\s+/g, '');
  const like = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.query<SearchRow>(
    `WITH hits AS (
       SELECT id FROM tenancies WHERE upper(ref) LIKE $1
       UNION SELECT id FROM tenancies WHERE upper(payment_reference) LIKE $1
       UNION SELECT tenancy_id FROM tenants WHERE lower(name) LIKE $2
       UNION SELECT tenancy_id FROM tenants WHERE lower(regexp_replace(name, '^.*\\s', '')) LIKE $2
       UNION SELECT t.id FROM properties p JOIN tenancies t ON t.property_id = p.id WHERE lower(p.address) LIKE $2
       UNION SELECT t.id FROM properties p JOIN tenancies t ON t.property_id = p.id WHERE lower(regexp_replace(p.address, '^.*[0-9]\\S*\\s+', '')) LIKE $2
       UNION SELECT t.id FROM properties p JOIN tenancies t ON t.property_id = p.id WHERE upper(replace(p.postcode, ' ', '')) LIKE $3
     )
     SELECT t.id, t.ref, t.payment_reference, t.patch_id, pa.name AS patch_name, pr.address, pr.postcode, t.end_date,
            (SELECT string_agg(tn.name, ' & ' ORDER BY tn.position) FROM tenants tn WHERE tn.tenancy_id = t.id) AS names,
            c.action, c.real_arrears_pence
     FROM hits h JOIN tenancies t ON t.id = h.id
     LEFT JOIN properties pr ON pr.id = t.property_id
     LEFT JOIN patches pa ON pa.id = t.patch_id
     LEFT JOIN current_assessments c ON c.tenancy_id = t.id
     ORDER BY (upper(t.ref) = $4) DESC, t.ref
     LIMIT $5`,
    [like(upper), like(lower), like(postcode), upper, limit],
  );
}
