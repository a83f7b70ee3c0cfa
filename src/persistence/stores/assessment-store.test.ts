import { describe, expect, it } from 'vitest';
import { copyTextValue, unescapeCopyField } from '../database';
import { copyTextJson, stagedAssessmentLine, stagedAssessmentText, traceHash, type NewAssessment } from './assessment-store';

/** The COPY text line of the values, each written by copyTextValue: the line stagedAssessmentLine must equal. */
function copyTextLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(copyTextValue).join('\t')}\n`;
}

const awkward = ['plain', 'a "quoted" word', 'C:\\path\\to', 'tab\there', 'line\nbreak', 'carriage\rreturn', 'nul\u0000', 'pound £ and arrow → and ’', '\\N', '\\'];

describe('copyTextJson', () => {
  it.each(awkward)('gives back the JSON text of %j when read as COPY reads it, with no raw tab or line break', (value) => {
    const json = JSON.stringify({ value, list: [value] });
    const written = copyTextJson(json);
    expect(written).not.toMatch(/[\t\n\r]/);
    expect(unescapeCopyField(written)).toBe(json);
    expect(JSON.parse(unescapeCopyField(written))).toEqual({ value, list: [value] });
  });

  it('leaves a text without backslashes as it is (the same string)', () => {
    const json = JSON.stringify({ rule: '§4 first letter', detail: 'balance → £12.00' });
    expect(copyTextJson(json)).toBe(json);
  });
});

describe('stagedAssessmentLine', () => {
  const row = (over: Partial<NewAssessment> = {}): NewAssessment => ({
    tenancyId: 42,
    asOf: '2026-11-24',
    trigger: 'daily',
    policyVersion: 3,
    action: 'first_letter',
    priority: 2,
    balancePence: -1_234,
    arrearsPence: 0,
    realArrearsPence: 0,
    needsApproval: false,
    patchId: null,
    result: { reasons: awkward, balancePence: -1_234 },
    trace: awkward.map((detail, i) => ({ rule: `§4 rule ${i}`, matched: i % 2 === 0, detail, figures: { n: i } })),
    jobRunId: null,
    ...over,
  });

  it.each([
    { case: 'a new trace, no patch, no job', over: {} },
    { case: 'a patch, a job and an approval', over: { patchId: 7, jobRunId: 99, needsApproval: true } },
    { case: 'read in a snapshot', over: { readSnapshot: '1043:1050:1044,1047' } },
  ])('is the COPY line of its fields: $case', ({ over }) => {
    const r = row(over);
    const traceJson = JSON.stringify(r.trace);
    const expected = copyTextLine([r.tenancyId, r.asOf, r.trigger, r.policyVersion, r.action, r.priority, r.balancePence, r.arrearsPence, r.realArrearsPence, r.needsApproval, r.patchId, JSON.stringify(r.result), traceJson, traceHash(traceJson), r.jobRunId ?? null, r.readSnapshot ?? null]);
    expect(stagedAssessmentLine(r)).toBe(expected);
  });

  it('sends a trace the same as the current one as its hash alone', () => {
    const r = row();
    const hash = traceHash(JSON.stringify(r.trace));
    const fields = stagedAssessmentLine({ ...r, previousTraceHash: hash }).slice(0, -1).split('\t');
    expect(fields).toHaveLength(16);
    expect(fields[12]).toBe('\\N');
    expect(fields[13]).toBe(hash);
    expect(stagedAssessmentLine({ ...r, previousTraceHash: 'another' }).split('\t')[12]).toBe(copyTextJson(JSON.stringify(r.trace)));
  });

  describe('stagedAssessmentText', () => {
    // Characters of one, two, three and four bytes in UTF-8 (the last a pair of UTF-16 code units), and a lone
    // surrogate (written as U+FFFD, three bytes), in the reasons and the trace.
    const wide = ['a', '£', '→ ’', '🏠', '\ud800 alone'];
    it.each([
      { case: 'none', rows: [] },
      { case: 'one, plain', rows: [row({ result: { reasons: ['plain'] }, trace: [{ rule: 'r', matched: true, detail: 'd', figures: {} }] })] },
      { case: 'many, with wide characters', rows: wide.map((w, i) => row({ tenancyId: i + 1, result: { reasons: [w, ...awkward] }, trace: [{ rule: w, matched: true, detail: w.repeat(i + 1), figures: { w } }] })) },
    ])('is the UTF-8 of the lines one after another: $case', ({ rows }) => {
      const text = stagedAssessmentText(rows);
      expect(text.equals(Buffer.from(rows.map(stagedAssessmentLine).join(''), 'utf8'))).toBe(true);
    });
  });
});

