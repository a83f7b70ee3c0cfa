import { taskKindLabel, type TaskRow } from '../../../application/tasks/tasks';
import { ARREARS_BANDS, DUE_LIST_PAGE_SIZE, WORKLIST_PAGE_SIZE, type DueList, type Worklist, type WorklistNotice, type WorklistQuery } from '../../../application/caseload/worklist';
import type { Actor } from '../../../application/users/permissions';
import type { BusinessDate } from '../../../domain/calendar/business-date';
import { formatPounds } from '../../../domain/money/pence';
import { formatLongDate } from '../../../domain/statements/dates';
import { ACTION_LABELS, actionLabel, label, NOTICE_LABELS, TENURE_LABELS } from '../../labels';
import type { FollowUpRow } from '../../../persistence/stores/worklist-store';
import { dueListParams, worklistParams } from './form';

export interface Badge {
  text: string;
  classes: string;
}

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
  checked?: boolean;
}

/** The first reason on the worklist, cut at a word (the account shows it whole). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

export function flagBadges(flags: { vulnerable: boolean; breathingSpace: boolean; dispute: boolean; needsApproval?: boolean }): Badge[] {
  const badges: Badge[] = [];
  if (flags.breathingSpace) badges.push({ text: 'Breathing space', classes: 'moj-badge--purple' });
  if (flags.vulnerable) badges.push({ text: 'Vulnerable', classes: 'moj-badge--red' });
  if (flags.dispute) badges.push({ text: 'Dispute', classes: 'moj-badge--orange' });
  if (flags.needsApproval) badges.push({ text: 'Needs approval', classes: 'moj-badge--blue' });
  return badges;
}

/** "Notice seeking possession: valid until 26 October 2027" / "not yet valid (from …)" / "expired". */
export function noticeSummary(n: WorklistNotice): { type: string; validity: WorklistNotice['validity']; text: string } {
  const type = label(NOTICE_LABELS, n.type);
  const text =
    n.validity === 'not_yet_valid'
      ? `not yet valid (from ${formatLongDate(n.earliestProceedingsDate)})`
      : n.validity === 'expired'
        ? 'expired'
        : n.expiresOn
          ? `valid until ${formatLongDate(n.expiresOn)}`
          : 'valid (does not lapse)';
  return { type, validity: n.validity, text };
}

type Officer = { id: number; name: string; patchName: string | null };

/** The caption over the heading: whose cases the page holds ("Your patch: Northgate", "All patches", …). */
export function scopeCaption(actor: Actor, query: WorklistQuery, scopePatchIds: number[] | null, patches: { id: number; name: string }[], officers: Officer[]): string {
  if (query.officerId !== null) return `${officers.find((o) => o.id === query.officerId)?.name ?? 'Officer'}'s cases`;
  if (query.patch === 'all') return 'All patches';
  if (query.patch === 'mine') return scopePatchIds === null ? 'All patches' : actor.patchName ? `Your patch: ${actor.patchName}` : 'Your cases';
  const id = query.patch;
  return `Patch: ${patches.find((p) => p.id === id)?.name ?? `patch ${id}`}`;
}

/** govukPagination's parameters for page `page` of `pageCount` (first, last and neighbours, with ellipses); null for one page. */
export function paginationOf(page: number, pageCount: number, pageHref: (n: number) => string) {
  if (pageCount <= 1) return null;
  const pageNumbers: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n += 1) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 1) pageNumbers.push(n);
    else if (pageNumbers[pageNumbers.length - 1] !== null) pageNumbers.push(null);
  }
  return {
    previous: page > 1 ? { href: pageHref(page - 1) } : undefined,
    next: page < pageCount ? { href: pageHref(page + 1) } : undefined,
    items: pageNumbers.map((n) => (n === null ? { ellipsis: true } : { number: n, href: pageHref(n), current: n === page })),
  };
}

/** A row of the follow-ups due table (the worklist and the follow-ups due page). */
export function followUpRow(f: FollowUpRow & { canAct: boolean }, today: BusinessDate) {
  return {
    id: f.id,
    ref: f.ref,
    href: `/tenancies/${encodeURIComponent(f.ref)}`,
    names: f.names ?? '',
    due: formatLongDate(f.due_date),
    overdue: f.due_date < today,
    reason: f.reason ?? f.note ?? '',
    canAct: f.canAct,
    closeHref: `/tenancies/${encodeURIComponent(f.ref)}/events/${f.id}/close`,
  };
}

