import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPayment, paymentFile } from '../../../test/builders/payment-file';
import { aTenancyRow, tenancyFile } from '../../../test/builders/tenancy-file';
import { createTestDatabaseUrl } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';

/**
 * The import commands run as an operator runs them: `node bin/rentwise.mjs …` in a child process, on an
 * embedded database in a temporary directory (or a fresh PostgreSQL database when DATABASE_URL is set).
 */
const BIN = join(process.cwd(), 'bin', 'rentwise.mjs');
const files = tempDir('rentwise-cli-');
let databaseUrl: { url: string; drop: () => Promise<void> } | null = null;

function rentwise(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl.url;
  else delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args, '--db', join(files.dir, 'db')], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  databaseUrl = await createTestDatabaseUrl();
});
afterAll(async () => {
  await databaseUrl?.drop();
  files.cleanup();
});

describe('rentwise import payments / suspense / exceptions (child process)', () => {
  it('imports a payment file and prints the contract JSON; a second import posts nothing', async () => {
    const tenancies = files.file(
      'tenancies.csv',
      tenancyFile([aTenancyRow({ ref: 'CLI-1', payment_reference: '900001' }), aTenancyRow({ ref: 'CLI-2', payment_reference: '900002', opening_balance: '10.00' })]),
    );
    const loaded = await rentwise('import', 'tenancies', tenancies, '--json');
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    expect(JSON.parse(loaded.stdout)).toEqual({ file: tenancies, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 2, imported: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });

    const payments = files.file(
      'payments.csv',
      paymentFile([
        aPayment({ reference: '900001', amount: '112.50', transaction_id: 'CLI-TX-1' }),
        aPayment({ reference: '900002', amount: '-20.00', transaction_id: 'CLI-TX-2' }),
        aPayment({ reference: '999999', amount: '5.00', transaction_id: 'CLI-TX-3' }),
        aPayment({ reference: '900001', amount: 'abc', transaction_id: 'CLI-TX-4' }),
        aPayment({ reference: '900001', amount: '112.50', transaction_id: 'CLI-TX-1' }),
      ]),
    );
    const first = await rentwise('import', 'payments', payments, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      file: payments,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      rows: 5,
      posted: 2,
      suspense: 1,
      rejected: 1,
      duplicate: 1,
      postedPence: 9250,
      errors: [{ row: 5, field: 'amount', message: expect.stringMatching(/not an amount/) }],
    });

    const second = await rentwise('import', 'payments', payments, '--json', '--format', 'generic-csv');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ rows: 5, posted: 0, suspense: 0, rejected: 1, duplicate: 4, postedPence: 0 });

    const human = await rentwise('import', 'payments', payments);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/rows\s+5/);
    expect(human.stdout).toMatch(/row 5, amount: /);
    expect(human.stderr).toBe('');
  });

  it('refuses a file it cannot read with exit 2 and one line on stderr', async () => {
    const missing = files.file('missing-columns.csv', 'date,reference,amount\n2026-11-02,900001,1.00\n');
    const result = await rentwise('import', 'payments', missing, '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/missing required columns method, transaction_id/);

    expect((await rentwise('import', 'payments', files.file('empty.csv', ''))).code).toBe(2);
    expect((await rentwise('import', 'payments', join(files.dir, 'nope.csv'))).code).toBe(2);
    const format = await rentwise('import', 'payments', missing, '--format', 'mt940');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown payment file format "mt940"/);
  });

  it('lists and allocates suspense; allocating twice exits 2', async () => {
    const list = await rentwise('suspense', 'list', '--json');
    expect(list.code).toBe(0);
    const { items } = JSON.parse(list.stdout) as { items: { id: number; transactionId: string; amountPence: number }[] };
    const item = items.find((i) => i.transactionId === 'CLI-TX-3')!;
    expect(item).toMatchObject({ amountPence: 500 });
    const allocated = await rentwise('suspense', 'allocate', String(item.id), '--to', 'CLI-2', '--json');
    expect(allocated.code).toBe(0);
    expect(JSON.parse(allocated.stdout)).toMatchObject({ suspenseId: item.id, tenancyRef: 'CLI-2', kind: 'payment', ledgerAmountPence: -500 });
    const twice = await rentwise('suspense', 'allocate', String(item.id), '--to', 'CLI-2');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/already allocated to CLI-2/);
  });

  it('lists, exports and resubmits exceptions', async () => {
    const list = await rentwise('exceptions', 'list', '--json');
    expect(list.code).toBe(0);
    const { exceptions } = JSON.parse(list.stdout) as { exceptions: { id: number; importFileId: number; row: number; field: string; raw: Record<string, string> }[] };
    expect(exceptions.map((e) => [e.row, e.field, e.raw.transaction_id])).toEqual([[5, 'amount', 'CLI-TX-4']]);
    const byFile = await rentwise('exceptions', 'list', '--json', '--file', String(exceptions[0]!.importFileId));
    expect(JSON.parse(byFile.stdout).exceptions).toHaveLength(1);

    const out = join(files.dir, 'exceptions.csv');
    const exported = await rentwise('exceptions', 'export', '--out', out);
    expect(exported.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('exception_id,date,reference,amount,method,transaction_id,description,problem');
    const corrected = files.file('corrected.csv', text.replace(',abc,', ',12.00,'));
    const resubmitted = await rentwise('exceptions', 'resubmit', corrected, '--json');
    expect(resubmitted.code).toBe(0);
    expect(JSON.parse(resubmitted.stdout)).toMatchObject({ rows: 1, posted: 1, resubmitted: 1, postedPence: 1200 });
    expect(JSON.parse((await rentwise('exceptions', 'list', '--json')).stdout).exceptions).toEqual([]);
  });
});
