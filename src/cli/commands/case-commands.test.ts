import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRentwise } from '../../../test/support/cli';
import { tempDir } from '../../../test/support/temp-files';
import { createTestDatabaseUrl } from '../../../test/support/test-database';

/** demo, run daily, export-case | assess, account, tenancies, notice, policy and backtest, as an operator runs them. */
const AS_OF = '2026-11-23';
const files = tempDir('rentwise-case-cli-');
let databaseUrl: { url: string; drop: () => Promise<void> } | null = null;
const rentwise = (args: string[], input?: string) =>
  runRentwise(args, { dbDir: join(files.dir, 'db'), databaseUrl: databaseUrl?.url ?? null, ...(input !== undefined ? { input } : {}) });

interface TenancyListing {
  ref: string;
  patch: string | null;
  tenure: string;
  endDate: string | null;
  action: string | null;
  balancePence: number;
}
let tenancies: TenancyListing[] = [];

beforeAll(async () => {
  databaseUrl = await createTestDatabaseUrl();
  const demo = await rentwise(['demo', '--tenancies', '60', '--seed', '3', '--as-of', AS_OF, '--no-serve', '--json']);
  expect(demo.code, demo.stderr).toBe(0);
  const listed = await rentwise(['tenancies', '--json']);
  tenancies = (JSON.parse(listed.stdout) as { tenancies: TenancyListing[] }).tenancies;
});
afterAll(async () => {
  await databaseUrl?.drop();
  files.cleanup();
});

