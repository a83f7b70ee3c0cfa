/**
 * The worked examples of /work/shared/examples/cases (shared/examples/README.md), compared on exactly the
 * fields listed in "How an output is compared". The files are read in test/builders (the domain itself
 * may not import node:fs, not even in its tests).
 */
import { describe, expect, it } from 'vitest';
import { loadExampleCases } from '../../../test/builders/example-cases';
import { parseCaseFile } from '../case-file/parse-case-file';
import { assessCase } from './assess-case';

type Json = Record<string, unknown>;

const orNull = (v: unknown): unknown => (v === undefined ? null : v);
const orEmpty = (v: unknown): unknown => (v === undefined || v === null ? [] : v);
const asSet = (v: unknown): unknown => (Array.isArray(v) ? v.map(String).sort() : v);
const rec = (o: Json): Json => (o['recommendation'] as Json | undefined) ?? {};
const noticeView = (n: unknown): unknown => {
  if (n === null || n === undefined) return null;
  const x = n as Json;
  return { type: orNull(x['type']), servedOn: orNull(x['servedOn']), earliestProceedingsDate: orNull(x['earliestProceedingsDate']), expiresOn: orNull(x['expiresOn']), valid: orNull(x['valid']) };
};
const datesView = (p: unknown): unknown => {
  if (p === null || p === undefined) return null;
  const x = p as Json;
  return { earliestProceedingsDate: orNull(x['earliestProceedingsDate']), expiresOn: orNull(x['expiresOn']) };
};

function comparable(o: Json): Json {
  const blockedBy = orEmpty(o['blockedBy']) as Json[];
  return {
    balancePence: o['balancePence'],
    weeklyChargePence: o['weeklyChargePence'],
    arrearsPence: o['arrearsPence'],
    technicalArrearsPence: o['technicalArrearsPence'],
    realArrearsPence: o['realArrearsPence'],
    weeksInArrears: Math.round((o['weeksInArrears'] as number) * 100),
    episodeStart: orNull(o['episodeStart']),
    arrangementStatus: (o['arrangement'] as Json | undefined)?.['status'],
    notice: noticeView(o['notice']),
    action: rec(o)['action'],
    recommendedNotice: orNull(rec(o)['notice']),
    grounds: asSet(orEmpty(rec(o)['grounds'])),
    proposedDates: datesView(rec(o)['proposedDates']),
    needsApproval: rec(o)['needsApproval'] ?? false,
    missing: orEmpty(rec(o)['missing']),
    writeOffReason: orNull(rec(o)['writeOffReason']),
    alsoConsider: orEmpty(o['alsoConsider']),
    blockedByCodes: blockedBy.map((b) => String(b['code'])).sort(),
    priority: o['priority'],
  };
}

const examples = loadExampleCases();

describe('worked examples', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    const expected = example.expected;
    const parsed = parseCaseFile(example.caseFile);
    if (expected['exitCode'] !== undefined) {
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.path).toContain(String(expected['pathMentioned']));
      return;
    }
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { output } = assessCase(parsed.value);
    const got = output as unknown as Json;
    expect(comparable(got)).toEqual(comparable(expected));
    for (const entry of (expected['blockedBy'] as Json[] | undefined) ?? []) {
      if ('until' in entry) expect(output.blockedBy.find((b) => b.code === entry['code'])).toMatchObject({ until: entry['until'] });
    }
  });
});
