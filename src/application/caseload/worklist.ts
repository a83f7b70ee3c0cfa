import type { BusinessDate } from '../../domain/calendar/business-date';
import { noticeValidityOn, type NoticeValidity } from '../../domain/legal-case/notice-service';
import { countTasksDue, tasksDue, tasksDueWithTotal, type TaskRow } from '../tasks/tasks';
import type { Db } from '../../persistence/database';
import { findUserById } from '../../persistence/stores/user-store';
import {
  countFollowUpsDue,
  flagEventsOf,
  followUpsDue,
  followUpsDueWithTotal,
  queryWorklist,
  type FollowUpRow,
  type WorklistFilter,
} from '../../persistence/stores/worklist-store';
import { canActOnPatch, defaultWorklistPatchIds, type Actor } from '../users/permissions';
import { caseFlags, FLAG_EVENT_TYPES, type LegalStage } from './case-flags';

export const WORKLIST_PAGE_SIZE = 50;
/** The most overdue follow-ups and tasks the worklist shows above the caseload; the rest are on their own pages. */
export const WORKLIST_DUE_PREVIEW = 10;
/** Rows a page of the tasks due and follow-ups due pages. */
export const DUE_LIST_PAGE_SIZE = 50;

/** Arrears bands of the filter, in pence: [from, to) with null = open. */
export const ARREARS_BANDS: Record<string, { label: string; fromPence: number | null; toPence: number | null }> = {
  under_250: { label: 'Under £250', fromPence: null, toPence: 25_000 },
  '250_to_500': { label: '£250 to £500', fromPence: 25_000, toPence: 50_000 },
  '500_to_1000': { label: '£500 to £1,000', fromPence: 50_000, toPence: 100_000 },
  '1000_to_2500': { label: '£1,000 to £2,500', fromPence: 100_000, toPence: 250_000 },
  over_2500: { label: '£2,500 or more', fromPence: 250_000, toPence: null },
};

export interface WorklistQuery {
  /** 'mine' (the default caseload), 'all', or a patch id. */
  patch: 'mine' | 'all' | number;
  /** Another officer's caseload (their patch). */
  officerId: number | null;
  action: string | null;
  band: string | null;
  vulnerable: boolean | null;
  tenure: string | null;
  page: number;
}

export interface WorklistItem {
  tenancyId: number;
  ref: string;
  names: string;
  patchName: string | null;
  tenure: string;
  action: string;
  needsApproval: boolean;
  priority: number;
  realArrearsPence: number;
  weeksInArrears: number | null;
  firstReason: string | null;
  legalStage: LegalStage;
  /** The notice in force from the stored assessment (result.notice), with its validity today. */
  notice: WorklistNotice | null;
  vulnerable: boolean;
  breathingSpace: boolean;
  dispute: boolean;
  canAct: boolean;
}

export interface WorklistNotice {
  type: string;
  servedOn: BusinessDate;
  earliestProceedingsDate: BusinessDate;
  expiresOn: BusinessDate | null;
  validity: NoticeValidity;
}

const isDate = (x: unknown): x is BusinessDate => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);

/** The notice of a stored assessment result (`result.notice`) and its validity on `today`; null without one. */
export function worklistNoticeOf(result: Record<string, unknown>, today: BusinessDate): WorklistNotice | null {
  const n = result.notice;
  if (n === null || typeof n !== 'object') return null;
  const { type, servedOn, earliestProceedingsDate, expiresOn } = n as Record<string, unknown>;
  if (typeof type !== 'string' || !isDate(servedOn) || !isDate(earliestProceedingsDate)) return null;
  const expires = isDate(expiresOn) ? expiresOn : null;
  return { type, servedOn, earliestProceedingsDate, expiresOn: expires, validity: noticeValidityOn({ earliestProceedingsDate, expiresOn: expires }, today) };
}

export interface Worklist {
  items: WorklistItem[];
  total: number;
  page: number;
  pageCount: number;
  countsByAction: { action: string; count: number }[];
  /** The most overdue follow-ups due by today (oldest due first), at most `dueLimit` of them. */
  followUps: (FollowUpRow & { canAct: boolean })[];
  /** How many follow-ups are due in all (a count). */
  followUpsTotal: number;
  /** Open tasks due by today (DWP requests, early warnings, failed direct debits, court dates…), oldest due first, at most `dueLimit`. */
  tasks: (TaskRow & { canAct: boolean })[];
  /** How many open tasks are due in all (a count). */
  tasksTotal: number;
  scopePatchIds: number[] | null;
}

async function patchIdsOf(db: Db, actor: Actor, q: WorklistQuery): Promise<number[] | null> {
  if (q.officerId !== null) {
    const officer = await findUserById(db, q.officerId);
    return officer?.patch_id ? [officer.patch_id] : [];
  }
  if (q.patch === 'all') return null;
  if (q.patch === 'mine') return defaultWorklistPatchIds(actor);
  return [q.patch];
}

