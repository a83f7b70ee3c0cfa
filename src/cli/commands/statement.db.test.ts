import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../../../test/support/test-database';
import type { Db } from '../../persistence/database';
import { migrate } from '../../persistence/migrate';
import { openDatabase } from '../../persistence/open-database';
import { openPostgresDatabase } from '../../persistence/postgres-database';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { createTenancy } from '../../persistence/stores/tenancy-store';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let pg: { url: string; drop: () => Promise<void> } | null = null;

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs the real command line against the seeded database (the PostgreSQL of DATABASE_URL, else the embedded one in `dir`). */
function rentwise(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  if (pg) env.DATABASE_URL = pg.url;
  else delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/rentwise.mjs', ...args, '--db', dir], { cwd: repoRoot, env, encoding: 'buffer', maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr.toString('utf8') });
    });
  });
}

async function seed(db: Db): Promise<void> {
  const id = await createTenancy(db, {
    ref: 'TEN-CLI-1',
    paymentReference: '700001',
    tenure: 'secure',
    landlordType: 'local_authority',
    startDate: '2026-06-01',
    endDate: null,
    endReason: null,
    rentFrequency: 'weekly',
    address: '1 Command Close, Testtown',
    postcode: 'TE1 1CC',
    patchName: 'South',
    tenants: [{ name: 'Robin Tenant' }],
  });
  await appendLedgerTransactions(db, [
    { tenancyId: id, businessDate: '2026-09-07', kind: 'charge', amountPence: 12000, idempotencyKey: 'cli-c1', source: 'test' },
    { tenancyId: id, businessDate: '2026-09-09', kind: 'payment', method: 'direct_debit', amountPence: -12000, idempotencyKey: 'cli-p1', source: 'test' },
    { tenancyId: id, businessDate: '2026-09-14', kind: 'charge', amountPence: 12000, idempotencyKey: 'cli-c2', source: 'test' },
    { tenancyId: id, businessDate: '2026-09-16', kind: 'payment', method: 'direct_debit', amountPence: -12000, idempotencyKey: 'cli-p2', source: 'test' },
    { tenancyId: id, businessDate: '2026-09-21', kind: 'reversal', method: 'direct_debit', amountPence: 12000, reason: 'ARUDD 0 refer to payer', idempotencyKey: 'cli-r1', source: 'test' },
  ]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rentwise-statement-'));
  pg = await createTestDatabaseUrl();
  if (pg) {
    const db = await openPostgresDatabase(pg.url, 2);
    await migrate(db);
    await seed(db);
    await db.close();
  } else {
    const db = await openDatabase({ databaseUrl: null, embeddedDir: dir });
    await seed(db);
    await db.close();
  }
});

afterAll(async () => {
  await pg?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('rentwise statement', () => {
  it('--format json: the statement in pence', async () => {
    const run = await rentwise('statement', 'TEN-CLI-1', '--format', 'json', '--as-of', '2026-09-30');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout.toString('utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({
      tenancyRef: 'TEN-CLI-1',
      from: '2026-07-06',
      to: '2026-09-30',
      openingBalancePence: 0,
      closingBalancePence: 12000,
      subAccounts: [{ kind: 'rent', balancePence: 12000 }],
    });
    expect(json.lines).toEqual([
      { date: '2026-09-07', description: 'Rent w/c 7 Sep 2026', subAccount: 'rent', debitPence: 12000, creditPence: 0, balancePence: 12000 },
      { date: '2026-09-09', description: 'Direct debit payment', subAccount: 'rent', debitPence: 0, creditPence: 12000, balancePence: 0 },
      { date: '2026-09-14', description: 'Rent w/c 14 Sep 2026', subAccount: 'rent', debitPence: 12000, creditPence: 0, balancePence: 12000 },
      { date: '2026-09-16', description: 'Direct debit payment', subAccount: 'rent', debitPence: 0, creditPence: 12000, balancePence: 0 },
      { date: '2026-09-21', description: 'Returned direct debit (ARUDD 0 refer to payer)', subAccount: 'rent', debitPence: 12000, creditPence: 0, balancePence: 12000 },
    ]);
  });

  it('--arrears-began and csv to a file', async () => {
    const out = join(dir, 'statement.csv');
    const run = await rentwise('statement', 'TEN-CLI-1', '--arrears-began', '--as-of', '2026-09-30', '--format', 'csv', '--out', out);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['date,description,sub_account,debit,credit,balance', '2026-06-01,Balance brought forward,,0.00,0.00,0.00']);
    expect(csv).toContain('2026-09-21,Returned direct debit (ARUDD 0 refer to payer),rent,120.00,0.00,120.00\r\n');
  });

  it('--format pdf without --out writes the PDF to standard output', async () => {
    const run = await rentwise('statement', 'TEN-CLI-1', '--format', 'pdf', '--from', '2026-09-01', '--to', '2026-09-30', '--as-of', '2026-09-30');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(run.stdout.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(run.stdout.toString('latin1')).toContain('/FlateDecode'); // compressed by default
  });

  it('text by default', async () => {
    const run = await rentwise('statement', 'TEN-CLI-1', '--as-of', '2026-09-30');
    expect(run.code).toBe(0);
    const text = run.stdout.toString('utf8');
    expect(text).toContain('Robin Tenant');
    expect(text).toContain('Balance on 30 Sep 2026: £120.00 owed');
  });

  it.each([
    ['an unknown ref', ['statement', 'NO-SUCH', '--format', 'json'], /unknown tenancy ref: NO-SUCH/],
    ['a bad --from', ['statement', 'TEN-CLI-1', '--from', '2026-13-01'], /--from: expected a date/],
    ['a bad --as-of', ['statement', 'TEN-CLI-1', '--as-of', 'yesterday'], /--as-of: expected a date/],
    ['--from after --to', ['statement', 'TEN-CLI-1', '--from', '2026-10-01', '--to', '2026-09-01'], /after/],
    ['--from with --arrears-began', ['statement', 'TEN-CLI-1', '--from', '2026-09-01', '--arrears-began'], /cannot be used together/],
    ['an unknown format', ['statement', 'TEN-CLI-1', '--format', 'xml'], /--format: expected one of text, csv, json, pdf/],
  ])('%s exits 2 with a one-line message', async (_name, args, message) => {
    const run = await rentwise(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout.length).toBe(0);
  });
});
