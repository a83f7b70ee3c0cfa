import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRentwise } from '../../../test/support/cli';
import { tempDir } from '../../../test/support/temp-files';
import { createTestDatabaseUrl } from '../../../test/support/test-database';

const CASES = resolve(__dirname, '../../../../shared/examples/cases');
const files = tempDir('rentwise-import-case-');
let databaseUrl: { url: string; drop: () => Promise<void> } | null = null;
const rentwise = (args: string[], input?: string) =>
  runRentwise(args, { dbDir: join(files.dir, 'db'), databaseUrl: databaseUrl?.url ?? null, ...(input !== undefined ? { input } : {}) });

beforeAll(async () => {
  databaseUrl = await createTestDatabaseUrl();
});
afterAll(async () => {
  await databaseUrl?.drop();
  files.cleanup();
});

describe('rentwise import case (child process)', () => {
  it('imports a case file, assesses it at once, and refuses the same ref unless --replace', async () => {
    const path = join(CASES, '004-serve-nosp.json');
    const first = await rentwise(['import', 'case', path, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ tenancyRef: 'RW-100404', transactions: 41 });
    const listed = JSON.parse((await rentwise(['tenancies', '--json'])).stdout) as { tenancies: { ref: string; action: string }[] };
    const expected = JSON.parse(readFileSync(join(CASES, '004-serve-nosp.expected.json'), 'utf8')) as { recommendation: { action: string } };
    expect(listed.tenancies).toEqual([expect.objectContaining({ ref: 'RW-100404', action: expected.recommendation.action })]);
    const again = await rentwise(['import', 'case', path]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect((await rentwise(['import', 'case', path, '--replace'])).code).toBe(0);
  });

  it('exits 2 naming the JSON path of an invalid case file, from standard input too', async () => {
    const bad = await rentwise(['import', 'case', '-'], readFileSync(join(CASES, '012-invalid-amount.json'), 'utf8'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('transactions[2].amountPence');
    expect((await rentwise(['import', 'case', '-'], 'not json')).code).toBe(2);
    const notAnObject = await rentwise(['import', 'case', '-'], '[1, 2]');
    expect({ code: notAnObject.code, stderr: notAnObject.stderr.trim() }).toEqual({ code: 2, stderr: 'rentwise: case file: expected a JSON object, got an array' });
  });

  it('exits 2 naming a transaction of more than a ledger line may hold, and imports nothing of the file', async () => {
    const file = JSON.parse(readFileSync(join(CASES, '004-serve-nosp.json'), 'utf8')) as { tenancy: { ref: string }; transactions: { amountPence: number }[]; charges: { weeklyPence: number }[] };
    file.tenancy.ref = 'RW-TOO-LARGE';
    file.transactions[3]!.amountPence = 9_007_199_254_740_991;
    const refused = await rentwise(['import', 'case', '-'], JSON.stringify(file));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('transactions[3].amountPence: more than a ledger line may hold (£10,000,000.00 either way)');
    file.transactions[3]!.amountPence = 100;
    file.charges[0]!.weeklyPence = 1_000_000_001;
    const charge = await rentwise(['import', 'case', '-'], JSON.stringify(file));
    expect(charge.code).toBe(2);
    expect(charge.stderr).toContain('charges[0].weeklyPence: more than a ledger line may hold');
    const listed = JSON.parse((await rentwise(['tenancies', '--json'])).stdout) as { tenancies: { ref: string }[] };
    expect(listed.tenancies.map((t) => t.ref)).not.toContain('RW-TOO-LARGE');
  });
});