/**
 * The worklist an actor sees: cases with an action, by priority then real arrears, 50 a page, with the
 * follow-ups and tasks due (the most overdue `dueLimit` of each, WORKLIST_DUE_PREVIEW by default, and
 * their totals; every one of them is on the paged lists of loadDueList).
 */
export async function loadWorklist(db: Db, actor: Actor, q: WorklistQuery, today: BusinessDate, options: { dueLimit?: number } = {}): Promise<Worklist> {
  const patchIds = await patchIdsOf(db, actor, q);
  const band = q.band ? ARREARS_BANDS[q.band] : undefined;
  const filter: WorklistFilter = {
    patchIds,
    action: q.action,
    minRealArrearsPence: band?.fromPence ?? null,
    maxRealArrearsPence: band?.toPence ?? null,
    vulnerable: q.vulnerable,
    tenure: q.tenure,
  };
  const page = Math.max(1, q.page);
  const dueLimit = options.dueLimit ?? WORKLIST_DUE_PREVIEW;
  // The page with its counts by action and total, the follow-ups and the tasks side by side; then the flags of
  // the page's cases.
  const [{ rows, total, countsByAction }, followUps, tasks] = await Promise.all([
    queryWorklist(db, filter, { limit: WORKLIST_PAGE_SIZE, offset: (page - 1) * WORKLIST_PAGE_SIZE }),
    followUpsDueWithTotal(db, patchIds, today, dueLimit),
    tasksDueWithTotal(db, patchIds, today, dueLimit),
  ]);
  const events = await flagEventsOf(
    db,
    rows.map((r) => r.tenancy_id),
    FLAG_EVENT_TYPES,
  );
  const items = rows.map((r): WorklistItem => {
    const flags = caseFlags(events.get(r.tenancy_id) ?? [], today);
    const reasons = Array.isArray(r.result.reasons) ? (r.result.reasons as unknown[]) : [];
    const weeks = r.result.weeksInArrears;
    return {
      tenancyId: r.tenancy_id,
      ref: r.ref,
      names: r.names ?? '',
      patchName: r.patch_name,
      tenure: r.tenure,
      action: r.action,
      needsApproval: r.needs_approval,
      priority: r.priority,
      realArrearsPence: r.real_arrears_pence,
      weeksInArrears: typeof weeks === 'number' ? weeks : null,
      firstReason: typeof reasons[0] === 'string' ? reasons[0] : null,
      legalStage: flags.legalStage,
      notice: worklistNoticeOf(r.result, today),
      vulnerable: flags.vulnerabilities.length > 0,
      breathingSpace: flags.breathingSpace !== null,
      dispute: flags.openDisputes.length > 0,
      canAct: canActOnPatch(actor, r.patch_id),
    };
  });
  return {
    items,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / WORKLIST_PAGE_SIZE)),
    countsByAction,
    followUps: followUps.rows.map((f) => ({ ...f, canAct: canActOnPatch(actor, f.patch_id) })),
    followUpsTotal: followUps.total,
    tasks: tasks.rows.map((t) => ({ ...t, canAct: canActOnPatch(actor, t.patch_id) })),
    tasksTotal: tasks.total,
    scopePatchIds: patchIds,
  };
}

export type DueListKind = 'tasks' | 'follow_ups';

interface DueListPage<Row> {
  items: (Row & { canAct: boolean })[];
  /** How many are due in all (a count). */
  total: number;
  /** The page shown: the one asked for, or the last when asked for one past the end. */
  page: number;
  pageCount: number;
  scopePatchIds: number[] | null;
}

export type DueList = ({ which: 'tasks' } & DueListPage<TaskRow>) | ({ which: 'follow_ups' } & DueListPage<FollowUpRow>);

/**
 * Every open task (or follow-up) due by `today` in the worklist's scope (its patch and officer; the other
 * filters do not apply), oldest due first, 50 a page. A page past the end shows the last page.
 */
export async function loadDueList(db: Db, actor: Actor, q: WorklistQuery, today: BusinessDate, which: DueListKind): Promise<DueList> {
  const patchIds = await patchIdsOf(db, actor, q);
  const total = which === 'tasks' ? await countTasksDue(db, patchIds, today) : await countFollowUpsDue(db, patchIds, today);
  const pageCount = Math.max(1, Math.ceil(total / DUE_LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, q.page), pageCount);
  const offset = (page - 1) * DUE_LIST_PAGE_SIZE;
  const base = { total, page, pageCount, scopePatchIds: patchIds };
  if (which === 'tasks') {
    const rows = await tasksDue(db, patchIds, today, undefined, { limit: DUE_LIST_PAGE_SIZE, offset });
    return { which, ...base, items: rows.map((t) => ({ ...t, canAct: canActOnPatch(actor, t.patch_id) })) };
  }
  const rows = await followUpsDue(db, patchIds, today, DUE_LIST_PAGE_SIZE, offset);
  return { which, ...base, items: rows.map((f) => ({ ...f, canAct: canActOnPatch(actor, f.patch_id) })) };
}