describe('case commands (child process)', () => {
  it('lists tenancies with their latest action, in at least two patches', async () => {
    expect(tenancies.length).toBe(60);
    expect(tenancies.every((t) => t.action !== null)).toBe(true);
    const listed = await rentwise(['tenancies', '--json']);
    const patches = new Set((JSON.parse(listed.stdout) as { tenancies: { patch: string }[] }).tenancies.map((t) => t.patch));
    expect(patches.size).toBeGreaterThanOrEqual(2);
    const [patch] = [...patches];
    const onePatch = JSON.parse((await rentwise(['tenancies', '--patch', patch!, '--json'])).stdout) as { tenancies: { patch: string }[] };
    expect(onePatch.tenancies.length).toBe(tenancies.filter((t) => t.patch === patch).length);
    expect(onePatch.tenancies.every((t) => t.patch === patch)).toBe(true);
  });

  it('refuses a patch that does not exist (exit 2, naming the patches) rather than listing nothing', async () => {
    const unknown = await rentwise(['tenancies', '--patch', 'Nowhere', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/There is no patch called "Nowhere" \(patches: .+\)/);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('re-running the daily run for the same date posts and changes nothing', async () => {
    const again = await rentwise(['run', 'daily', '--as-of', AS_OF, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ chargesPosted: 0, accountsAssessed: 60 });
  });

  it('export-case REF | assess - gives the stored recommendation (one truth)', async () => {
    for (const t of tenancies.slice(0, 4)) {
      const exported = await rentwise(['export-case', t.ref, '--as-of', AS_OF]);
      expect(exported.code, exported.stderr).toBe(0);
      const assessed = await rentwise(['assess', '-'], exported.stdout);
      expect(assessed.code, assessed.stderr).toBe(0);
      const account = await rentwise(['account', t.ref, '--json']);
      const summary = JSON.parse(account.stdout) as { tenancyRef: string; balancePence: number; assessment: Record<string, unknown> };
      expect(summary.tenancyRef).toBe(t.ref);
      const { policyVersion, trace, ...stored } = summary.assessment;
      expect(policyVersion).toBe(1);
      expect(Array.isArray(trace)).toBe(true);
      expect(JSON.parse(assessed.stdout)).toEqual(stored);
    }
  });

  it('verify checks every current assessment against assess on its exported case file, or a sample, or named tenancies', async () => {
    const all = await rentwise(['verify', '--json']);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual({ current: 60, checked: 60, same: 60, differ: 0, differences: [] });
    const sample = await rentwise(['verify', '--sample', '9']);
    expect(sample.code, sample.stderr).toBe(0);
    expect(sample.stdout).toContain('Checked 9 of 60 current assessments against assess on each tenancy\'s exported case file: 9 the same, 0 differ.');
    const named = await rentwise(['verify', '--tenancy', tenancies[0]!.ref, tenancies[1]!.ref, '--json']);
    expect(JSON.parse(named.stdout)).toMatchObject({ checked: 2, same: 2 });
    const unknown = await rentwise(['verify', '--tenancy', 'NO-SUCH-REF']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no tenancy with ref NO-SUCH-REF');
    expect((await rentwise(['verify', '--sample', '0'])).code).toBe(2);
    // A tenancy that has not begun has no assessment to check: named, not passed over as "0 checked".
    const notBegun = {
      version: 1,
      asOf: AS_OF,
      landlord: { type: 'local_authority' },
      tenancy: { ref: 'RW-NOT-BEGUN', tenure: 'secure', startDate: '2027-04-05', endDate: null, endReason: null, rentFrequency: 'weekly', tenants: [{ name: 'Nia Later', forwardingAddress: false }] },
      charges: [{ from: '2027-04-05', weeklyPence: 10_000 }],
      transactions: [],
      events: [],
    };
    const imported = await rentwise(['import', 'case', '-'], JSON.stringify(notBegun));
    expect(imported.code, imported.stderr).toBe(0);
    const unassessed = await rentwise(['verify', '--tenancy', 'RW-NOT-BEGUN']);
    expect(unassessed.code).toBe(2);
    expect(unassessed.stderr).toContain('RW-NOT-BEGUN has no current assessment');
  });

  it('drafts a notice for a current tenancy and refuses what the law does not allow', async () => {
    const secure = tenancies.find((t) => t.tenure === 'secure' && t.endDate === null)!;
    const draft = await rentwise(['notice', secure.ref, '--served-on', AS_OF]);
    expect(draft.code, draft.stderr).toBe(0);
    const notice = JSON.parse(draft.stdout) as Record<string, unknown>;
    expect(notice).toMatchObject({ type: 'nosp', servedOn: AS_OF, earliestProceedingsDate: '2026-12-21', expiresOn: '2027-12-21', grounds: ['1'] });
    expect(Array.isArray(notice.tenants)).toBe(true);
    expect((await rentwise(['notice', secure.ref, '--served-on', AS_OF, '--type', 'section_8'])).code).toBe(2);
    expect((await rentwise(['notice', secure.ref, '--served-on', AS_OF, '--type', 'nonsense'])).code).toBe(2);
    expect((await rentwise(['notice', secure.ref, '--served-on', AS_OF, '--grounds', '8'])).code).toBe(2);
    expect((await rentwise(['notice', 'NO-SUCH-REF', '--served-on', AS_OF])).code).toBe(2);
    const former = tenancies.find((t) => t.endDate !== null);
    if (former) expect((await rentwise(['notice', former.ref, '--served-on', AS_OF])).code).toBe(2);
    const pdf = await rentwise(['notice', secure.ref, '--served-on', AS_OF, '--format', 'pdf', '--out', join(files.dir, 'n.pdf')]);
    expect(pdf.code, pdf.stderr).toBe(0);
  });

  it('checks and applies policy versions; a document that touches a guardrail is refused', async () => {
    const good = files.file('policy-2.json', JSON.stringify({ version: 2, name: 'Gentler ladder', parameters: { claimThresholdWeeks: 9 } }));
    const guardrail = files.file('policy-bad.json', JSON.stringify({ version: 3, name: 'No breathing space', parameters: { breathingSpace: false } }));
    const checked = await rentwise(['policy', 'check', good]);
    if (checked.code !== 0) {
      // the parameter name differs: find one from the policy in force
      const shown = JSON.parse((await rentwise(['policy', 'show', '--json'])).stdout) as { document: { parameters: Record<string, unknown> } };
      throw new Error(`policy check failed: ${checked.stderr}; parameters are ${Object.keys(shown.document.parameters).join(', ')}`);
    }
    const refused = await rentwise(['policy', 'check', guardrail]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/guardrail/);
    expect((await rentwise(['policy', 'apply', guardrail])).code).toBe(2);
    const applied = await rentwise(['policy', 'apply', good, '--by', 'test']);
    expect(applied.code, applied.stderr).toBe(0);
    expect((await rentwise(['policy', 'apply', good])).code).toBe(2); // same version again
    const all = JSON.parse((await rentwise(['policy', 'show', '--all', '--json'])).stdout) as { versions: { version: number; applied_by: string }[] };
    expect(all.versions.map((v) => [v.version, v.applied_by])).toEqual([
      [1, 'system'],
      [2, 'test'],
    ]);
  });

  it('back-tests two policies side by side', async () => {
    const stricter = files.file('policy-strict.json', JSON.stringify({ version: 9, name: 'Stricter', parameters: { claimThresholdWeeks: 6 } }));
    const result = await rentwise(['backtest', '--from', '2026-09-07', '--to', '2026-10-26', '--every', '14', '--compare', stricter, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as { policies: { dates: { date: string; assessed: number; caseload: number; clearedBySelf: number }[] }[] };
    expect(parsed.policies).toHaveLength(2);
    expect(parsed.policies[0]!.dates.map((d) => d.date)).toEqual(['2026-09-07', '2026-09-21', '2026-10-05', '2026-10-19']);
    for (const d of parsed.policies[0]!.dates) expect(d.clearedBySelf).toBeLessThanOrEqual(d.caseload);
    const csv = await rentwise(['backtest', '--from', '2026-10-05', '--to', '2026-10-05', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('date,assessed,caseload,cleared_by_self,cleared_pct');
  });

  it('exits 2 on bad usage', async () => {
    expect((await rentwise(['run', 'daily', '--as-of', '2026-02-30'])).code).toBe(2);
    expect((await rentwise(['export-case', 'NO-SUCH'])).code).toBe(2);
    expect((await rentwise(['no-such-command'])).code).toBe(2);
  });

  it('a demo asked for again reuses the one in the database, and says so with its own seed', async () => {
    const again = await rentwise(['demo', '--tenancies', '50', '--seed', '7', '--as-of', AS_OF, '--no-serve']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Demo landlord (already in the database, reused; seed 3, built as of ${AS_OF}, its figures then): 60 tenancies`);
  });
});
