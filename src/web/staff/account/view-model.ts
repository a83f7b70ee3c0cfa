import { taskKindLabel } from '../../../application/tasks/tasks';
import { recentLedgerFrom, type AccountView } from '../../../application/account/account-view';
import { needsApproval, OVERRIDE_ACTIONS, PASSIVE_ACTIONS } from '../../../application/decisions/decisions';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import { addressLine } from '../../../domain/statements/statement';
import {
  actionLabel,
  BENEFIT_LABELS,
  BLOCKING_LABELS,
  BREATHING_SPACE_LABELS,
  humanise,
  label,
  NOTICE_LABELS,
  SUB_ACCOUNT_LABELS,
  TENURE_LABELS,
  VULNERABILITY_LABELS,
} from '../../labels';
import { flagBadges } from '../worklist/view-model';

type Row = { key: { text: string }; value: { text?: string; html?: string }; qa?: string };

function row(key: string, text: string, qa?: string): Row {
  return { key: { text: key }, value: { text }, ...(qa ? { qa } : {}) };
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function date(value: unknown): string {
  const d = str(value);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatLongDate(d) : '';
}

/** The figures of a trace step, as `name: value` pairs (pence fields in pounds). */
export function traceFigures(figures: Record<string, unknown> | null): { name: string; value: string }[] {
  if (!figures) return [];
  return Object.entries(figures).map(([name, value]) => ({
    name,
    value: typeof value === 'number' && /Pence$/.test(name) ? formatPounds(value) : typeof value === 'object' ? JSON.stringify(value) : String(value),
  }));
}

/** The sub navigation of an account's pages (MOJ sub navigation). */
export type AccountSection = 'account' | 'timeline' | 'household' | 'money' | 'benefits' | 'direct-debits' | 'legal';

/** The account's sections: each feature's page is one of them (money: income and expenditure and arrangements; legal: stage, Protocol gate, notices, court). */
export function accountNavigation(ref: string, current: AccountSection) {
  const base = `/tenancies/${encodeURIComponent(ref)}`;
  return [
    { text: 'Account', href: base, active: current === 'account' },
    { text: 'Timeline', href: `${base}/timeline`, active: current === 'timeline' },
    { text: 'Household and contact details', href: `${base}/household`, active: current === 'household' },
    { text: 'Income and arrangements', href: `${base}/money`, active: current === 'money' },
    { text: 'Benefits', href: `${base}/benefits`, active: current === 'benefits' },
    { text: 'Direct debits', href: `${base}/direct-debits`, active: current === 'direct-debits' },
    { text: 'Legal case', href: `${base}/legal`, active: current === 'legal' },
  ];
}

/** The heading block every account page shares. */
export function accountHeader(view: Pick<AccountView, 'tenancy' | 'tenantNames' | 'flags' | 'canAct'>, today: BusinessDate) {
  const t = view.tenancy;
  return {
    ref: t.ref,
    base: `/tenancies/${encodeURIComponent(t.ref)}`,
    names: view.tenantNames.join(' and ') || 'No tenant recorded',
    address: addressLine(t.address, t.postcode) ?? 'Address not recorded',
    patchName: t.patch_name ?? 'No patch',
    former: t.end_date !== null && t.end_date <= today,
    canAct: view.canAct,
    badges: flagBadges({
      vulnerable: view.flags.vulnerabilities.length > 0,
      breathingSpace: view.flags.breathingSpace !== null,
      dispute: view.flags.openDisputes.length > 0,
    }),
  };
}


export function buildAccountPage(view: AccountView, today: BusinessDate, options: { fullLedger: boolean; csrf?: string }) {
  const t = view.tenancy;
  const r = (view.assessment?.result ?? {}) as Record<string, unknown>;
  const rec = (r.recommendation ?? {}) as Record<string, unknown>;
  const action = str(rec.action) ?? view.assessment?.action ?? null;
  const technical = num(r.technicalArrearsPence) ?? 0;
  const real = num(r.realArrearsPence);
  const arrears = num(r.arrearsPence);
  const weeks = num(r.weeksInArrears);
  const arrangement = (r.arrangement ?? { status: 'none' }) as Record<string, unknown>;
  const notice = (r.notice ?? null) as Record<string, unknown> | null;
  const blockedBy = Array.isArray(r.blockedBy) ? (r.blockedBy as Record<string, unknown>[]) : [];
  const alsoConsider = Array.isArray(r.alsoConsider) ? (r.alsoConsider as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  const reasons = Array.isArray(r.reasons) ? (r.reasons as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  const missing = Array.isArray(rec.missing) ? (rec.missing as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  const pending = view.approvals.filter((a) => a.status === 'pending');

  const summary: Row[] = [
    row('Rent account balance', num(r.balancePence) === null ? formatPounds(view.balancePence) : formatPounds(num(r.balancePence)!), 'balance'),
    row('Arrears', arrears === null ? 'Not assessed yet' : formatPounds(arrears), 'arrears'),
    row('Real arrears', real === null ? 'Not assessed yet' : formatPounds(real), 'real-arrears'),
    {
      key: { text: 'Technical arrears' },
      value: {
        text:
          technical > 0
            ? `${formatPounds(technical)}: money in transit. A Housing Benefit or Universal Credit payment, or a regular payment, is expected but not yet on the account, so this part of the arrears is not chased.`
            : `${formatPounds(0)}: no money in transit`,
      },
      qa: 'technical-arrears',
    },
    row('Weeks in arrears', weeks === null ? '' : weeks.toFixed(2), 'weeks'),
    row('Weekly charge', num(r.weeklyChargePence) === null ? '' : formatPounds(num(r.weeklyChargePence)!)),
    row('In arrears since', date(r.episodeStart) || 'Not in arrears'),
  ];

  const arrangementStatus = str(arrangement.status) ?? 'none';
  const ev = view.arrangementEvent;
  summary.push(
    row(
      'Arrangement',
      arrangementStatus === 'none'
        ? 'None'
        : `${arrangementStatus === 'kept' ? 'Being kept' : 'Broken'}${ev ? `: ${formatPounds(num(ev.details.instalmentPence) ?? 0)} ${str(ev.details.frequency) ?? 'weekly'} from ${formatLongDate(ev.event_date)}` : ''}${num(arrangement.shortfallPence) ? `, shortfall ${formatPounds(num(arrangement.shortfallPence)!)}` : ''}`,
      'arrangement',
    ),
  );
  summary.push(
    row(
      'Notice in force',
      notice
        ? `${label(NOTICE_LABELS, str(notice.type))}: served ${date(notice.servedOn)}, proceedings from ${date(notice.earliestProceedingsDate)}, ${notice.expiresOn ? `expires ${date(notice.expiresOn)}` : 'does not expire'}${notice.valid === true ? ' (valid now)' : ''}`
        : 'None',
      'notice',
    ),
  );
  summary.push(row('Legal stage', view.flags.legalStage.label + (view.flags.legalStage.since ? ` (${formatLongDate(view.flags.legalStage.since)})` : ''), 'legal-stage'));
  summary.push(
    row(
      'Benefits',
      view.benefits.length === 0
        ? 'None recorded'
        : view.benefits
            .map((b) => {
              const amount = b.weekly_pence !== null ? `${formatPounds(b.weekly_pence)} a week` : b.monthly_housing_pence !== null ? `${formatPounds(b.monthly_housing_pence)} a month housing costs` : '';
              const to = b.housing_costs_to ? `, paid to the ${b.housing_costs_to}` : '';
              return `${label(BENEFIT_LABELS, b.type)}: ${humanise(b.status).toLowerCase()} from ${formatLongDate(b.from_date)}${amount ? `, ${amount}` : ''}${to}`;
            })
            .join('; '),
      'benefits',
    ),
  );
  summary.push(
    row(
      'Vulnerability',
      view.flags.vulnerabilities.length === 0
        ? 'None recorded'
        : `${view.flags.vulnerabilities.map((v) => `${label(VULNERABILITY_LABELS, v.flag)} (${formatLongDate(v.recordedOn)})`).join(', ')}${view.flags.vulnerabilityReviewDue ? '. Support needs review due' : view.flags.lastVulnerabilityReview ? `. Last reviewed ${formatLongDate(view.flags.lastVulnerabilityReview)}` : ''}`,
      'vulnerability',
    ),
  );
  const bs = view.flags.breathingSpace;
  summary.push(
    row(
      'Breathing space',
      bs ? `${label(BREATHING_SPACE_LABELS, bs.kind)} from ${formatLongDate(bs.start)}${bs.lastDay ? ` until ${formatLongDate(bs.lastDay)}` : ', open-ended'}` : 'None active',
      'breathing-space',
    ),
  );
  summary.push(row('Dispute', view.flags.openDisputes.length > 0 ? `Open since ${formatLongDate(view.flags.openDisputes[0]!.openedOn)}` : 'None open', 'dispute'));

  const tenancyRows: Row[] = [
    row('Tenancy reference', t.ref),
    row('Payment reference', t.payment_reference),
    row('Tenure', label(TENURE_LABELS, t.tenure)),
    row('Tenancy started', formatLongDate(t.start_date)),
    ...(t.end_date ? [row('Tenancy ended', `${formatLongDate(t.end_date)}${t.end_reason ? ` (${humanise(t.end_reason).toLowerCase()})` : ''}`)] : []),
    row('Patch', t.patch_name ?? 'None'),
  ];

  const since = options.fullLedger ? null : recentLedgerFrom(today);
  const ledgers = view.ledgers.map((l) => {
    const shown = since ? l.lines.filter((line) => line.date >= since) : l.lines;
    return {
      id: `ledger-${l.subAccount.replace(/_/g, '-')}`,
      subAccount: l.subAccount,
      label: label(SUB_ACCOUNT_LABELS, l.subAccount),
      balance: formatPounds(l.balancePence),
      hiddenCount: l.earlierLineCount + l.lines.length - shown.length,
      lines: shown.map((line) => ({
        date: line.date,
        dateText: formatLongDate(line.date),
        description: line.description,
        debit: line.amountPence > 0 ? formatPounds(line.amountPence) : '',
        credit: line.amountPence < 0 ? formatPounds(-line.amountPence) : '',
        balance: formatPounds(line.runningBalancePence),
        amountPence: line.amountPence,
        balancePence: line.runningBalancePence,
      })),
    };
  });

  const isPassive = action === null || PASSIVE_ACTIONS.includes(action);
  const base = `/tenancies/${encodeURIComponent(t.ref)}`;
  return {
    pageTitle: `${t.ref}: account`,
    header: accountHeader(view, today),
    subNavigation: accountNavigation(t.ref, 'account'),
    summary,
    tenancyRows,
    assessed: view.assessment !== null,
    assessedOn: view.assessment ? formatLongDate(view.assessment.as_of) : null,
    policyVersion: view.assessment?.policy_version ?? null,
    recommendation: action
      ? {
          action,
          label: actionLabel(action),
          needsApproval: rec.needsApproval === true || needsApproval(action),
          passive: isPassive,
          reasons,
          notice: str(rec.notice) ? label(NOTICE_LABELS, str(rec.notice)) : null,
          grounds: Array.isArray(rec.grounds) ? (rec.grounds as unknown[]).map(String).join(', ') : '',
          proposedDates: rec.proposedDates
            ? `proceedings from ${date((rec.proposedDates as Record<string, unknown>).earliestProceedingsDate)}${(rec.proposedDates as Record<string, unknown>).expiresOn ? `, expires ${date((rec.proposedDates as Record<string, unknown>).expiresOn)}` : ''}`
            : null,
          writeOffReason: str(rec.writeOffReason) ? humanise(str(rec.writeOffReason)!) : null,
          missing: missing.map(humanise),
          blockedBy: blockedBy.map((b) => `${label(BLOCKING_LABELS, str(b.code))}${b.until ? ` until ${date(b.until)}` : ''}`),
          alsoConsider: alsoConsider.map(actionLabel),
          priority: view.assessment?.priority ?? 0,
          assessmentId: view.assessment?.id ?? null,
        }
      : null,
    pendingApprovals: pending.map((a) => ({
      action: actionLabel(a.action),
      requestedBy: a.requested_by_name,
      requestedAt: a.requested_at,
    })),
    canDecide: view.canAct && view.assessment !== null,
    overrideHref: `${base}/decision/override`,
    rejectHref: `${base}/decision/reject`,
    confirmAction: `${base}/decision/confirm`,
    trace: view.trace.map((s, i) => ({ n: i + 1, rule: s.rule, matched: s.matched, detail: s.detail, figures: traceFigures(s.figures) })),
    ledgers,
    fullLedger: options.fullLedger,
    fullLedgerHref: `${base}?ledger=all#ledger`,
    statementPdfHref: `${base}/statement?format=pdf`,
    statementCsvHref: `${base}/statement?format=csv`,
    statementAction: `${base}/statement`,
    letters: view.letters.map((l) => ({ title: actionLabel(l.template), date: formatLongDate(l.letter_date), href: `${base}/letters/${l.id}`, by: l.created_by })),
    overrideActions: OVERRIDE_ACTIONS,
    tasks: view.tasks.map((k) => ({
      id: k.id,
      kind: taskKindLabel(k.kind),
      kindCode: k.kind,
      title: k.title,
      due: formatLongDate(k.due_on),
      overdue: k.due_on < today,
      createdBy: k.created_by,
      closeAction: `${base}/tasks/${k.id}`,
    })),
  };
}

export type AccountPage = ReturnType<typeof buildAccountPage>;
