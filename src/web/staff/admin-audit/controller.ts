import type { Request, Response } from 'express';
import { isBusinessDate } from '../../../domain/calendar/business-date';
import { AUDIT_COUNT_LIMIT, auditCursorText, parseAuditCursor, searchAudit, type AuditCursor } from '../../../persistence/stores/audit-store';
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
      // Paged by key: the entries older than the last one shown, or newer than the first (audit-store.ts).
      const before = parseAuditCursor(queryString(req.query, 'before'));
      const after = before ? null : parseAuditCursor(queryString(req.query, 'after'));
      const { rows, matches, moreThanCounted, newer, older } = await searchAudit(ctx.db, {
        actor: q.actor || null,
        tenancyRef: q.ref || null,
        action: ACTIONS.includes(q.action) ? q.action : null,
        from: errors.from ? null : q.from || null,
        to: errors.to ? null : q.to || null,
        limit: AUDIT_PAGE_SIZE,
        before,
        after,
      });
      const href = (key: 'before' | 'after', cursor: AuditCursor) => {
        const p = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== ''));
        p.set(key, auditCursorText(cursor));
        return `/admin/audit?${p.toString()}`;
      };
      if (Object.keys(errors).length > 0) res.status(400);
      res.render('staff/admin-audit/audit.njk', {
        pageTitle: 'Audit log',
        q,
        errors,
        errorList: Object.entries(errors).map(([k, text]) => ({ text, href: `#${k}` })),
        actionItems: [{ value: '', text: 'Anything', selected: q.action === '' }, ...ACTIONS.map((a) => ({ value: a, text: a.replace(/_/g, ' '), selected: q.action === a }))],
        countText: moreThanCounted
          ? `More than ${AUDIT_COUNT_LIMIT.toLocaleString('en-GB')} entries: search by username, tenancy, what was done or dates to see fewer.`
          : `${matches.toLocaleString('en-GB')} ${matches === 1 ? 'entry' : 'entries'}`,
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
        pagination:
          newer || older
            ? {
                previous: newer ? { href: href('after', newer), text: 'Newer entries' } : undefined,
                next: older ? { href: href('before', older), text: 'Older entries' } : undefined,
              }
            : null,
      });
    },
  };
}
