import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../../persistence/database';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { buildDemoLandlord } from '../demo/build-demo';
import type { Actor } from '../users/permissions';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { rowsReadFrom } from '../../../test/support/rows-read';
import { loadAccountHeader, loadAccountView, recentLedgerFrom } from './account-view';

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

describe('the account pages\' header', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 12, seed: 11, asOf: TODAY });
    // Every kind of flag on one account, besides what the demo made: a vulnerability not reviewed, an open and a
    // resolved dispute, a breathing space in force, a notice served, and events that are not flags.
    const [first] = await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id LIMIT 1`);
    await appendCaseEvents(db, [
      { tenancyId: first!.id, eventDate: '2026-10-01', type: 'vulnerability', details: { flag: 'mental_health' } },
      { tenancyId: first!.id, eventDate: '2026-10-02', type: 'dispute', details: {} },
      { tenancyId: first!.id, eventDate: '2026-09-02', type: 'dispute', details: { resolvedOn: '2026-09-20' } },
      { tenancyId: first!.id, eventDate: '2026-11-01', type: 'breathing_space', details: { kind: 'standard' } },
      { tenancyId: first!.id, eventDate: '2026-10-20', type: 'notice_served', details: { notice: 'section_8' } },
      { tenancyId: first!.id, eventDate: '2026-11-10', type: 'contact', details: { channel: 'phone' } },
      { tenancyId: first!.id, eventDate: '2026-12-01', type: 'dispute', details: {} },
    ]);
  });
  afterAll(async () => {
    await db.close();
  });

  it('is the account view\'s names, flags and permission, for an officer of another patch and a manager', async () => {
    const refs = (await db.query<{ ref: string }>(`SELECT ref FROM tenancies ORDER BY id`)).map((r) => r.ref);
    const manager: Actor = { id: 1, username: 'test', displayName: 'Test Manager', role: 'manager', extraRoles: [], patchId: null, patchName: null };
    const officer: Actor = { id: 2, username: 'o', displayName: 'Officer', role: 'officer', extraRoles: [], patchId: -1, patchName: 'Elsewhere' };
    let flagged = 0;
    for (const ref of refs) {
      const tenancy = (await findTenancyByRef(db, ref))!;
      for (const actor of [manager, officer]) {
        const whole = await loadAccountView(db, actor, tenancy, TODAY, { ledgerFrom: recentLedgerFrom(TODAY) });
        const header = await loadAccountHeader(db, actor, tenancy, TODAY);
        expect(header).toEqual({ tenancy: whole.tenancy, tenantNames: whole.tenantNames, flags: whole.flags, canAct: whole.canAct });
      }
      const flags = (await loadAccountHeader(db, manager, tenancy, TODAY)).flags;
      if (flags.vulnerabilities.length + flags.openDisputes.length > 0 || flags.breathingSpace || flags.legalStage.code !== 'none') flagged += 1;
    }
    const first = (await loadAccountHeader(db, manager, (await findTenancyByRef(db, refs[0]!))!, TODAY)).flags;
    expect([first.vulnerabilities.length, first.openDisputes.length, first.breathingSpace?.start, first.legalStage.code]).toEqual([1, 1, '2026-11-01', 'notice_served']);
    expect(flagged).toBeGreaterThan(0);
  });

  it('reads none of the account\'s ledger, letters or approvals', async () => {
    const tenancy = (await findTenancyByRef(db, (await db.query<{ ref: string }>(`SELECT ref FROM tenancies ORDER BY id LIMIT 1`))[0]!.ref))!;
    const actor: Actor = { id: 1, username: 'test', displayName: 'Test Manager', role: 'manager', extraRoles: [], patchId: null, patchName: null };
    for (const relation of ['ledger_transactions', 'letters', 'approvals']) {
      expect(await rowsReadFrom(db, relation, null, (d) => loadAccountHeader(d, actor, tenancy, TODAY))).toBe(0);
    }
    expect(await rowsReadFrom(db, 'ledger_transactions', null, (d) => loadAccountView(d, actor, tenancy, TODAY, { ledgerFrom: recentLedgerFrom(TODAY) }))).toBeGreaterThan(0);
  });
});
