import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

/**
 * Ends a tenancy (court and eviction, docs/court-and-eviction.md): sets `end_date` and `end_reason` once;
 * false when the tenancy had already ended (nothing is changed).
 */
export async function endTenancy(db: Db, tenancyId: number, endDate: BusinessDate, endReason: 'eviction' | 'abandonment' | 'deceased' | 'transfer' | 'notice' | 'other'): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `UPDATE tenancies SET end_date = $2, end_reason = $3, updated_at = now() WHERE id = $1 AND end_date IS NULL RETURNING id`,
    [tenancyId, endDate, endReason],
  );
  return rows.length === 1;
}
