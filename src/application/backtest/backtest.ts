import { assessCase } from '../../domain/assessment';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays } from '../../domain/calendar/business-date';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import type { PolicyDocument } from '../../domain/policy';
import { resolvePolicy } from '../../domain/policy';
import { needsAPerson } from '../../domain/worklist/caseload';
import type { Db } from '../../persistence/database';
import { loadCaseData, tenancyIdRange, type CaseData } from '../../persistence/stores/case-data-store';
import { buildCaseFile } from '../case-file/build-case-file';

export interface BacktestPolicy {
  label: string;
  document: PolicyDocument;
}

export interface BacktestDateResult {
  date: BusinessDate;
  assessed: number;
  /** Accounts recommended a step that needs a person (the caseload). */
  caseload: number;
  byAction: Record<string, number>;
  /** Of the caseload, accounts with no real arrears four weeks later and no recovery action recorded in between. */
  clearedBySelf: number;
}

export interface BacktestResult {
  from: BusinessDate;
  to: BusinessDate;
  everyDays: number;
  policies: { label: string; dates: BacktestDateResult[] }[];
}

/** The case data as it was known on `asOf`: transactions and events dated after it are left out. */
export function caseDataAsKnownOn(data: CaseData, asOf: BusinessDate): CaseData {
  return {
    ...data,
    transactions: data.transactions.filter((t) => t.business_date <= asOf),
    events: data.events.filter((e) => e.event_date <= asOf),
  };
}

const RECOVERY_EVENT_TYPES = new Set(['action', 'contact', 'arrangement', 'notice_served', 'claim_issued', 'court_order']);

/**
 * Replays the assessment over history as it was known on each date from `from` to `to` (every `everyDays`
 * days), under one or two policies, and reports the caseload by action and how many flagged accounts
 * cleared by themselves within four weeks. Loads each batch of tenancies once and replays every date from it.
 */
export async function backtest(
  db: Db,
  options: { from: BusinessDate; to: BusinessDate; everyDays: number; policies: BacktestPolicy[]; onProgress?: (done: number, total: number) => void },
): Promise<BacktestResult> {
  const dates: BusinessDate[] = [];
  for (let d = options.from; d <= options.to; d = addDays(d, options.everyDays)) dates.push(d);
  const results = options.policies.map((p) => ({
    label: p.label,
    dates: dates.map((date) => ({ date, assessed: 0, caseload: 0, byAction: {} as Record<string, number>, clearedBySelf: 0 })),
  }));
  const range = await tenancyIdRange(db);
  if (!range) return { from: options.from, to: options.to, everyDays: options.everyDays, policies: results };
  const horizon = addDays(options.to, 28);
  const batchSize = 500;
  for (let idFrom = range.min; idFrom <= range.max; idFrom += batchSize) {
    const idTo = Math.min(range.max, idFrom + batchSize - 1);
    const cases = await loadCaseData(db, { idFrom, idTo }, horizon);
    for (const data of cases) {
      for (const [di, date] of dates.entries()) {
        if (data.tenancy.start_date > date) continue;
        const parsed = parseCaseFile(buildCaseFile(caseDataAsKnownOn(data, date), date));
        if (!parsed.ok) continue;
        const later = addDays(date, 28);
        let laterRealArrears: number | null = null;
        const recoveryBetween = data.events.some((e) => e.event_date > date && e.event_date <= later && RECOVERY_EVENT_TYPES.has(e.type));
        for (const [pi, policy] of options.policies.entries()) {
          const parameters = resolvePolicy(policy.document, parsed.value.tenancy.tenure, parsed.value.landlord.type);
          const { output } = assessCase(parsed.value, parameters);
          const slot = results[pi]!.dates[di]!;
          slot.assessed += 1;
          slot.byAction[output.recommendation.action] = (slot.byAction[output.recommendation.action] ?? 0) + 1;
          if (!needsAPerson(output.recommendation.action)) continue;
          slot.caseload += 1;
          if (laterRealArrears === null) {
            const laterCase = parseCaseFile(buildCaseFile(caseDataAsKnownOn(data, later), later));
            laterRealArrears = laterCase.ok ? assessCase(laterCase.value, parameters).output.realArrearsPence : -1;
          }
          if (laterRealArrears === 0 && !recoveryBetween) slot.clearedBySelf += 1;
        }
      }
    }
    options.onProgress?.(idTo - range.min + 1, range.max - range.min + 1);
  }
  return { from: options.from, to: options.to, everyDays: options.everyDays, policies: results };
}
