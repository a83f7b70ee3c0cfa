import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { createTestDatabase } from '../../../test/support/test-database';
import { addDays } from '../../domain/calendar/business-date';
import type { Db } from '../database';
import { appendCaseEvents } from './case-event-store';
import { countFollowUpsDue, followUpsDue, followUpsDueWithTotal } from './worklist-store';

describe('followUpsDue pages with limit and offset; countFollowUpsDue counts them', () => {
  let db: Db;
  let northPatch: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const north = await aTenancyOnPatch(db, 'TEN-N', 'North');
    const south = await aTenancyOnPatch(db, 'TEN-S', 'South');
    northPatch = (await db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'North'`))[0]!.id;
    const followUp = (tenancyId: number, dueDate: string, reason: string) => ({ tenancyId, eventDate: '2026-10-01', type: 'follow_up', details: { dueDate, reason } });
    await appendCaseEvents(db, [
      ...Array.from({ length: 8 }, (_x, i) => followUp(north, addDays('2026-11-01', i), `N${i}`)),
      followUp(north, '2026-12-31', 'later'),
      followUp(north, '2026-10-15', 'done'),
      followUp(south, '2026-10-20', 'S0'),
    ]);
    const [done] = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE details ->> 'reason' = 'done'`);
    await appendCaseEvents(db, [{ tenancyId: north, eventDate: '2026-10-16', type: 'follow_up_done', details: { followUpId: String(done!.id) } }]);
  });
  afterAll(async () => db.close());

  it('offset skips rows in the same order (oldest due first)', async () => {
    expect((await followUpsDue(db, null, '2026-11-23')).map((f) => f.reason)).toEqual(['S0', 'N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7']);
    expect((await followUpsDue(db, null, '2026-11-23', 3)).map((f) => f.reason)).toEqual(['S0', 'N0', 'N1']);
    expect((await followUpsDue(db, null, '2026-11-23', 3, 3)).map((f) => f.reason)).toEqual(['N2', 'N3', 'N4']);
    expect((await followUpsDue(db, [northPatch], '2026-11-23', 3, 6)).map((f) => f.reason)).toEqual(['N6', 'N7']);
    expect(await followUpsDue(db, null, '2026-11-23', 3, 30)).toEqual([]);
  });

  it('counts the follow-ups due and not done, in the patches', async () => {
    expect(await countFollowUpsDue(db, null, '2026-11-23')).toBe(9);
    expect(await countFollowUpsDue(db, [northPatch], '2026-11-23')).toBe(8);
    expect(await countFollowUpsDue(db, [], '2026-11-23')).toBe(0);
    expect(await countFollowUpsDue(db, null, '2026-11-03')).toBe(4);
    expect(await countFollowUpsDue(db, null, '2027-01-01')).toBe(10);
  });

  it('followUpsDueWithTotal: the first rows and the count in one query, the same as the two', async () => {
    for (const [patchIds, today, limit] of [[null, '2026-11-23', 3], [[northPatch], '2026-11-23', 10], [[], '2026-11-23', 3], [null, '2026-11-03', 2], [null, '2027-01-01', 20]] as const) {
      const ids = patchIds === null ? null : [...patchIds];
      expect(await followUpsDueWithTotal(db, ids, today, limit)).toEqual({ rows: await followUpsDue(db, ids, today, limit), total: await countFollowUpsDue(db, ids, today) });
    }
  });
});
