import type { CourtCase } from '../../../application/court/court-case';
import { orderWords } from '../../../application/court/render-court';
import { SAFEGUARD_ITEMS } from '../../../domain/court/court-rules';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';

export const SAFEGUARD_LABELS: Record<string, string> = {
  housing_options_referral: 'Housing Options referral made (with the tenant\'s consent)',
  childrens_services_checked: "Children's services checked",
  adults_services_checked: "Adults' services checked",
  pre_eviction_visit: 'Pre-eviction visit made',
  benefits_rechecked: 'Benefits re-checked',
  agencies_notified: 'Agencies notified of the eviction date',
  breathing_space: 'No breathing space active (checked by the system)',
};

export const ORDER_TYPE_LABELS: Record<string, string> = {
  outright: 'Outright possession order',
  suspended: 'Suspended possession order',
  postponed: 'Postponed possession order',
  adjourned_on_terms: 'Adjourned on terms',
  adjourned_generally: 'Adjourned generally',
  money_judgment: 'Money judgment only',
  dismissed: 'Claim dismissed',
};

export const FREQUENCY_LABELS: Record<string, string> = { weekly: 'Weekly', fortnightly: 'Fortnightly', four_weekly: 'Every 4 weeks', monthly: 'Monthly' };
export const CANCEL_REASON_LABELS: Record<string, string> = { arrears_cleared: 'The arrears were cleared', warrant_suspended: 'The court suspended the warrant' };

const row = (key: string, text: string, qa?: string) => ({ key, value: text, qa: qa ?? '' });
const date = (d: string | null) => (d ? formatLongDate(d) : 'Not recorded');

export function orderTerms(o: NonNullable<CourtCase['order']>): string {
  const parts: string[] = [];
  if (o.instalmentPence !== null) parts.push(`rent plus ${formatPounds(o.instalmentPence)} ${(FREQUENCY_LABELS[o.frequency ?? ''] ?? o.frequency ?? '').toLowerCase()}`);
  if (o.possessionDate) parts.push(`possession by ${formatLongDate(o.possessionDate)}`);
  if (o.costsPence) parts.push(`costs of ${formatPounds(o.costsPence)} awarded`);
  return parts.length > 0 ? parts.join('; ') : 'No terms';
}

export function buildCourtPage(c: CourtCase, canAct: boolean) {
  const base = `/tenancies/${encodeURIComponent(c.tenancy.ref)}/court`;
  const o = c.order;
  return {
    base,
    canAct,
    ended: c.ended,
    claimRows: [
      row('Claim issued', c.claim ? formatLongDate(c.claim.date) : 'No claim recorded', 'claim-issued'),
      row('Hearing', c.hearingDate ? formatLongDate(c.hearingDate) : 'No hearing date recorded', 'hearing-date'),
      ...(c.hearingStatementDueOn ? [row('Statement and benefit position due', formatLongDate(c.hearingStatementDueOn), 'statement-due')] : []),
      row('Arrears now', formatPounds(c.arrearsPence), 'arrears-now'),
    ],
    hasClaim: c.claim !== null,
    order: o
      ? { rows: [row('Order', orderWords(o.order), 'order-type'), row('Date of the order', formatLongDate(o.date), 'order-date'), row('Terms', orderTerms(o), 'order-terms'), ...(o.note ? [row('Note', o.note)] : [])] }
      : null,
    warrant: {
      refusals: c.warrant.refusals,
      pendingApprovalId: c.warrant.pendingApprovalId,
      approvedApprovalId: c.warrant.approvedApprovalId,
      requestedOn: c.warrant.requestedOn ? formatLongDate(c.warrant.requestedOn) : null,
      assessmentOn: c.warrant.assessmentOn ? formatLongDate(c.warrant.assessmentOn) : null,
      hasN325: c.n325 !== null,
    },
    eviction: {
      evictionDate: c.eviction.evictionDate ? formatLongDate(c.eviction.evictionDate) : null,
      cancelled: c.eviction.cancelled ? `${formatLongDate(c.eviction.cancelled.date)}: ${CANCEL_REASON_LABELS[c.eviction.cancelled.reason] ?? c.eviction.cancelled.reason}` : null,
      evictedOn: c.eviction.evictedOn ? formatLongDate(c.eviction.evictedOn) : null,
      complete: c.eviction.safeguards.complete,
      missing: c.eviction.safeguards.missing.map((m) => SAFEGUARD_LABELS[m] ?? m),
      checklist: safeguardChecklist(c),
      open: c.eviction.evictionDate !== null && c.eviction.cancelled === null && c.eviction.evictedOn === null,
    },
    canRequestWarrant: c.warrant.refusals.length === 0,
    dates: { claim: date(c.claim?.date ?? null) },
  };
}

export function safeguardChecklist(c: CourtCase) {
  const byItem = new Map(c.eviction.confirmed.map((x) => [x.item, x]));
  return [
    ...SAFEGUARD_ITEMS.map((item) => {
      const done = byItem.get(item);
      return { item, label: SAFEGUARD_LABELS[item] ?? item, done: done !== undefined, detail: done ? `Done ${formatLongDate(done.at)} by ${done.by ?? 'unknown'}${done.note ? `: ${done.note}` : ''}` : 'Not done' };
    }),
    { item: 'breathing_space', label: SAFEGUARD_LABELS.breathing_space!, done: !c.eviction.breathingSpaceActive, detail: c.eviction.breathingSpaceActive ? 'A breathing space is active: the eviction cannot go ahead' : `None active on ${formatLongDate(c.today)}` },
  ];
}
