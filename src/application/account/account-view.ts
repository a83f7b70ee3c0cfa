import { readTogether } from '../../persistence/read-together';
import { openTasksOf, type TaskRow } from '../tasks/tasks';
import { addDays, type BusinessDate } from '../../domain/calendar/business-date';
import { describeTransaction } from '../../domain/statements/describe-transaction';
import type { Db } from '../../persistence/database';
import { listBenefitClaims, type BenefitClaimRow } from '../../persistence/stores/account-view-store';
import { listApprovalsOfTenancy, type ApprovalRow } from '../../persistence/stores/approval-store';
import { currentAssessment, type StoredAssessment } from '../../persistence/stores/assessment-store';
import { listCaseEvents, type CaseEventRow } from '../../persistence/stores/case-event-store';
import { ledgerSumsBefore, listLedgerTransactions, type LedgerTransactionRow } from '../../persistence/stores/ledger-store';
import { listLettersOfTenancy, type LetterRow } from '../../persistence/stores/letter-store';
import { listTenants, type TenancyRow } from '../../persistence/stores/tenancy-store';
import { flagEventsOf } from '../../persistence/stores/worklist-store';
import { toStatementTransaction } from '../statements/build-statement';
import { canActOnPatch, type Actor } from '../users/permissions';
import { caseFlags, FLAG_EVENT_TYPES, type CaseFlags } from '../caseload/case-flags';

export interface TraceStep {
  rule: string;
  matched: boolean;
  detail: string;
  figures: Record<string, unknown> | null;
}

export interface LedgerLine {
  id: number;
  date: BusinessDate;
  kind: string;
  method: string | null;
  description: string;
  amountPence: number;
  runningBalancePence: number;
}

export interface SubAccountLedger {
  subAccount: string;
  balancePence: number;
  lines: LedgerLine[];
  /** Lines dated before the first loaded one (summed into the opening balance, not loaded). */
  earlierLineCount: number;
}

/** How far back the pages that show only the recent ledger read it line by line (about six months). */
export const RECENT_LEDGER_DAYS = 182;

export function recentLedgerFrom(today: BusinessDate): BusinessDate {
  return addDays(today, -RECENT_LEDGER_DAYS);
}

export interface AccountViewOptions {
  /**
   * Read ledger lines from this date only; everything earlier is summed per sub-account into the opening
   * balance of the running balances (exact) with its line count. Pages that show the recent ledger or
   * only the balance use it: an account with years of weekly history then costs a handful of rows.
   */
  ledgerFrom?: BusinessDate;
}

export interface AccountView {
  tenancy: TenancyRow;
  tenantNames: string[];
  assessment: StoredAssessment | null;
  trace: TraceStep[];
  flags: CaseFlags;
  benefits: BenefitClaimRow[];
  ledgers: SubAccountLedger[];
  balancePence: number;
  events: CaseEventRow[];
  /** The arrangement event in force, when the assessment reports one. */
  arrangementEvent: CaseEventRow | null;
  letters: Omit<LetterRow, 'content'>[];
  approvals: ApprovalRow[];
  /** Open tasks on the case (DWP requests, early warnings, failed collections…). */
  tasks: TaskRow[];
  canAct: boolean;
}

function parseTrace(raw: unknown): TraceStep[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((step: unknown) => {
    const s = (typeof step === 'object' && step !== null ? step : {}) as Record<string, unknown>;
    return {
      rule: typeof s.rule === 'string' ? s.rule : String(s.rule ?? ''),
      matched: s.matched === true,
      detail: typeof s.detail === 'string' ? s.detail : s.detail === undefined || s.detail === null ? '' : JSON.stringify(s.detail),
      figures: typeof s.figures === 'object' && s.figures !== null && !Array.isArray(s.figures) ? (s.figures as Record<string, unknown>) : null,
    };
  });
}

