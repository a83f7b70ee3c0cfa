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
  });
});
