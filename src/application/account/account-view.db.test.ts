import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../../persistence/database';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { buildDemoLandlord } from '../demo/build-demo';
import type { Actor } from '../users/permissions';
import { loadAccountView, recentLedgerFrom } from './account-view';

const TODAY = '2026-11-16';

describe('the account view with only the recent ledger read', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 12, seed: 11, asOf: TODAY });
  });
  afterAll(async () => {
    await db.close();
  });

  it('has the same balances, and the same recent lines with the same running balances, as the whole ledger', async () => {
    const refs = (await db.query<{ ref: string }>(`SELECT ref FROM tenancies ORDER BY id`)).map((r) => r.ref);
    const actor: Actor = { id: 1, username: 'test', displayName: 'Test Manager', role: 'manager', extraRoles: [], patchId: null, patchName: null };
    let older = 0;
    for (const ref of refs) {
      const tenancy = (await findTenancyByRef(db, ref))!;
      const whole = await loadAccountView(db, actor, tenancy, TODAY);
      const from = recentLedgerFrom(TODAY);
      const recent = await loadAccountView(db, actor, tenancy, TODAY, { ledgerFrom: from });
      expect(recent.balancePence).toBe(whole.balancePence);
      expect(recent.ledgers.map((l) => [l.subAccount, l.balancePence])).toEqual(whole.ledgers.map((l) => [l.subAccount, l.balancePence]));
      for (const l of whole.ledgers) {
        const r = recent.ledgers.find((x) => x.subAccount === l.subAccount)!;
        const recentLines = l.lines.filter((line) => line.date >= from);
        expect(r.lines).toEqual(recentLines);
        expect(r.earlierLineCount).toBe(l.lines.length - recentLines.length);
        older += r.earlierLineCount;
      }
    }
    expect(older).toBeGreaterThan(100); // the demo's histories go back years: most lines were not read
  });
});
