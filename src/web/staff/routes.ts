import { Router } from 'express';
import type { WebContext } from '../context';
import { requireSignIn } from '../middleware/authorise';
import { accountRoutes } from './account/routes';
import { adminAuditRoutes } from './admin-audit/routes';
import { adminPatchRoutes } from './admin-patches/routes';
import { adminPolicyRoutes } from './admin-policy/routes';
import { adminUserRoutes } from './admin-users/routes';
import { approvalRoutes } from './approvals/routes';
import { benefitRoutes } from './benefits/routes';
import { courtRoutes } from './court/routes';
import { decisionRoutes } from './decisions/routes';
import { directDebitRoutes } from './direct-debits/routes';
import { legalRoutes } from './legal/routes';
import { letterRoutes } from './letters/routes';
import { moneyRoutes } from './money/routes';
import { recordRoutes } from './record/routes';
import { rentChangeRoutes } from './rent-change/routes';
import { searchRoutes } from './search/routes';
import { statementRoutes } from './statement/routes';
import { taskRoutes } from './tasks/routes';
import { worklistRoutes } from './worklist/routes';

/** Every signed-in page. Each feature's routes say which roles may use them. */
export function staffRoutes(ctx: WebContext): Router {
  const router = Router();
  router.use(requireSignIn());
  router.use(worklistRoutes(ctx));
  router.use(searchRoutes(ctx));
  router.use(statementRoutes(ctx));
  router.use(letterRoutes(ctx));
  router.use(recordRoutes(ctx));
  router.use(courtRoutes(ctx));
  router.use(moneyRoutes(ctx));
  router.use(directDebitRoutes(ctx));
  router.use(rentChangeRoutes(ctx));
  router.use(legalRoutes(ctx));
  router.use(benefitRoutes(ctx));
  router.use(taskRoutes(ctx));
  router.use(decisionRoutes(ctx));
  router.use(accountRoutes(ctx));
  router.use(approvalRoutes(ctx));
  router.use(adminUserRoutes(ctx));
  router.use(adminPatchRoutes(ctx));
  router.use(adminPolicyRoutes(ctx));
  router.use(adminAuditRoutes(ctx));
  return router;
}
