import type { AccountView } from '../../../application/account/account-view';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import {
  actionLabel,
  BREATHING_SPACE_LABELS,
  CHANNEL_LABELS,
  eventTypeLabel,
  label,
  NOTICE_LABELS,
  OUTCOME_LABELS,
  REJECTION_REASONS,
  TIMELINE_GROUPS,
  VULNERABILITY_LABELS,
} from '../../labels';
import { accountHeader, accountNavigation } from './view-model';

export interface TimelineItem {
  group: string;
  type: string;
  date: BusinessDate;
  sortKey: string;
  title: string;
  byline: string | null;
  lines: string[];
  note: string | null;
  link: { href: string; text: string } | null;
  close: { href: string; text: string } | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : value === null || value === undefined ? null : String(value);
}

function groupOf(type: string): string {
  for (const [group, g] of Object.entries(TIMELINE_GROUPS)) if (g.types.includes(type)) return group;
  return 'action';
}

function describeEvent(type: string, d: Record<string, unknown>): { title: string; lines: string[] } {
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatLongDate(v) : '');
  switch (type) {
    case 'action': {
      const lines: string[] = [];
      if (d.decision === 'approved') lines.push(`Approved by ${str(d.approvedBy) ?? 'a manager'}, asked for by ${str(d.requestedBy) ?? 'an officer'}`);
      else if (d.decision === 'overridden') lines.push(`Chosen instead of the recommendation (${actionLabel(str(d.recommended))})`);
      else if (d.decision === 'confirmed') lines.push('Recommendation confirmed');
      if (str(d.outcome)) lines.push(`Outcome: ${str(d.outcome)}`);
      return { title: actionLabel(str(d.action)), lines };
    }
    case 'contact':
      return { title: `Contact by ${label(CHANNEL_LABELS, str(d.channel)).toLowerCase() || 'unknown channel'}`, lines: [label(OUTCOME_LABELS, str(d.outcome))].filter((l) => l !== '') };
    case 'follow_up':
      return { title: `Follow-up due ${date(d.dueDate)}`, lines: str(d.reason) ? [str(d.reason)!] : [] };
    case 'follow_up_done':
      return { title: 'Follow-up done', lines: [] };
    case 'vulnerability':
      return { title: `Vulnerability recorded: ${label(VULNERABILITY_LABELS, str(d.flag))}`, lines: [] };
    case 'breathing_space':
      return {
        title: `Breathing space (${label(BREATHING_SPACE_LABELS, str(d.kind) ?? 'standard').toLowerCase()})`,
        lines: [d.endDate ? `Last day ${date(d.endDate)}` : 'No end date', ...(d.cancelledOn ? [`Cancelled ${date(d.cancelledOn)}`] : [])],
      };
    case 'breathing_space_ended':
      return { title: 'Breathing space end recorded', lines: [] };
    case 'dispute':
      return { title: 'Dispute opened', lines: d.resolvedOn ? [`Resolved ${date(d.resolvedOn)}`] : ['Open'] };
    case 'dispute_resolved':
      return { title: 'Dispute resolved', lines: [] };
    case 'recommendation_override':
      return { title: `Recommendation overridden: ${actionLabel(str(d.chosen))} instead of ${actionLabel(str(d.recommended))}`, lines: [] };
    case 'recommendation_rejected':
      return { title: `Recommendation not taken: ${actionLabel(str(d.recommended))}`, lines: [`Reason: ${label(REJECTION_REASONS, str(d.reasonCode))}`] };
    case 'approval_requested':
      return { title: `Approval asked for: ${actionLabel(str(d.action))}`, lines: [] };
    case 'approval_declined':
      return { title: `Approval declined: ${actionLabel(str(d.action))}`, lines: [`Declined by ${str(d.declinedBy) ?? 'a manager'}`] };
    case 'notice_served':
      return { title: `Notice served: ${label(NOTICE_LABELS, str(d.notice))}`, lines: Array.isArray(d.grounds) ? [`Grounds ${(d.grounds as unknown[]).join(', ')}`] : [] };
    case 'court_order':
      return {
        title: `Court order: ${(str(d.order) ?? '').replace(/_/g, ' ')}`,
        lines: [
          ...(typeof d.instalmentPence === 'number' ? [`${formatPounds(d.instalmentPence)} ${str(d.frequency) ?? 'weekly'}`] : []),
          ...(d.possessionDate ? [`Possession date ${date(d.possessionDate)}`] : []),
        ],
      };
    case 'claim_issued':
      return { title: 'Possession claim issued', lines: d.hearingDate ? [`Hearing ${date(d.hearingDate)}`] : [] };
    case 'eviction_scheduled':
      return { title: `Eviction scheduled for ${date(d.evictionDate)}`, lines: [] };
    case 'arrangement':
      return {
        title: `Arrangement: ${typeof d.instalmentPence === 'number' ? formatPounds(d.instalmentPence) : ''} ${str(d.frequency) ?? 'weekly'}`,
        lines: [...(d.endDate ? [`Ends ${date(d.endDate)}`] : []), ...(d.cancelledOn ? [`Cancelled ${date(d.cancelledOn)}`] : [])],
      };
    case 'pre_action':
      return { title: `Pre-action step: ${(str(d.item) ?? '').replace(/_/g, ' ')}`, lines: [] };
    case 'psed_assessment':
      return { title: `Equality assessment (${str(d.stage) ?? ''})`, lines: [] };
    case 'agency_referral':
      return { title: `Referred to ${(str(d.agency) ?? 'an agency').replace(/_/g, ' ')}`, lines: d.result ? [`Result: ${str(d.result)}`] : [] };
    case 'insolvency':
      return { title: `Insolvency: ${(str(d.kind) ?? '').toUpperCase()}`, lines: [] };
    default:
      return { title: eventTypeLabel(type), lines: [] };
  }
}

