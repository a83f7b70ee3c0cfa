import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../persistence/database';
import { seedWeb, type SeededWeb } from '../../../test/support/seed-web';
import { createTestDatabase } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';
import { setUpMandate } from '../direct-debits/direct-debits';
import { renderLetterPdf } from '../letters/render-letter-pdf';
import type { Letter } from '../letters/letter';
import { verifyCurrentAssessments } from '../assessment/verify-assessments';
import { applyRentChange, planRentChange, RentChangeRefused } from './rent-change';
import { readRentChangeFile } from './rent-change-file';
import { caseContextAs } from '../../../test/builders/case-context';

/**
 * The annual change on the seeded landlord (six tenancies: £100, £90, £110, £95, £105, £85 a week rent)
 * on 2026-11-23, effective Monday 4 January 2027 (42 days on). TEN-N001 pays £433.33 a month by direct
 * debit on the 1st.
 */
describe('the annual rent change', () => {
  let db: Db;
  let seed: SeededWeb;
  const today = '2026-11-23';
  const effective = '2027-01-04';
  const files = tempDir();
  beforeAll(async () => {
    db = await createTestDatabase();
    seed = await seedWeb(db);
    const ctx = await caseContextAs(db, seed.users.officerNorth.id, today);
    const m = await setUpMandate(ctx, 'TEN-N001', { payerName: 'Alex Example', sortCode: '30-94-57', accountNumber: '12345678', collectionDay: 'monthly:1', amount: '433.33', startOn: '2026-12-01' });
    expect(m.kind).toBe('created');
  });
  afterAll(async () => {
    files.cleanup();
    await db?.close();
  });

  it('refuses an effective date less than 28 days on', async () => {
    await expect(planRentChange(db, '2026-12-20', today, { kind: 'percent', basisPoints: 270, subAccount: 'rent' })).rejects.toThrow(/at least 28 days/);
    await expect(planRentChange(db, '2026-12-21', today, { kind: 'percent', basisPoints: 270, subAccount: 'rent' })).resolves.toBeTruthy();
  });

  it('previews 2.7% to the penny with the direct-debit change and its advance notice', async () => {
    const plan = await planRentChange(db, effective, today, { kind: 'percent', basisPoints: 270, subAccount: 'rent' });
    expect(plan.items.map((i) => [i.ref, i.oldWeeklyPence, i.newWeeklyPence])).toEqual([
      ['TEN-N001', 10000, 10270],
      ['TEN-N002', 9000, 9243],
      ['TEN-N003', 11000, 11297],
      ['TEN-N004', 9500, 9757], // 9756.5 → 9757 half-up
      ['TEN-S001', 10500, 10784], // 10783.5 → 10784
      ['TEN-S002', 8500, 8730], // 8729.5 → 8730
    ]);
    expect(plan.totals).toEqual({ tenancies: 6, oldWeeklyPence: 58500, newWeeklyPence: 60081 });
    // Monthly: +270 × 52 / 12 = 1170; first collection at the new amount 4 January (the 1st is a bank holiday), notice by 16 December.
    expect(plan.directDebits).toEqual([expect.objectContaining({ ref: 'TEN-N001', oldAmountPence: 43333, newAmountPence: 44503, firstCollectionOn: '2027-01-04', noticeBy: '2026-12-16' })]);
  });

  it('applies once: schedules, letters (PDF), DD amount; applying again changes nothing', async () => {
    const plan = await planRentChange(db, effective, today, { kind: 'percent', basisPoints: 270, subAccount: 'rent' });
    const applied = await applyRentChange(db, plan, 'senior');
    expect(applied.applied).toBe(6);
    expect(applied.letters).toHaveLength(6);
    const schedules = await db.query<{ weekly_pence: number }>(`SELECT weekly_pence FROM charge_schedules WHERE effective_from = $1 ORDER BY tenancy_id`, [effective]);
    expect(schedules.map((s) => Number(s.weekly_pence))).toEqual([10270, 9243, 11297, 9757, 10784, 8730]);
    const [letter] = await db.query<{ letter_date: string; content: { letter: Letter } }>(`SELECT to_char(letter_date, 'YYYY-MM-DD') AS letter_date, content FROM letters WHERE id = $1`, [applied.letters[0]!.letterId]);
    expect(letter!.letter_date).toBe(today);
    expect(letter!.content.letter.paragraphs.join('\n')).toContain('£433.33 to £445.03 a month');
    expect((await renderLetterPdf(letter!.content.letter)).subarray(0, 4).toString()).toBe('%PDF');
    // Each tenancy's letter is its own (written a chunk at a time), and its items and case event point at it.
    const owners = await db.query<{ id: number; tenancy_id: number }>(`SELECT id::int AS id, tenancy_id FROM letters WHERE id = ANY($1::bigint[])`, [applied.letters.map((l) => l.letterId)]);
    expect(new Map(owners.map((o) => [o.id, o.tenancy_id]))).toEqual(new Map(applied.letters.map((l) => [l.letterId, l.tenancyId])));
    const [linked] = await db.query<{ items: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM rent_change_items i JOIN letters l ON l.id = i.letter_id AND l.tenancy_id = i.tenancy_id WHERE i.effective_from = $1) AS items,
              (SELECT count(*)::int FROM case_events e JOIN letters l ON l.id = (e.details->>'letterId')::bigint AND l.tenancy_id = e.tenancy_id WHERE e.type = 'rent_change_notified') AS events`,
      [effective],
    );
    expect(linked).toEqual({ items: 6, events: 6 });
    // Each account changed is assessed again: its current result is what assess gives on its case file now.
    expect(await verifyCurrentAssessments(db, { tenancyIds: applied.letters.map((l) => l.tenancyId) })).toMatchObject({ checked: 6, same: 6, differ: 0 });

    const again = await planRentChange(db, effective, today, { kind: 'percent', basisPoints: 270, subAccount: 'rent' });
    expect(again.items.every((i) => i.alreadyApplied)).toBe(true);
    expect(again.directDebits[0]).toMatchObject({ oldAmountPence: 43333, newAmountPence: 44503 });
    const second = await applyRentChange(db, again, 'senior');
    expect(second).toMatchObject({ applied: 0, letters: [] });
    expect(await db.query(`SELECT 1 FROM charge_schedules WHERE effective_from = $1`, [effective])).toHaveLength(6);
    expect(await db.query(`SELECT 1 FROM dd_mandate_events WHERE type = 'amount_changed'`)).toHaveLength(1);

    // The first plan again, made before the change was applied (as a second apply started at the same moment has it):
    // nothing is written, and the plan returned marks every item applied.
    const late = await applyRentChange(db, plan, 'senior');
    expect(late).toMatchObject({ applied: 0, letters: [] });
    expect(late.plan.items.every((i) => i.alreadyApplied)).toBe(true);
    expect(await db.query(`SELECT 1 FROM letters WHERE template = 'notice_of_variation'`)).toHaveLength(6);
  });

  it('the file form names bad rows and applies nothing', async () => {
    const bad = files.file('bad.csv', 'tenancy_ref,rent,service_charge\nTEN-N001,105.00,\nTEN-X999,1,\nTEN-N002,abc,\nTEN-N003,,\n');
    const err = await readRentChangeFile(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RentChangeRefused);
    expect((err as RentChangeRefused).errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'rent'],
      [5, 'rent'],
    ]);
    const unknown = files.file('unknown.csv', 'tenancy_ref,rent,service_charge\nTEN-N001,105.00,12.50\nTEN-X999,1,\n');
    const request = await readRentChangeFile(unknown);
    const refused = await planRentChange(db, '2027-04-05', today, request).catch((e: unknown) => e);
    expect((refused as RentChangeRefused).errors).toEqual([{ row: 3, field: 'tenancy_ref', message: 'no current tenancy TEN-X999 on 2027-04-05' }]);
    expect(await db.query(`SELECT 1 FROM charge_schedules WHERE effective_from = '2027-04-05'`)).toHaveLength(0);
    const good = files.file('good.csv', 'tenancy_ref,rent,service_charge\nTEN-N001,105.00,12.50\n');
    const plan = await planRentChange(db, '2027-04-05', today, await readRentChangeFile(good));
    expect(plan.items.map((i) => [i.subAccount, i.oldWeeklyPence, i.newWeeklyPence])).toEqual([
      ['rent', 10270, 10500],
      ['service_charge', 0, 1250],
    ]);
    // DD: from £445.03 (the change already notified) + (230 + 1250) × 52 / 12 = 6413.33 → 6413.
    expect(plan.directDebits[0]).toMatchObject({ oldAmountPence: 44503, newAmountPence: 50916 });
  });

  // Last: it changes the rents the tests above read.
  it.runIf(process.env.DATABASE_URL)('side by side (PostgreSQL): two applies of one change at once write it once, one letter a tenancy', async () => {
    const later = '2027-01-11';
    const request = { kind: 'percent', basisPoints: 100, subAccount: 'rent' } as const;
    const [first, second] = [await planRentChange(db, later, today, request), await planRentChange(db, later, today, request)];
    const outcomes = await Promise.all([applyRentChange(db, first, 'senior'), applyRentChange(db, second, 'manager')]);
    expect(outcomes.map((o) => o.applied).sort()).toEqual([0, 6]);
    expect(outcomes.map((o) => o.letters.length).sort()).toEqual([0, 6]);
    const [counts] = await db.query<{ letters: number; items: number; schedules: number }>(
      `SELECT (SELECT count(*)::int FROM letters WHERE template = 'notice_of_variation' AND letter_date = $2) - 6 AS letters,
              (SELECT count(*)::int FROM rent_change_items WHERE effective_from = $1) AS items,
              (SELECT count(*)::int FROM charge_schedules WHERE effective_from = $1) AS schedules`,
      [later, today],
    );
    expect(counts).toEqual({ letters: 6, items: 6, schedules: 6 });
  });
});
