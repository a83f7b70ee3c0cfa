import { isDeepStrictEqual } from 'node:util';
import { assessCase } from '../../domain/assessment';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import { resolvePolicy, type PolicyDocument } from '../../domain/policy';
import type { Db } from '../../persistence/database';
import { currentAssessmentsOf, currentlyAssessedTenancyIds, traceHash, type StoredCurrentAssessment } from '../../persistence/stores/assessment-store';
import { loadCaseData, type CaseData } from '../../persistence/stores/case-data-store';
import { listPolicyVersions } from '../../persistence/stores/policy-store';
import { buildCaseFile } from '../case-file/build-case-file';

/** A current assessment that is not what `assess` gives on the tenancy's exported case file. */
export interface AssessmentDifference {
  tenancyId: number;
  ref: string;
  asOf: BusinessDate;
  trigger: string;
  /**
   * What differs: the result's fields by name, the stored columns by table and name (`assessments.priority`,
   * `current_assessments.needs_approval`, …), `trace (from "rule")` (the first rule whose entry differs), or why
   * it could not be assessed.
   */
  parts: string[];
}

export interface VerifyReport {
  /** Tenancies with a current assessment. */
  current: number;
  checked: number;
  same: number;
  differ: number;
  /** The first MAX_DIFFERENCES_LISTED differences. */
  differences: AssessmentDifference[];
}

