import type { Request, Response } from 'express';
import { isBusinessDate } from '../../../domain/calendar/business-date';
import { searchAudit } from '../../../persistence/stores/audit-store';
import type { WebContext } from '../../context';
import { queryString, type FieldErrors } from '../../forms';
import { formatDateTime } from '../../nunjucks';

export const AUDIT_PAGE_SIZE = 100;
const ACTIONS = ['read', 'create', 'update', 'sign_in', 'sign_in_failed', 'sign_out'];

/** GET /admin/audit: administrators search the audit log (by person, tenancy, kind and dates). */
export function adminAuditController(ctx: WebContext) {
  return {
    async search(req: Request, res: Response) {
      const q = {
        actor: queryString(req.query, 'actor').toLowerCase().slice(0, 100),
        ref: queryString(req.query, 'ref').slice(0, 50),
        action: queryString(req.query, 'action'),
        from: queryString(req.query, 'from'),
        to: queryString(req.query, 'to'),
      };
      const errors: FieldErrors = {};
      if (q.from && !isBusinessDate(q.from)) errors.from = 'Enter the from date as YYYY-MM-DD';
      if (q.to && !isBusinessDate(q.to)) errors.to = 'Enter the to date as YYYY-MM-DD';
      const pageRaw = Number(queryString(req.query, 'page'));
      const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100_000 ? pageRaw : 1;
      const { rows, total } = await searchAudit(ctx.db, {
        actor: q.actor || null,
        tenancyRef: q.ref || null,
        action: ACTIONS.includes(q.action) ? q.action : null,
        from: errors.from ? null : q.from || null,
        to: errors.to ? null : q.to || null,
        limit: AUDIT_PAGE_SIZE,
        offset: (page - 1) * AUDIT_PAGE_SIZE,
      });
      const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
      const href = (n: number) => {
        const p = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== ''));
        if (n > 1) p.set('page', String(n));
        const s = p.toString();
        return `/admin/audit${s ? `?${s}` : ''}`;
      };
      if (Object.keys(errors).length > 0) res.status(400);
      res.render('staff/admin-audit/audit.njk', {
        pageTitle: 'Audit log',
        q,
        errors,
        errorList: Object.entries(errors).map(([k, text]) => ({ text, href: `#${k}` })),
        actionItems: [{ value: '', text: 'Anything', selected: q.action === '' }, ...ACTIONS.map((a) => ({ value: a, text: a.replace(/_/g, ' '), selected: q.action === a }))],
        total,
        entries: rows.map((r) => ({
          at: formatDateTime(r.at),
          actor: r.actor,
          action: r.action.replace(/_/g, ' '),
          entity: r.entity.replace(/_/g, ' '),
          entityId: r.entity_id,
          ref: r.tenancy_ref ?? '',
          origin: r.origin ?? '',
          details: Object.keys(r.details).length > 0 ? JSON.stringify(r.details).slice(0, 300) : '',
        })),
        pagination: pages > 1 ? { previous: page > 1 ? { href: href(page - 1) } : undefined, next: page < pages ? { href: href(page + 1) } : undefined } : null,
      });
    },
  };
}