/** A row of the tasks due table (the worklist and the tasks due page). */
export function taskRow(t: TaskRow & { canAct: boolean }, today: BusinessDate) {
  return {
    id: t.id,
    ref: t.ref,
    href: `/tenancies/${encodeURIComponent(t.ref)}#tasks`,
    names: t.names ?? '',
    kind: taskKindLabel(t.kind),
    kindCode: t.kind,
    title: t.title,
    due: formatLongDate(t.due_on),
    overdue: t.due_on < today,
    canAct: t.canAct,
  };
}

export function buildWorklistPage(input: {
  actor: Actor;
  worklist: Worklist;
  query: WorklistQuery;
  today: BusinessDate;
  patches: { id: number; name: string }[];
  officers: Officer[];
}) {
  const { actor, worklist, query, today, patches, officers } = input;
  const patchName = (id: number) => patches.find((p) => p.id === id)?.name ?? `patch ${id}`;
  const scope = scopeCaption(actor, query, worklist.scopePatchIds, patches, officers);

  const selectedCategories: { heading: { text: string }; items: { href: string; text: string }[] }[] = [];
  const remove = (key: keyof WorklistQuery, text: string, heading: string, reset: unknown) =>
    selectedCategories.push({ heading: { text: heading }, items: [{ href: `/worklist${worklistParams(query, { [key]: reset, page: 1 })}`, text }] });
  if (query.patch !== 'mine') remove('patch', query.patch === 'all' ? 'All patches' : patchName(query.patch), 'Patch', 'mine');
  if (query.officerId !== null) remove('officerId', officers.find((o) => o.id === query.officerId)?.name ?? 'Officer', 'Officer', null);
  if (query.action) remove('action', actionLabel(query.action), 'Recommended action', null);
  if (query.band) remove('band', ARREARS_BANDS[query.band]?.label ?? query.band, 'Real arrears', null);
  if (query.vulnerable !== null) remove('vulnerable', query.vulnerable ? 'Vulnerable' : 'Not vulnerable', 'Vulnerability', null);
  if (query.tenure) remove('tenure', label(TENURE_LABELS, query.tenure), 'Tenure', null);

  const first = worklist.total === 0 ? 0 : (worklist.page - 1) * WORKLIST_PAGE_SIZE + 1;
  const last = Math.min(worklist.total, worklist.page * WORKLIST_PAGE_SIZE);
  const pageHref = (n: number) => `/worklist${worklistParams(query, { page: n })}`;

  const rows = worklist.items.map((i) => ({
    id: i.tenancyId,
    ref: i.ref,
    href: `/tenancies/${encodeURIComponent(i.ref)}`,
    names: i.names,
    patchName: i.patchName ?? '',
    action: i.action,
    actionLabel: actionLabel(i.action),
    reason: shorten(i.firstReason ?? '', 110),
    arrears: formatPounds(i.realArrearsPence),
    arrearsPence: i.realArrearsPence,
    weeks: i.weeksInArrears === null ? '' : i.weeksInArrears.toFixed(2),
    legalStage: i.legalStage.label,
    notice: i.notice ? noticeSummary(i.notice) : null,
    badges: flagBadges({ vulnerable: i.vulnerable, breathingSpace: i.breathingSpace, dispute: i.dispute, needsApproval: i.needsApproval }),
    selectable: i.canAct && i.action === 'send_letter_1',
    readOnly: !i.canAct,
  }));

  return {
    pageTitle: 'Worklist',
    heading: 'Cases today',
    scope,
    today: formatLongDate(today),
    total: worklist.total,
    showing: worklist.total === 0 ? 'No cases' : `Showing ${first} to ${last} of ${worklist.total} cases`,
    rows,
    bulkEnabled: rows.some((r) => r.selectable),
    counts: worklist.countsByAction.map((c) => ({
      action: c.action,
      text: actionLabel(c.action),
      count: c.count,
      href: `/worklist${worklistParams(query, { action: c.action, page: 1 })}`,
      current: query.action === c.action,
    })),
    allActionsHref: `/worklist${worklistParams(query, { action: null, page: 1 })}`,
    pagination: paginationOf(worklist.page, worklist.pageCount, pageHref),
    followUps: worklist.followUps.map((f) => followUpRow(f, today)),
    followUpsTotal: worklist.followUpsTotal,
    /** "See all N follow-ups due", when the worklist shows only some. */
    followUpsAll:
      worklist.followUpsTotal > worklist.followUps.length
        ? { href: `/worklist/follow-ups${dueListParams(query)}`, text: `See all ${worklist.followUpsTotal} follow-ups due` }
        : null,
    tasks: worklist.tasks.map((t) => taskRow(t, today)),
    tasksTotal: worklist.tasksTotal,
    /** "See all N tasks due", when the worklist shows only some. */
    tasksAll: worklist.tasksTotal > worklist.tasks.length ? { href: `/worklist/tasks${dueListParams(query)}`, text: `See all ${worklist.tasksTotal} tasks due` } : null,
    filter: {
      selectedCategories,
      clearHref: '/worklist',
      patchItems: [
        { value: 'mine', text: actor.patchName ? `My patch (${actor.patchName})` : 'My cases', selected: query.patch === 'mine' },
        { value: 'all', text: 'All patches', selected: query.patch === 'all' },
        ...patches.map((p) => ({ value: String(p.id), text: p.name, selected: query.patch === p.id })),
      ] as SelectItem[],
      officerItems: [
        { value: '', text: 'Any officer', selected: query.officerId === null },
        ...officers.map((o) => ({ value: String(o.id), text: o.patchName ? `${o.name} (${o.patchName})` : o.name, selected: query.officerId === o.id })),
      ] as SelectItem[],
      actionItems: [
        { value: '', text: 'Any action', selected: query.action === null },
        ...Object.keys(ACTION_LABELS)
          .filter((a) => a !== 'none')
          .map((a) => ({ value: a, text: actionLabel(a), selected: query.action === a })),
      ] as SelectItem[],
      bandItems: [
        { value: '', text: 'Any amount', checked: query.band === null },
        ...Object.entries(ARREARS_BANDS).map(([value, b]) => ({ value, text: b.label, checked: query.band === value })),
      ] as SelectItem[],
      vulnerableItems: [
        { value: '', text: 'Any', checked: query.vulnerable === null },
        { value: 'yes', text: 'Vulnerable', checked: query.vulnerable === true },
        { value: 'no', text: 'Not vulnerable', checked: query.vulnerable === false },
      ] as SelectItem[],
      tenureItems: [
        { value: '', text: 'Any tenure', selected: query.tenure === null },
        ...Object.entries(TENURE_LABELS).map(([value, text]) => ({ value, text, selected: query.tenure === value })),
      ] as SelectItem[],
    },
  };
}

