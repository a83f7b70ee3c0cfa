import { Router } from 'express';
import { canSeeCases } from '../../../application/users/permissions';
import type { WebContext } from '../../context';
import { requireCapability } from '../../middleware/authorise';
import { moneyController } from './controller';

/** Income and expenditure and repayment arrangements (docs/money-workflows.md): everyone who sees cases reads; officers on the patch, seniors and managers record. */
export function moneyRoutes(ctx: WebContext): Router {
  const c = moneyController(ctx);
  const router = Router();
  const cases = requireCapability(canSeeCases);
  router.get('/tenancies/:ref/money', cases, c.show);
  router.get('/tenancies/:ref/money/income-expenditure', cases, c.showIncomeExpenditure);
  router.post('/tenancies/:ref/money/income-expenditure', cases, c.submitIncomeExpenditure);
  router.get('/tenancies/:ref/money/arrangement', cases, c.showArrangement);
  router.post('/tenancies/:ref/money/arrangement', cases, c.submitArrangement);
  router.post('/tenancies/:ref/money/arrangements/:id/cancel', cases, c.cancel);
  return router;
}
