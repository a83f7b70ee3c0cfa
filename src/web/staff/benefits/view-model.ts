import type { BenefitClaimRow, BenefitVersionRow } from '../../../application/benefits/benefits';
import type { DwpRequest } from '../../../application/benefits/dwp-requests';
import { landlordReference } from '../../../application/benefits/dwp-requests';
import { taskKindLabel, type TaskRow } from '../../../application/tasks/tasks';
import { benefitWeeklyPence, hbNextPaymentOn, shortfall, ucPaymentDates, underOccupancyPercent } from '../../../domain/benefits/benefits';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import { COSTS_TO_LABELS, STATUS_LABELS, TYPE_LABELS } from './form';

export interface ClaimView {
  id: number;
  type: string;
  typeLabel: string;
  status: string;
  statusLabel: string;
  from: string;
  rows: { key: string; value: string; qa: string }[];
  shortfall: { weekly: string; monthly: string; parts: string[] } | null;
  ended: boolean;
  version: number;
  recordedBy: string;
}

/** One claim as the benefits page shows it, with the tenant's shortfall worked out (domain). */
export function claimView(c: BenefitClaimRow, weeklyChargePence: number, today: BusinessDate): ClaimView {
  const hb = c.type === 'housing_benefit';
  const rows: { key: string; value: string; qa: string }[] = [];
  if (hb) {
    rows.push({ key: 'Weekly Housing Benefit', value: c.weekly_pence === null ? 'Not known' : formatPounds(c.weekly_pence), qa: 'amount' });
    rows.push({ key: 'Paid every', value: c.paid_every_weeks === null ? 'Not known' : `${c.paid_every_weeks} week${c.paid_every_weeks === 1 ? '' : 's'}`, qa: 'schedule' });
    if (c.next_payment_on && c.status === 'in_payment') {
      rows.push({ key: 'Next payment', value: formatLongDate(hbNextPaymentOn(c.next_payment_on, c.paid_every_weeks ?? 1, today)), qa: 'next-payment' });
    }
  } else {
    rows.push({ key: 'Monthly housing costs', value: c.monthly_housing_pence === null ? 'Not known' : `${formatPounds(c.monthly_housing_pence)} (${formatPounds(benefitWeeklyPence({ type: 'universal_credit', weeklyPence: null, monthlyHousingPence: c.monthly_housing_pence }))} a week)`, qa: 'amount' });
    rows.push({ key: 'Assessment period starts on day', value: c.assessment_period_start_day === null ? 'Not known' : String(c.assessment_period_start_day), qa: 'assessment-day' });
    if (c.assessment_period_start_day !== null && c.status === 'in_payment') {
      rows.push({ key: 'Next payment dates', value: ucPaymentDates(c.assessment_period_start_day, today, 2).map(formatLongDate).join(' and '), qa: 'next-payment' });
    }
  }
  rows.push({ key: 'Housing costs paid', value: c.housing_costs_to ? (COSTS_TO_LABELS[c.housing_costs_to] ?? c.housing_costs_to) : 'Not known', qa: 'paid-to' });
  rows.push({ key: 'Evidence complete', value: c.evidence_complete ? 'Yes' : 'No', qa: 'evidence' });
  if ((c.benefit_cap_weekly_pence ?? 0) > 0) rows.push({ key: 'Benefit cap reduction', value: `${formatPounds(c.benefit_cap_weekly_pence!)} a week from ${formatLongDate(c.deductions_from ?? c.from_date)}`, qa: 'benefit-cap' });
  if ((c.spare_bedrooms ?? 0) > 0) {
    rows.push({
      key: 'Under-occupancy reduction',
      value: `${formatPounds(c.under_occupancy_weekly_pence ?? 0)} a week (${underOccupancyPercent(c.spare_bedrooms!)}%, ${c.spare_bedrooms === 1 ? 'one spare bedroom' : 'two or more spare bedrooms'}) from ${formatLongDate(c.deductions_from ?? c.from_date)}`,
      qa: 'under-occupancy',
    });
  }
  if (c.ended_on) rows.push({ key: 'Ended on', value: formatLongDate(c.ended_on), qa: 'ended-on' });
  const ended = c.status === 'ended';
  const s = ended
    ? null
    : shortfall({
        weeklyChargePence,
        benefitWeeklyPence: benefitWeeklyPence({ type: hb ? 'housing_benefit' : 'universal_credit', weeklyPence: c.weekly_pence, monthlyHousingPence: c.monthly_housing_pence }),
        inPayment: c.status === 'in_payment',
        underOccupancyWeeklyPence: c.under_occupancy_weekly_pence ?? 0,
        benefitCapWeeklyPence: c.benefit_cap_weekly_pence ?? 0,
      });
  return {
    id: c.id,
    type: c.type,
    typeLabel: TYPE_LABELS[c.type] ?? c.type,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status] ?? c.status,
    from: formatLongDate(c.from_date),
    rows,
    shortfall: s
      ? {
          weekly: formatPounds(s.shortfallWeeklyPence),
          monthly: formatPounds(s.shortfallMonthlyPence),
          parts: [
            ...(s.underOccupancyWeeklyPence > 0 ? [`${formatPounds(s.underOccupancyWeeklyPence)} under-occupancy`] : []),
            ...(s.benefitCapWeeklyPence > 0 ? [`${formatPounds(s.benefitCapWeeklyPence)} benefit cap`] : []),
            ...(s.otherWeeklyPence > 0 ? [`${formatPounds(s.otherWeeklyPence)} other charges the benefit does not meet`] : []),
          ],
        }
      : null,
    ended,
    version: c.version,
    recordedBy: c.recorded_by ?? 'imported',
  };
}

const CHANGE_LABELS: Record<string, string> = { added: 'Recorded', updated: 'Updated', ended: 'Ended' };

export function historyView(versions: readonly BenefitVersionRow[], claims: readonly BenefitClaimRow[]) {
  return versions.map((v) => {
    const claim = claims.find((c) => c.id === v.benefit_claim_id);
    return {
      text: `${CHANGE_LABELS[v.change] ?? v.change} ${TYPE_LABELS[claim?.type ?? ''] ?? 'benefit'} (version ${v.version})`,
      by: v.changed_by,
      on: formatLongDate(v.changed_on),
      status: STATUS_LABELS[String(v.snapshot.status ?? '')] ?? String(v.snapshot.status ?? ''),
    };
  });
}

export const BENEFIT_TASK_KINDS = ['dwp_managed_payment', 'dwp_third_party_deduction', 'hb_direct_payment', 'dhp_referral', 'benefit_claim_chase'];

export function taskViews(tasks: readonly TaskRow[]) {
  return tasks.filter((t) => BENEFIT_TASK_KINDS.includes(t.kind)).map((t) => ({ id: t.id, kind: t.kind, label: taskKindLabel(t.kind), due: formatLongDate(t.due_on) }));
}

export function dwpRequestView(r: DwpRequest) {
  return {
    taskId: r.taskId,
    landlordReference: landlordReference(r.taskId),
    ref: r.ref,
    href: `/tenancies/${encodeURIComponent(r.ref)}/benefits`,
    tenantName: r.tenantName,
    requestType: r.requestType,
    arrears: formatPounds(r.arrearsPence),
    reason: r.reason,
    raisedOn: formatLongDate(r.raisedOn),
  };
}