/** Every contact, note, letter, action, payment and legal event of the case, newest first. */
export function timelineItems(view: AccountView, today: BusinessDate): TimelineItem[] {
  const base = `/tenancies/${encodeURIComponent(view.tenancy.ref)}`;
  const lettersByEvent = new Map(view.letters.filter((l) => l.case_event_id !== null).map((l) => [l.case_event_id!, l]));
  const closedFollowUps = new Set(view.events.filter((e) => e.type === 'follow_up_done').map((e) => Number(e.details.followUpId)));
  const items: TimelineItem[] = [];
  for (const e of view.events) {
    const { title, lines } = describeEvent(e.type, e.details);
    const letter = lettersByEvent.get(e.id);
    let close: TimelineItem['close'] = null;
    if (view.canAct) {
      if (e.type === 'dispute' && !e.details.resolvedOn) close = { href: `${base}/events/${e.id}/close`, text: 'Record as resolved' };
      if (e.type === 'breathing_space' && !e.details.endDate && !e.details.cancelledOn) close = { href: `${base}/events/${e.id}/close`, text: 'Record its end' };
      if (e.type === 'follow_up' && !closedFollowUps.has(e.id)) close = { href: `${base}/events/${e.id}/close`, text: 'Mark as done' };
    }
    items.push({
      group: groupOf(e.type),
      type: e.type,
      date: e.event_date,
      sortKey: `${e.event_date}|${e.recorded_at.toISOString()}|e${String(e.id).padStart(12, '0')}`,
      title,
      byline: e.recorded_by,
      lines,
      note: e.note,
      link: letter ? { href: `${base}/letters/${letter.id}`, text: `Download the letter (PDF)` } : null,
      close,
    });
  }
  for (const l of view.letters) {
    items.push({
      group: 'letter',
      type: 'letter',
      date: l.letter_date,
      sortKey: `${l.letter_date}|${l.created_at.toISOString()}|l${String(l.id).padStart(12, '0')}`,
      title: `Letter: ${actionLabel(l.template)}`,
      byline: l.created_by,
      lines: [],
      note: null,
      link: { href: `${base}/letters/${l.id}`, text: 'Download the letter (PDF)' },
      close: null,
    });
  }
  for (const ledger of view.ledgers) {
    for (const line of ledger.lines) {
      if (line.amountPence >= 0 || !['payment', 'benefit'].includes(line.kind)) continue;
      items.push({
        group: 'payment',
        type: 'payment',
        date: line.date,
        sortKey: `${line.date}|0|p${String(line.id).padStart(12, '0')}`,
        title: `${line.description}: ${formatPounds(-line.amountPence)}`,
        byline: null,
        lines: [],
        note: null,
        link: null,
        close: null,
      });
    }
  }
  return items.filter((i) => i.date <= today || i.type === 'follow_up').sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
}

export const RECORD_LINKS = [
  { kind: 'contact', text: 'Record a contact' },
  { kind: 'note', text: 'Add a note' },
  { kind: 'follow-up', text: 'Set a follow-up' },
  { kind: 'vulnerability', text: 'Record a vulnerability' },
  { kind: 'vulnerability-review', text: 'Record a vulnerability review' },
  { kind: 'dispute', text: 'Record a dispute' },
  { kind: 'breathing-space', text: 'Record a breathing space' },
];

export function buildTimelinePage(view: AccountView, today: BusinessDate, group: string | null) {
  const all = timelineItems(view, today);
  const shown = group ? all.filter((i) => i.group === group) : all;
  const base = `/tenancies/${encodeURIComponent(view.tenancy.ref)}`;
  return {
    pageTitle: `${view.tenancy.ref}: timeline`,
    header: accountHeader(view, today),
    subNavigation: accountNavigation(view.tenancy.ref, 'timeline'),
    total: all.length,
    group,
    groupItems: [
      { value: '', text: 'Everything', selected: group === null },
      ...Object.entries(TIMELINE_GROUPS).map(([value, g]) => ({ value, text: g.label, selected: group === value })),
    ],
    items: shown.map((i) => ({
      label: { text: i.title },
      byline: i.byline ? { text: i.byline } : undefined,
      datetime: { timestamp: i.date, type: 'date' },
      html: '',
      type: i.type,
      group: i.group,
      lines: i.lines,
      note: i.note,
      link: i.link,
      close: i.close,
    })),
    canAct: view.canAct,
    recordLinks: RECORD_LINKS.map((l) => ({ ...l, href: `${base}/record/${l.kind}` })),
    action: `${base}/timeline`,
  };
}
