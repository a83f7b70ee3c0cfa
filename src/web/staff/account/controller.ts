import type { Request, Response } from 'express';
import { loadAccountHeader, loadAccountView, recentLedgerFrom } from '../../../application/account/account-view';
import { audit } from '../../../application/audit/audit';
import { caseToView } from '../../../application/case-events/case-access';
import { formatLongDate } from '../../../domain/statements/dates';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { readTogether } from '../../../persistence/read-together';
import { listTenantContacts } from '../../../persistence/stores/account-view-store';
import type { Db } from '../../../persistence/database';
import type { TenancyRow } from '../../../persistence/stores/tenancy-store';
import { actorOf, auditContext, auditTenancyPageRead, todayOf, type WebContext } from '../../context';
import { queryString } from '../../forms';
import { HttpError } from '../../http-error';
import { TIMELINE_GROUPS } from '../../labels';
import { buildTimelinePage } from './timeline-view-model';
import { accountHeader, accountNavigation, buildAccountPage } from './view-model';

/** The tenancy of `:ref` when the actor may see it: 404 unknown, 403 not allowed. Read through `db` when given. */
export async function tenancyForView(ctx: WebContext, req: Request, db: Db = ctx.db): Promise<TenancyRow> {
  const access = await caseToView(db, actorOf(req), String(req.params.ref ?? ''));
  if (!access.ok) throw new HttpError(access.reason === 'not_found' ? 404 : 403, access.reason === 'not_found' ? 'There is no tenancy with this reference' : undefined);
  return access.tenancy;
}

/**
 * The tenancy of `:ref` and the business date. The date comes with the session's read (`todayOf`): then the tenancy
 * is read at once, alone; else the two go together in one round trip (`reads`).
 */
async function tenancyAndToday(ctx: WebContext, req: Request, reads: Db): Promise<[TenancyRow, BusinessDate]> {
  const known = req.webSession?.businessDate;
  if (known !== undefined) return [await tenancyForView(ctx, req), known];
  return Promise.all([tenancyForView(ctx, req, reads), ctx.today(reads)]);
}

export function accountController(ctx: WebContext) {
  return {
    async show(req: Request, res: Response) {
      // After the session's round trip (with the business date), two: the tenancy, then the account's reads with
      // the audit of them, together (`readTogether`; audited only when read).
      const reads = readTogether(ctx.db);
      const [tenancy, today] = await tenancyAndToday(ctx, req, reads);
      const fullLedger = queryString(req.query, 'ledger') === 'all';
      const [view] = await Promise.all([
        loadAccountView(reads, actorOf(req), tenancy, today, fullLedger ? {} : { ledgerFrom: recentLedgerFrom(today) }),
        auditTenancyPageRead(ctx, req, tenancy, 'account', reads),
      ]);
      res.render('staff/account/account.njk', buildAccountPage(view, today, { fullLedger }));
    },

    async timeline(req: Request, res: Response) {
      const reads = readTogether(ctx.db);
      const [tenancy, today] = await tenancyAndToday(ctx, req, reads);
      const [view] = await Promise.all([loadAccountView(reads, actorOf(req), tenancy, today), auditTenancyPageRead(ctx, req, tenancy, 'timeline', reads)]);
      const type = queryString(req.query, 'type');
      res.render('staff/account/timeline.njk', buildTimelinePage(view, today, type in TIMELINE_GROUPS ? type : null));
    },

    async household(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      const today = await todayOf(ctx, req);
      const view = await loadAccountHeader(ctx.db, actorOf(req), tenancy, today);
      const contacts = await listTenantContacts(ctx.db, tenancy.id);
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'tenancy_contact', entityId: tenancy.ref, tenancyId: tenancy.id, details: { tenants: contacts.length } }]);
      const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
      res.render('staff/account/household.njk', {
        pageTitle: `${tenancy.ref}: household and contact details`,
        header: accountHeader(view, today),
        subNavigation: accountNavigation(tenancy.ref, 'household'),
        propertyRows: [row('Address', tenancy.address ?? 'Not recorded'), row('Postcode', tenancy.postcode ?? 'Not recorded'), row('Patch', tenancy.patch_name ?? 'None')],
        tenants: contacts.map((c) => ({
          position: c.position,
          name: c.name,
          rows: [
            row('Phone', c.phone ?? 'Not recorded'),
            row('Email', c.email ?? 'Not recorded'),
            row('Date of birth', c.date_of_birth ? formatLongDate(c.date_of_birth) : 'Not recorded'),
            row('Forwarding address', c.forwarding_address ?? (c.has_forwarding_address ? 'Known (not recorded here)' : 'None')),
          ],
        })),
      });
    },
  };
}
