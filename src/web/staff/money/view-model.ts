import type { ArrangementRow, MoneyPage, SnapshotRow } from '../../../application/arrangements/money';
import type { InstalmentWatch } from '../../../domain/arrangements/monitoring';
import { instalmentDate, type ArrangementPlan } from '../../../domain/arrangements/plan-arrangement';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import { FREQUENCY_LABELS, SFS_LABELS, SFS_SECTIONS } from './form';

const STATUS_LABELS: Record<ArrangementRow['status'], string> = { active: 'In force', cancelled: 'Cancelled', renegotiated: 'Renegotiated' };

export function snapshotView(s: SnapshotRow) {
  return {
    id: s.id,
    takenOn: formatLongDate(s.taken_on),
    recordedBy: s.recorded_by,
    surplus: formatPounds(s.monthly_surplus_pence),
    deficit: s.monthly_surplus_pence < 0,
    largestWeekly: formatPounds(s.largest_weekly_pence),
    largestMonthly: formatPounds(s.largest_monthly_pence),
    working: s.working,
    sections: SFS_SECTIONS.map((sec) => ({
      title: sec.title,
      lines: s.lines.filter((l) => (sec.categories as readonly string[]).includes(l.category)).map((l) => ({ label: SFS_LABELS[l.category], amount: `${formatPounds(l.amountPence)} ${l.period === 'weekly' ? 'a week' : 'a month'}` })),
    })).filter((sec) => sec.lines.length > 0),
  };
}

export function arrangementView(a: ArrangementRow) {
  return {
    id: a.id,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    instalment: `${formatPounds(a.instalment_pence)} ${FREQUENCY_LABELS[a.frequency].toLowerCase()}`,
    startDate: formatLongDate(a.start_date),
    clearsOn: formatLongDate(a.clears_on),
    arrears: formatPounds(a.arrears_pence),
    endedOn: a.ended_on ? formatLongDate(a.ended_on) : null,
    endedReason: a.ended_reason,
    createdBy: a.created_by,
    letterId: a.letter_id,
    warnings: a.warnings,
  };
}

export function watchView(w: InstalmentWatch): { state: string; text: string } {
  switch (w.state) {
    case 'not_started':
      return { state: w.state, text: 'The first instalment is not due yet.' };
    case 'on_track':
      return { state: w.state, text: `Up to date: ${w.instalmentsDue} instalment${w.instalmentsDue === 1 ? '' : 's'} due so far, all paid.` };
    case 'late':
      return {
        state: w.state,
        text: `Early warning: the instalment due on ${formatLongDate(w.lateInstalmentOn)} is ${w.daysLate} day${w.daysLate === 1 ? '' : 's'} late (${formatPounds(w.shortfallPence)} behind; the tolerance is ${formatPounds(w.tolerancePence)}). It breaks on ${formatLongDate(w.breaksOn)} if nothing more is paid.`,
      };
    case 'broken':
      return { state: w.state, text: `Broken: ${formatPounds(w.shortfallPence)} behind, more than the tolerance of ${formatPounds(w.tolerancePence)}.` };
  }
}

const ENGINE_LABELS: Record<string, string> = { kept: 'Kept', broken: 'Broken', none: 'No arrangement in force' };

export function buildMoneyPage(page: MoneyPage) {
  const latest = page.snapshots[0] ?? null;
  return {
    arrears: formatPounds(page.arrearsPence),
    engine: {
      status: page.engineStatus.status,
      label: ENGINE_LABELS[page.engineStatus.status] ?? page.engineStatus.status,
      shortfall: page.engineStatus.shortfallPence !== null ? formatPounds(page.engineStatus.shortfallPence) : null,
    },
    latest: latest ? snapshotView(latest) : null,
    olderSnapshots: page.snapshots.slice(1).map(snapshotView),
    active: page.active ? { ...arrangementView(page.active.arrangement), watch: watchView(page.active.watch) } : null,
    history: page.arrangements.filter((a) => a.status !== 'active').map(arrangementView),
    recordedOnCase: page.recordedOnCase
      ? {
          instalment: `${formatPounds(page.recordedOnCase.instalmentPence)} ${(FREQUENCY_LABELS as Record<string, string>)[page.recordedOnCase.frequency]?.toLowerCase() ?? page.recordedOnCase.frequency}`,
          from: formatLongDate(page.recordedOnCase.date),
        }
      : null,
  };
}

/** The schedule preview shown before agreeing: the first instalments and the day the arrears clear. */
export function planView(plan: ArrangementPlan, startDate: string, frequency: ArrangementRow['frequency'], instalmentPence: number) {
  const n = Math.min(6, plan.instalments);
  return {
    instalments: plan.instalments,
    clearsOn: formatLongDate(plan.clearsOn),
    finalInstalment: formatPounds(plan.finalInstalmentPence),
    first: Array.from({ length: n }, (_, k) => ({
      dueOn: formatLongDate(instalmentDate(startDate, frequency, k)),
      amount: formatPounds(k === plan.instalments - 1 ? plan.finalInstalmentPence : instalmentPence),
    })),
  };
}
