import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import { formatPounds } from '../../../domain/money/pence';
import { addressLine } from '../../../domain/statements/statement';
import { searchTenancies } from '../../../persistence/stores/account-view-store';
import { auditContext, todayOf, type WebContext } from '../../context';
import { queryString } from '../../forms';
import { actionLabel } from '../../labels';

export const SEARCH_LIMIT = 50;

/** GET /search?q=: by tenancy ref, payment reference, name, address or postcode (prefix matches). */
export function searchController(ctx: WebContext) {
  return {
    async search(req: Request, res: Response) {
      const q = queryString(req.query, 'q').replace(/\s+/g, ' ').slice(0, 100);
      const searched = 'q' in (req.query as object);
      const errors: Record<string, string> = {};
      if (searched && q.length < 2) errors.q = 'Enter at least 2 characters to search for';
      const rows = searched && !errors.q ? await searchTenancies(ctx.db, q, SEARCH_LIMIT + 1) : [];
      const today = await todayOf(ctx, req);
      if (searched && !errors.q) {
        await audit(ctx.db, auditContext(ctx, req), [
          { action: 'read', entity: 'search', details: { query: q, results: rows.length, tenancyRefs: rows.slice(0, SEARCH_LIMIT).map((r) => r.ref) } },
        ]);
      }
      if (Object.keys(errors).length > 0) res.status(400);
      res.render('staff/search/search.njk', {
        pageTitle: searched && q ? `Search: ${q}` : 'Search',
        q,
        searched: searched && !errors.q,
        errors,
        errorList: errors.q ? [{ text: errors.q, href: '#q' }] : [],
        truncated: rows.length > SEARCH_LIMIT,
        results: rows.slice(0, SEARCH_LIMIT).map((r) => ({
          ref: r.ref,
          href: `/tenancies/${encodeURIComponent(r.ref)}`,
          paymentReference: r.payment_reference,
          names: r.names ?? '',
          address: addressLine(r.address, r.postcode) ?? '',
          patch: r.patch_name ?? '',
          former: r.end_date !== null && r.end_date <= today,
          action: r.action ? actionLabel(r.action) : 'Not assessed',
          arrears: r.real_arrears_pence === null ? '' : formatPounds(r.real_arrears_pence),
        })),
      });
    },
  };
}