/** Ledger lines per sub-account (rent first), each with its running balance. */
export function ledgersBySubAccount(
  rows: readonly LedgerTransactionRow[],
  openings: readonly { subAccount: string; balancePence: number; lineCount: number }[] = [],
): SubAccountLedger[] {
  const map = new Map<string, SubAccountLedger>();
  for (const o of openings) map.set(o.subAccount, { subAccount: o.subAccount, balancePence: o.balancePence, lines: [], earlierLineCount: o.lineCount });
  for (const r of rows) {
    const ledger = map.get(r.sub_account) ?? { subAccount: r.sub_account, balancePence: 0, lines: [], earlierLineCount: 0 };
    ledger.balancePence += r.amount_pence;
    ledger.lines.push({
      id: r.id,
      date: r.business_date,
      kind: r.kind,
      method: r.method,
      description: describeTransaction(toStatementTransaction(r)),
      amountPence: r.amount_pence,
      runningBalancePence: ledger.balancePence,
    });
    map.set(r.sub_account, ledger);
  }
  const list = [...map.values()];
  list.sort((a, b) => (a.subAccount === 'rent' ? -1 : b.subAccount === 'rent' ? 1 : a.subAccount.localeCompare(b.subAccount)));
  if (list.length === 0) list.push({ subAccount: 'rent', balancePence: 0, lines: [], earlierLineCount: 0 });
  return list;
}

/**
 * Everything the account page shows of one tenancy, as known on `today`: nine reads, sent together in one round
 * trip (`readTogether`; with them any other statement its caller starts in the same turn, such as the audit of the
 * read).
 */
export async function loadAccountView(db: Db, actor: Actor, tenancy: TenancyRow, today: BusinessDate, options: AccountViewOptions = {}): Promise<AccountView> {
  const from = options.ledgerFrom;
  const reads = readTogether(db);
  const [tenants, assessment, benefits, ledgerRows, openings, events, letters, approvals, tasks] = await Promise.all([
    listTenants(reads, tenancy.id),
    currentAssessment(reads, tenancy.id),
    listBenefitClaims(reads, tenancy.id),
    listLedgerTransactions(reads, tenancy.id, from ? { from } : {}),
    from ? ledgerSumsBefore(reads, tenancy.id, from) : Promise.resolve([]),
    listCaseEvents(reads, tenancy.id),
    listLettersOfTenancy(reads, tenancy.id),
    listApprovalsOfTenancy(reads, tenancy.id),
    openTasksOf(reads, tenancy.id),
  ]);
  const ledgers = ledgersBySubAccount(ledgerRows, openings);
  const arrangementStatus = (assessment?.result.arrangement as { status?: string } | undefined)?.status;
  const arrangementEvent = arrangementStatus && arrangementStatus !== 'none' ? ([...events].reverse().find((e) => e.type === 'arrangement') ?? null) : null;
  return {
    tenancy,
    tenantNames: tenants.map((t) => t.name),
    assessment,
    trace: parseTrace(assessment?.trace),
    flags: caseFlags(events, today),
    benefits,
    ledgers,
    balancePence: ledgers.reduce((sum, l) => sum + l.balancePence, 0),
    events,
    arrangementEvent,
    letters,
    approvals,
    tasks,
    canAct: canActOnPatch(actor, tenancy.patch_id),
  };
}

/** What the header of every account page shows: the tenancy, its tenants' names, its flags and whether the user may act. */
export type AccountHeaderView = Pick<AccountView, 'tenancy' | 'tenantNames' | 'flags' | 'canAct'>;

/**
 * The account pages' header (loadAccountView's, the same flags): the tenants and the events the flags are read
 * from (FLAG_EVENT_TYPES) only. The pages beside the account page (money, benefits, legal, court, direct
 * debits, household) show the header and their own reads: the account's ledger, letters, approvals and other
 * events, which loadAccountView reads, are not read for them. The two reads go in one round trip (`readTogether`).
 */
export async function loadAccountHeader(db: Db, actor: Actor, tenancy: TenancyRow, today: BusinessDate): Promise<AccountHeaderView> {
  const reads = readTogether(db);
  const [tenants, flagEvents] = await Promise.all([listTenants(reads, tenancy.id), flagEventsOf(reads, [tenancy.id], FLAG_EVENT_TYPES)]);
  return {
    tenancy,
    tenantNames: tenants.map((t) => t.name),
    flags: caseFlags(flagEvents.get(tenancy.id) ?? [], today),
    canAct: canActOnPatch(actor, tenancy.patch_id),
  };
}
