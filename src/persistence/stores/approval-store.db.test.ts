import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { rowsReadFrom } from '../../../test/support/rows-read';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { decideApproval, insertApproval, listApprovals } from './approval-store';
import { insertUser } from './user-store';

describe('listApprovals: the latest decisions', () => {
  let db: Db;
  let tenancyIds: number[];

  beforeAll(async () => {
    db = await createTestDatabase();
    tenancyIds = [];
    for (let i = 0; i < 3; i++) tenancyIds.push(await aTenancyOnPatch(db, `TEN-A${i}`, 'North'));
    const officer = (await insertUser(db, { username: 'req', displayName: 'Requester', role: 'senior_officer', patchId: null, passwordHash: null }))!;
    const manager = (await insertUser(db, { username: 'mgr', displayName: 'Manager', role: 'manager', patchId: null, passwordHash: null }))!;
    // 150 requests: 120 decided (some at the same moment, so the id breaks ties) and 30 pending.
    for (let i = 0; i < 150; i++) {
      const id = (await insertApproval(db, {
        tenancyId: tenancyIds[i % 3]!,
        action: `action_${i}`,
        assessmentId: null,
        recommendedAction: null,
        requestedBy: officer,
        note: null,
        at: new Date(Date.UTC(2026, 10, 1, 9, 0, i)),
      }))!;
      if (i < 120) {
        const at = new Date(Date.UTC(2026, 10, 2, 9, 0, (i * 37) % 50));
        await decideApproval(db, { id, status: i % 4 === 0 ? 'declined' : 'approved', decidedBy: manager, reason: 'checked', at, on: '2026-11-02', actionEventId: null });
      }
    }
    // And the years before: 3,000 older decisions.
    await db.query(
      `INSERT INTO approvals (tenancy_id, action, requested_by, requested_at, status, decided_by, decided_at, decided_on, decision_reason)
       SELECT $1, 'older_' || g, $2, timestamptz '2024-01-01' + g * interval '1 hour', 'approved', $3, timestamptz '2024-01-02' + g * interval '1 hour', '2024-01-02', 'ok'
       FROM generate_series(1, 3000) g`,
      [tenancyIds[0], officer, manager],
    );
    await db.exec('ANALYZE approvals');
  });
  afterAll(async () => db.close());

  it('are the decided requests newest decision first, ties by id, with their tenancy and people', async () => {
    const expected = await db.query<{ id: string }>(`SELECT id::text AS id FROM approvals a WHERE status <> 'pending' ORDER BY a.decided_at DESC, a.id DESC LIMIT 20`);
    const latest = await listApprovals(db, 'decided', 20);
    expect(latest.map((a) => String(a.id))).toEqual(expected.map((r) => r.id));
    expect(latest.every((a) => a.status !== 'pending' && a.decided_by_name === 'Manager' && a.requested_by_name === 'Requester' && a.tenancy_ref.startsWith('TEN-A'))).toBe(true);
    expect((await listApprovals(db, 'decided', 500)).slice(0, 120).every((a) => a.action.startsWith('action_'))).toBe(true);
  });

  it('read the page of decisions from their index (0023), not every decision ever made', async () => {
    const read = await rowsReadFrom(db, 'approvals', null, (d) => listApprovals(d, 'decided', 20));
    // The 20 chosen, then each looked up by key: not the 3,120 decided.
    expect(read).toBeLessThanOrEqual(45);
  });
});
