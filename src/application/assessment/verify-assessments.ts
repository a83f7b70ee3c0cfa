import { isDeepStrictEqual } from 'node:util';
import { assessCase } from '../../domain/assessment';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import { resolvePolicy, type PolicyDocument } from '../../domain/policy';
import type { Db } from '../../persistence/database';
import { currentAssessmentsOf, currentlyAssessedTenancyIds, type StoredAssessment } from '../../persistence/stores/assessment-store';
import { loadCaseData, type CaseData } from '../../persistence/stores/case-data-store';
import { listPolicyVersions } from '../../persistence/stores/policy-store';
import { buildCaseFile } from '../case-file/build-case-file';

/** A current assessment that is not what `assess` gives on the tenancy's exported case file. */
export interface AssessmentDifference {
  tenancyId: number;
  ref: string;
  asOf: BusinessDate;
  trigger: string;
  /** What differs: the result's fields by name, `trace` (with the first rule whose entry differs), or why it could not be assessed. */
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
 * `rentwise export-case REF --as-of D | rentwise assess --trace --policy P -` would (D the assessment's date,
 * P the policy version it was made under), and the two are compared — the result field by field, and the
 * rule trace figure for figure. The daily run reads each account's recent history and sums the rest, builds
 * the case file without its JSON, shares traces by their hash and stores with COPY; this goes the long way
 * round on every count, so any difference is a fault in one of those (or a change to the case data after the
 * assessment that did not re-assess it).
 */
export async function verifyCurrentAssessments(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const all = await currentlyAssessedTenancyIds(db);
  const wanted = options.tenancyIds ? new Set(options.tenancyIds) : null;
  const ids = evenlySpaced(
    wanted ? all.filter((id) => wanted.has(id)) : all,
    options.sample,
  );
  const policies = new Map((await listPolicyVersions(db)).map((p) => [p.version, p.document as PolicyDocument]));
  const report: VerifyReport = { current: all.length, checked: 0, same: 0, differ: 0, differences: [] };
  for (let from = 0; from < ids.length; from += BATCH) {
    const stored = await currentAssessmentsOf(db, ids.slice(from, from + BATCH));
    for (const [asOf, group] of groupByDate(stored)) {
      const cases = new Map((await loadCaseData(db, { ids: group.map((s) => s.tenancy_id) }, asOf)).map((c) => [c.tenancy.id, c]));
      for (const s of group) {
        const parts = differences(s, cases.get(s.tenancy_id), policies.get(s.policy_version));
        report.checked++;
        if (parts.length === 0) report.same++;
        else {
          report.differ++;
          if (report.differences.length < MAX_DIFFERENCES_LISTED) {
            report.differences.push({ tenancyId: s.tenancy_id, ref: s.ref, asOf: s.as_of, trigger: s.trigger, parts });
          }
        }
      }
    }
    options.onProgress?.(Math.min(from + BATCH, ids.length), ids.length);
  }
  return report;
}

/** `count` of the ids, evenly spread from the first (all of them when count is absent or not smaller). */
export function evenlySpaced(ids: readonly number[], count: number | undefined): number[] {
  if (count === undefined || count >= ids.length) return [...ids];
  const picked: number[] = [];
  for (let i = 0; i < count; i++) picked.push(ids[Math.floor((i * ids.length) / count)]!);
  return picked;
}

function groupByDate(stored: readonly (StoredAssessment & { ref: string })[]): Map<BusinessDate, (StoredAssessment & { ref: string })[]> {
  const groups = new Map<BusinessDate, (StoredAssessment & { ref: string })[]>();
  for (const s of stored) {
    const group = groups.get(s.as_of);
    if (group) group.push(s);
    else groups.set(s.as_of, [s]);
  }
  return groups;
}

/** What differs between a stored assessment and `assess` on the case file exported as of its date (none: []). */
export function differences(stored: StoredAssessment, data: CaseData | undefined, policy: PolicyDocument | undefined): string[] {
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
  const expectedTrace = JSON.parse(JSON.stringify(trace)) as unknown[];
  const storedTrace = Array.isArray(stored.trace) ? stored.trace : [];
  if (!isDeepStrictEqual(expectedTrace, storedTrace)) {
    const at = expectedTrace.findIndex((entry, i) => !isDeepStrictEqual(entry, storedTrace[i]));
    const entry = expectedTrace[at === -1 ? storedTrace.length - 1 : at] as { rule?: unknown } | undefined;
    parts.push(typeof entry?.rule === 'string' ? `trace (from "${entry.rule}")` : 'trace');
  }
  return parts;
}