export type WorklistPage = ReturnType<typeof buildWorklistPage>;

/** The tasks due page (/worklist/tasks) or the follow-ups due page (/worklist/follow-ups). */
export function buildDueListPage(input: { actor: Actor; list: DueList; query: WorklistQuery; today: BusinessDate; patches: { id: number; name: string }[]; officers: Officer[] }) {
  const { actor, list, query, today, patches, officers } = input;
  const tasks = list.which === 'tasks';
  const heading = tasks ? 'Tasks due' : 'Follow-ups due';
  const noun = tasks ? (list.total === 1 ? 'task' : 'tasks') : list.total === 1 ? 'follow-up' : 'follow-ups';
  const path = tasks ? '/worklist/tasks' : '/worklist/follow-ups';
  const first = (list.page - 1) * DUE_LIST_PAGE_SIZE + 1;
  const last = Math.min(list.total, list.page * DUE_LIST_PAGE_SIZE);
  return {
    pageTitle: list.page > 1 ? `${heading} (page ${list.page} of ${list.pageCount})` : heading,
    heading,
    which: list.which,
    scope: scopeCaption(actor, query, list.scopePatchIds, patches, officers),
    today: formatLongDate(today),
    total: list.total,
    showing: list.total === 0 ? '' : `Showing ${first} to ${last} of ${list.total} ${noun} due`,
    emptyText: tasks ? 'There are no tasks due.' : 'There are no follow-ups due.',
    backHref: `/worklist${dueListParams(query)}`,
    tasks: list.which === 'tasks' ? list.items.map((t) => taskRow(t, today)) : [],
    followUps: list.which === 'follow_ups' ? list.items.map((f) => followUpRow(f, today)) : [],
    pagination: paginationOf(list.page, list.pageCount, (n) => `${path}${dueListParams(query, n)}`),
  };
}

export type DueListPageView = ReturnType<typeof buildDueListPage>;