export interface VerifyOptions {
  /** Check this many current assessments, spread evenly over the tenancy ids (default: every one). */
  sample?: number;
  /** Check only these tenancies. */
  tenancyIds?: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

const MAX_DIFFERENCES_LISTED = 100;
/** Tenancies read at a time: their whole histories, as `export-case` reads one. */
const BATCH = 250;

/**
 * The check of what the daily run and the re-assessments stored: each tenancy's current assessment is made
 * again from the tenancy's whole exported case file, exactly as
 * `rentwise export-case REF --as-of D | rentwise assess --trace --policy FILE -` would (D the assessment's date,
 * FILE the document of the policy version it was made under), and the two are compared: the result field by
 * field, the columns copied out of it (the assessment's and the current-assessment row the worklists read), and
 * the rule trace figure for figure and by its hash. The daily run reads each account's recent history and sums the rest, builds
 * the case file without its JSON, shares traces by their hash and stores with COPY; this goes the long way
 * round on every count, so any difference is a fault in one of those, a change to the case data after the
 * assessment that did not re-assess it, or an assessment made by other code (before an upgrade, until the next
 * run): it is meant for a database the current code has just run on.
 */
export async function verifyCurrentAssessments(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const all = await currentlyAssessedTenancyIds(db);
  const wanted = options.tenancyIds ? new Set(options.tenancyIds) : null;
  const ids = evenlySpaced(wanted ? all.filter((id) => wanted.has(id)) : all, options.sample);
  const policies = new Map((await listPolicyVersions(db)).map((p) => [p.version, p.document as PolicyDocument]));
  const report: VerifyReport = { current: all.length, checked: 0, same: 0, differ: 0, differences: [] };
  for (let from = 0; from < ids.length; from += BATCH) {
    const stored = await currentAssessmentsOf(db, ids.slice(from, from + BATCH));
    const checked = await checkAll(db, stored, policies);
    for (const first of stored) {
      let s = first;
      let parts = checked.get(s.tenancy_id) ?? [];
      if (parts.length > 0) {
        // The reads are not one snapshot: a payment and its re-assessment (a new row), or the day's run again
        // (the same row, updated), may have come in between. A difference is checked once more, as it is now.
        const [now] = await currentAssessmentsOf(db, [s.tenancy_id]);
        if (now) {
          s = now;
          parts = (await checkAll(db, [now], policies)).get(now.tenancy_id) ?? [];
        }
      }
      report.checked++;
      if (parts.length === 0) report.same++;
      else {
        report.differ++;
        if (report.differences.length < MAX_DIFFERENCES_LISTED) report.differences.push({ tenancyId: s.tenancy_id, ref: s.ref, asOf: s.as_of, trigger: s.trigger, parts });
      }
    }
    options.onProgress?.(Math.min(from + BATCH, ids.length), ids.length);
  }
  return report;
}

/** What differs for each of the stored current assessments (the case data read once per date). */
async function checkAll(db: Db, stored: readonly StoredCurrentAssessment[], policies: ReadonlyMap<number, PolicyDocument>): Promise<Map<number, string[]>> {
  const parts = new Map<number, string[]>();
  for (const [asOf, group] of groupByDate(stored)) {
    const cases = new Map((await loadCaseData(db, { ids: group.map((s) => s.tenancy_id) }, asOf)).map((c) => [c.tenancy.id, c]));
    for (const s of group) parts.set(s.tenancy_id, differences(s, cases.get(s.tenancy_id), policies.get(s.policy_version)));
  }
  return parts;
}

/** `count` of the ids, evenly spread from the first (all of them when count is absent or not smaller). */
export function evenlySpaced(ids: readonly number[], count: number | undefined): number[] {
  if (count === undefined || count >= ids.length) return [...ids];
  const picked: number[] = [];
  for (let i = 0; i < count; i++) picked.push(ids[Math.floor((i * ids.length) / count)]!);
  return picked;
}

function groupByDate(stored: readonly StoredCurrentAssessment[]): Map<BusinessDate, StoredCurrentAssessment[]> {
  const groups = new Map<BusinessDate, StoredCurrentAssessment[]>();
  for (const s of stored) {
    const group = groups.get(s.as_of);
    if (group) group.push(s);
    else groups.set(s.as_of, [s]);
  }
  return groups;
}

/**
 * What differs between a stored current assessment and `assess` on the case file exported as of its date (none:
 * []): the result's fields by name, the columns copied out of it (the assessment's, and the current-assessment row
 * the worklists read), the trace's hash, and the trace (with the first rule whose entry differs).
 */
export function differences(stored: StoredCurrentAssessment, data: CaseData | undefined, policy: PolicyDocument | undefined): string[] {
  if (!data) return ['case file: the tenancy was not found'];
  if (!policy) return [`policy version ${stored.policy_version} is not stored`];
  // JSON out and JSON in, as `export-case … | assess -` does.
  const parsed = parseCaseFile(JSON.parse(JSON.stringify(buildCaseFile(data, stored.as_of))));
  if (!parsed.ok) return [`case file: ${parsed.path || '(file)'}: ${parsed.message}`];
  const { output, trace } = assessCase(parsed.value, resolvePolicy(policy, parsed.value.tenancy.tenure, parsed.value.landlord.type));
  const expected = JSON.parse(JSON.stringify({ ...output, policyVersion: stored.policy_version })) as Record<string, unknown>;
  const parts = [...new Set([...Object.keys(expected), ...Object.keys(stored.result)])]
    .filter((key) => !isDeepStrictEqual(expected[key], stored.result[key]))
    .sort();
  const traceJson = JSON.stringify(trace);
  const hash = traceHash(traceJson);
  const columns: [string, unknown, unknown][] = [
    ['assessments.action', stored.action, output.recommendation.action],
    ['assessments.priority', stored.priority, output.priority],
    ['assessments.balance_pence', stored.balance_pence, output.balancePence],
    ['assessments.arrears_pence', stored.arrears_pence, output.arrearsPence],
    ['assessments.real_arrears_pence', stored.real_arrears_pence, output.realArrearsPence],
    ['assessments.trace_hash', stored.trace_hash ?? hash, hash],
    ['current_assessments.as_of', stored.current.as_of, stored.as_of],
    ['current_assessments.action', stored.current.action, output.recommendation.action],
    ['current_assessments.priority', stored.current.priority, output.priority],
    ['current_assessments.real_arrears_pence', stored.current.real_arrears_pence, output.realArrearsPence],
    ['current_assessments.needs_approval', stored.current.needs_approval, output.recommendation.needsApproval],
    ['current_assessments.patch_id', stored.current.patch_id, stored.tenancy_patch_id],
    ['current_assessments.trace_hash', stored.current.trace_hash, stored.trace_hash],
  ];
  for (const [name, actual, wanted] of columns) if (actual !== wanted) parts.push(name);
  const expectedTrace = JSON.parse(traceJson) as unknown[];
  const storedTrace = Array.isArray(stored.trace) ? stored.trace : [];
  if (!isDeepStrictEqual(expectedTrace, storedTrace)) {
    const at = expectedTrace.findIndex((entry, i) => !isDeepStrictEqual(entry, storedTrace[i]));
    const entry = expectedTrace[at === -1 ? storedTrace.length - 1 : at] as { rule?: unknown } | undefined;
    parts.push(typeof entry?.rule === 'string' ? `trace (from "${entry.rule}")` : 'trace');
  }
  return parts;
}
