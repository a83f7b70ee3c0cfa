import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { aCaseFile, aCharge } from '../../../test/builders/case-file';
import { EXAMPLE_CASES_DIR } from '../../../test/builders/example-cases';
import { tempDir } from '../../../test/support/temp-files';
import { registerAssess } from './assess';

/** `rentwise assess` in process: stdout and stderr captured, the exit code read from process.exitCode. */
async function rentwiseAssess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    const program = new Command('rentwise').exitOverride();
    registerAssess(program);
    await program.parseAsync(['node', 'rentwise', 'assess', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.exitCode = previous;
    out.mockRestore();
    err.mockRestore();
  }
}

const files = tempDir('rentwise-assess-');
afterAll(() => files.cleanup());
afterEach(() => vi.restoreAllMocks());

describe('rentwise assess', () => {
  it('prints the assessment of a case file and exits 0', async () => {
    const result = await rentwiseAssess(`${EXAMPLE_CASES_DIR}/004-serve-nosp.json`);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.recommendation.action).toBe('serve_notice');
    expect(output.trace).toBeUndefined();
  });

  it('adds the trace with --trace', async () => {
    const result = await rentwiseAssess(`${EXAMPLE_CASES_DIR}/004-serve-nosp.json`, '--trace');
    const output = JSON.parse(result.stdout);
    expect(output.trace.map((t: { rule: string }) => t.rule)).toContain('§4.9 ladder');
  });

  it.each([
    ['invalid JSON', '{ "version": 1,', /not valid JSON/],
    ['not an object', '[1, 2]', /case file: expected a JSON object/],
    ['a bad amount', JSON.stringify({ ...aCaseFile(), transactions: [aCharge('2026-03-02'), { date: '2026-03-03', kind: 'payment', amountPence: '10.00' }] }), /^rentwise: transactions\[1\]\.amountPence: expected an integer/],
  ])('exits 2 on %s, naming the problem on stderr', async (_name, content, message) => {
    const result = await rentwiseAssess(files.file('case.json', content));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('uses a policy document with --policy, and refuses one that changes a guardrail', async () => {
    const strict = files.file('strict.json', JSON.stringify({ version: 2, name: 'Strict', overrides: [{ tenure: 'secure', parameters: { claimThresholdWeeks: 12.5 } }] }));
    const applied = await rentwiseAssess(`${EXAMPLE_CASES_DIR}/005-apply-for-possession.json`, '--policy', strict);
    expect(JSON.parse(applied.stdout).recommendation.action).toBe('monitor_notice');

    const bad = files.file('bad.json', JSON.stringify({ version: 2, name: 'Bad', parameters: { breathingSpace: false } }));
    const refused = await rentwiseAssess(`${EXAMPLE_CASES_DIR}/005-apply-for-possession.json`, '--policy', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('⚖ guardrail "breathingSpace"');
  });
});
