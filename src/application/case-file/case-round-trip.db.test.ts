import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import type { Db } from '../../persistence/database';
import { loadCaseData } from '../../persistence/stores/case-data-store';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { createTestDatabase } from '../../../test/support/test-database';
import { buildCaseFile } from './build-case-file';
import { CaseImportRefused, importCase } from './import-case';

const EXAMPLES = resolve(__dirname, '../../../../shared/examples/cases');

/** Drops nulls and sorts lists, so two files compare field for field, order aside. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise).sort((a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, normalise(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  }
  return value;
}

const cases = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .map((f) => ({ name: f, raw: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as Record<string, unknown> }))
  .filter((c) => parseCaseFile(c.raw).ok);

describe('import case → export-case round trip', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(cases.map((c) => [c.name, c.raw] as const))('%s comes back field for field', async (_name, raw) => {
    const parsed = parseCaseFile(raw);
    if (!parsed.ok) throw new Error(parsed.message);
    await importCase(db, parsed.value, raw);
    const tenancy = await findTenancyByRef(db, parsed.value.tenancy.ref);
    const [data] = await loadCaseData(db, { ids: [tenancy!.id] }, parsed.value.asOf);
    const exported = buildCaseFile(data!, parsed.value.asOf) as Record<string, unknown>;
    const expected = { ...raw, tenancy: { paymentReference: parsed.value.tenancy.ref, ...(raw.tenancy as object) } };
    for (const key of ['charges', 'rentFreeWeeks', 'benefits', 'events']) if (!(key in expected)) (expected as Record<string, unknown>)[key] = [];
    expect(normalise(exported)).toEqual(normalise(expected));
  });

  it('refuses a tenancy that already exists unless replacing, and keeps the old ledger', async () => {
    const first = cases[0]!;
    const parsed = parseCaseFile(first.raw);
    if (!parsed.ok) throw new Error(parsed.message);
    await expect(importCase(db, parsed.value, first.raw)).rejects.toBeInstanceOf(CaseImportRefused);
    const before = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_transactions`);
    await importCase(db, parsed.value, first.raw, { replace: true });
    const after = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_transactions`);
    expect(after[0]!.n).toBe(before[0]!.n + parsed.value.transactions.length);
    const renamed = await db.query<{ ref: string }>(`SELECT ref FROM tenancies WHERE ref LIKE $1`, [`${parsed.value.tenancy.ref}~replaced~%`]);
    expect(renamed).toHaveLength(1);
  });
});
