import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoLandlord } from '../../application/demo/build-demo';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { loadCaseData } from './case-data-store';
import { appendLedgerTransactions } from './ledger-store';

describe('loadCaseData reads transactions exactly as stored', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 6, seed: 3, asOf: '2026-11-16' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps every character of free text (tabs, new lines, backslashes, \\N, accents) and every null, whole and compacted', async () => {
    const [t] = await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE end_date IS NULL ORDER BY id LIMIT 1`);
    const note = 'paid at the\tcounter\nby Zoë \\ her son \\N (£20)';
    await appendLedgerTransactions(db, [
      { tenancyId: t!.id, businessDate: '2026-11-16', kind: 'payment', method: 'cash', amountPence: -2000, note, idempotencyKey: 'case-data:note', source: 'test' },
      { tenancyId: t!.id, businessDate: '2026-11-16', kind: 'payment', method: null, amountPence: -1, idempotencyKey: 'case-data:nulls', source: 'test' },
    ]);
    for (const compact of [false, true]) {
      const [data] = await loadCaseData(db, { ids: [t!.id] }, '2026-11-16', { compact });
      const noted = data!.transactions.find((x) => x.amount_pence === -2000 && x.business_date === '2026-11-16');
      expect(noted).toMatchObject({ note, method: 'cash', kind: 'payment', period_from: null, reverses_id: null, reason: null, sub_account: 'rent' });
      const bare = data!.transactions.find((x) => x.amount_pence === -1);
      expect(bare).toMatchObject({ method: null, note: null });
    }
  });
});
