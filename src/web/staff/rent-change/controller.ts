import type { Request, Response } from 'express';
import type { RentChangePlan } from '../../../application/rent-change/rent-change';
import { applyRentChange, directDebitByTenancy, planRentChange, RentChangeRefused } from '../../../application/rent-change/rent-change';
import { audit } from '../../../application/audit/audit';
import { addDays } from '../../../domain/calendar/business-date';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import { actorOf, auditContext, todayOf, type WebContext } from '../../context';
import { bodyString, dateParts, errorList, type FieldErrors } from '../../forms';
import { RENT_CHANGE_FIELD_IDS, readRentChangeForm, SUB_ACCOUNT_ITEMS } from './form';

const SUB_ACCOUNT_WORDS: Record<string, string> = { rent: 'Rent', service_charge: 'Service charge' };

export function planView(plan: RentChangePlan) {
  const dd = directDebitByTenancy(plan);
  return {
    effective: formatLongDate(plan.effectiveFrom),
    rows: plan.items.map((i) => {
      const d = dd.get(i.tenancyId);
      return {
        ref: i.ref,
        subAccount: SUB_ACCOUNT_WORDS[i.subAccount] ?? i.subAccount,
        oldWeekly: formatPounds(i.oldWeeklyPence),
        newWeekly: formatPounds(i.newWeeklyPence),
        change: formatPounds(i.newWeeklyPence - i.oldWeeklyPence),
        applied: i.alreadyApplied,
        directDebit: d ? `${formatPounds(d.oldAmountPence)} to ${formatPounds(d.newAmountPence)} ${d.frequency === 'monthly' ? 'a month' : 'a week'} from ${formatLongDate(d.firstCollectionOn)} (notice by ${formatLongDate(d.noticeBy)})` : '',
      };
    }),
    totals: { tenancies: plan.totals.tenancies, oldWeekly: formatPounds(plan.totals.oldWeeklyPence), newWeekly: formatPounds(plan.totals.newWeeklyPence), change: formatPounds(plan.totals.newWeeklyPence - plan.totals.oldWeeklyPence) },
    toApply: plan.items.filter((i) => !i.alreadyApplied).length,
  };
}

export function rentChangeController(ctx: WebContext) {
  const render = async (req: Request, res: Response, values: Record<string, string>, errors: FieldErrors, extra: { preview?: ReturnType<typeof planView>; applied?: { ref: string; href: string }[]; appliedCount?: number } = {}) => {
    const today = await todayOf(ctx, req);
    res.render('staff/rent-change/rent-change.njk', {
      pageTitle: `${Object.keys(errors).length > 0 ? 'Error: ' : ''}Rent and service-charge change`,
      values,
      errors,
      errorList: errorList(errors, RENT_CHANGE_FIELD_IDS),
      subAccountItems: SUB_ACCOUNT_ITEMS.map((i) => ({ ...i, checked: i.value === values.subAccount })),
      earliest: formatLongDate(addDays(today, 28)),
      preview: extra.preview ?? null,
      applied: extra.applied ?? null,
      appliedCount: extra.appliedCount ?? 0,
    });
  };

  const plan = async (req: Request, res: Response): Promise<{ plan: RentChangePlan; values: Record<string, string> } | null> => {
    const form = readRentChangeForm(req.body);
    if (!form.ok) {
      res.status(400);
      await render(req, res, form.values, form.errors);
      return null;
    }
    try {
      const p = await planRentChange(ctx.db, form.value.effective, await todayOf(ctx, req), { kind: 'percent', basisPoints: form.value.basisPoints, subAccount: form.value.subAccount });
      return { plan: p, values: form.values };
    } catch (error) {
      if (!(error instanceof RentChangeRefused)) throw error;
      res.status(400);
      await render(req, res, form.values, { effective: `The change must take effect at least four weeks (28 days) from today: ${error.errors[0]?.message ?? error.message}` });
      return null;
    }
  };

  return {
    async show(req: Request, res: Response) {
      await render(req, res, { subAccount: 'rent', ...Object.fromEntries(Object.entries(dateParts(null)).map(([k, v]) => [`effective-${k}`, v])) }, {});
    },

    async preview(req: Request, res: Response) {
      const p = await plan(req, res);
      if (!p) return;
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'rent_change', details: { effectiveFrom: p.plan.effectiveFrom, tenancies: p.plan.totals.tenancies } }]);
      await render(req, res, p.values, {}, { preview: planView(p.plan) });
    },

    async apply(req: Request, res: Response) {
      const p = await plan(req, res);
      if (!p) return;
      if (bodyString(req.body, 'confirm') !== 'yes') {
        res.status(400);
        await render(req, res, p.values, { confirm: 'Confirm that you have checked the new charges' }, { preview: planView(p.plan) });
        return;
      }
      const applied = await applyRentChange(ctx.db, p.plan, actorOf(req).username);
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'update', entity: 'rent_change', details: { effectiveFrom: p.plan.effectiveFrom, applied: applied.applied, letters: applied.letters.length } }]);
      await render(req, res, p.values, {}, {
        preview: planView(p.plan),
        appliedCount: applied.applied,
        applied: applied.letters.map((l) => ({ ref: l.ref, href: `/tenancies/${encodeURIComponent(l.ref)}/letters/${l.letterId}` })),
      });
    },
  };
}
