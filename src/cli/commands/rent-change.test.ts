import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyRow, tenancyFile } from '../../../test/builders/tenancy-file';
import { runRentwise } from '../../../test/support/cli';
import { createTestDatabaseUrl } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';

/** `rentwise rent-change` and `rentwise import dd-cancellations` in a child process (embedded, or PostgreSQL with DATABASE_URL). */
const files = tempDir('rentwise-rent-change-');
let databaseUrl: { url: string; drop: () => Promise<void> } | null = null;
const rentwise = (...args: string[]) => runRentwise(args, { dbDir: join(files.dir, 'db'), databaseUrl: databaseUrl?.url ?? null });

beforeAll(async () => {
  databaseUrl = await createTestDatabaseUrl();
  const tenancies = files.file(
    'tenancies.csv',
    tenancyFile([aTenancyRow({ ref: 'RC-1', payment_reference: '800001', weekly_rent: '118.20' }), aTenancyRow({ ref: 'RC-2', payment_reference: '800002', weekly_rent: '95.55' })]),
  );
  const loaded = await rentwise('import', 'tenancies', tenancies);
  expect(loaded.code).toBe(0);
});
afterAll(async () => {
  await databaseUrl?.drop();
  files.cleanup();
});

describe('rentwise rent-change (child process)', () => {
  it('refuses bad usage with exit 2 and a clear message', async () => {
    expect(await rentwise('rent-change', '--effective', '2027-01-04', '--today', '2026-11-23')).toMatchObject({ code: 2, stderr: expect.stringContaining('exactly one of --percent') });
    expect(await rentwise('rent-change', '--effective', '2026-12-01', '--percent', '2.7', '--today', '2026-11-23')).toMatchObject({ code: 2, stderr: expect.stringContaining('at least 28 days') });
    expect(await rentwise('rent-change', '--effective', '2027-01-04', '--percent', '2.705', '--today', '2026-11-23')).toMatchObject({ code: 2, stderr: expect.stringContaining('--percent') });
    const bad = files.file('bad.csv', 'tenancy_ref,rent\nRC-1,abc\nRC-9,100\n');
    const refused = await rentwise('rent-change', '--effective', '2027-01-04', '--file', bad, '--today', '2026-11-23');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('row 2: rent: "abc" is not an amount');
  });

  it('previews, applies, and applying again changes nothing', async () => {
    const args = ['rent-change', '--effective', '2027-01-04', '--percent', '3.5', '--today', '2026-11-23', '--json'];
    const preview = await rentwise(...args, '--dry-run');
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    const plan = JSON.parse(preview.stdout) as { items: { ref: string; oldWeeklyPence: number; newWeeklyPence: number }[]; totals: unknown };
    // 11820 × 1.035 = 12233.7 → 12234; 9555 × 1.035 = 9889.425 → 9889.
    expect(plan.items.map((i) => [i.ref, i.oldWeeklyPence, i.newWeeklyPence])).toEqual([
      ['RC-1', 11820, 12234],
      ['RC-2', 9555, 9889],
    ]);
    const applied = await rentwise(...args);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ applied: 2, letters: [expect.objectContaining({ ref: 'RC-1' }), expect.objectContaining({ ref: 'RC-2' })] });
    const again = await rentwise(...args);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: 0, letters: [] });
    const human = await rentwise('rent-change', '--effective', '2027-01-04', '--percent', '3.5', '--today', '2026-11-23', '--dry-run');
    expect(human.stdout).toContain('RC-1 rent: £118.20 -> £122.34 a week (already applied)');
  });

  it('import dd-cancellations: a file refused whole exits 2; unknown references are reported', async () => {
    expect((await rentwise('import', 'dd-cancellations', files.file('empty.csv', ''))).code).toBe(2);
    const file = files.file('addacs.csv', 'reference,payer_name,sort_code,account_number,reason_code,effective_date\n800001-DD01,A Tenant,30-94-57,12345678,1,2026-11-20\n');
    const run = await rentwise('import', 'dd-cancellations', file, '--today', '2026-11-23', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 1, unknown: 1, results: [{ row: 2, outcome: 'unknown' }] });
  });
});
