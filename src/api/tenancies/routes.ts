import { Router, type Request, type Response } from 'express';
import { loadAccountView, recentLedgerFrom } from '../../application/account/account-view';
import { audit } from '../../application/audit/audit';
import { caseToView } from '../../application/case-events/case-access';
import { actorOf, auditContext, type WebContext } from '../../web/context';
import { sendProblem } from '../problem';

/** GET /api/v1/tenancies/{ref}: the account as JSON (404 unknown, 403 not allowed), as the page shows it. */
export function tenanciesApi(ctx: WebContext): Router {
  const router = Router();
  router.get('/tenancies/:ref', async (req: Request, res: Response) => {
    const actor = actorOf(req);
    const access = await caseToView(ctx.db, actor, String(req.params.ref ?? ''));
    if (!access.ok) {
      if (access.reason === 'not_found') sendProblem(res, 404, 'Not Found', 'There is no tenancy with this reference');
      else sendProblem(res, 403, 'Forbidden', 'Your role does not include casework');
      return;
    }
    const t = access.tenancy;
    const today = await ctx.today();
    const view = await loadAccountView(ctx.db, actor, t, today, { ledgerFrom: recentLedgerFrom(today) });
    await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'tenancy', entityId: t.ref, tenancyId: t.id, details: { api: true } }]);
    res.json({
      tenancyRef: t.ref,
      paymentReference: t.payment_reference,
      tenure: t.tenure,
      patch: t.patch_name,
      startDate: t.start_date,
      endDate: t.end_date,
      tenants: view.tenantNames,
      address: t.address,
      postcode: t.postcode,
      balancePence: view.balancePence,
      subAccounts: view.ledgers.map((l) => ({ kind: l.subAccount, balancePence: l.balancePence })),
      assessment: view.assessment ? { ...view.assessment.result, policyVersion: view.assessment.policy_version, trace: view.assessment.trace } : null,
      flags: { vulnerable: view.flags.vulnerabilities.length > 0, breathingSpace: view.flags.breathingSpace !== null, dispute: view.flags.openDisputes.length > 0 },
      legalStage: view.flags.legalStage.label,
      canAct: view.canAct,
    });
  });
  return router;
}
