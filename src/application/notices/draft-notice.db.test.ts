import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anArrearsCase, ARREARS_CASE_AS_OF } from '../../../test/builders/case-file';
import { createTestDatabase } from '../../../test/support/test-database';
import { importCase } from '../case-file/import-case';
import type { Db } from '../../persistence/database';
import { draftNotice, NoticeRefused } from './draft-notice';

describe('a notice for a tenancy with an end date', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    const ending = anArrearsCase({ tenancy: { ref: 'ENDING-1', endDate: '2026-06-28' } });
    await importCase(db, ending, JSON.parse(JSON.stringify(ending)) as Record<string, unknown>);
  });
  afterAll(async () => db.close());

  it('is drafted while the end date is still to come: the tenancy is current until then (recovery policy §7)', async () => {
    const { draft } = await draftNotice(db, { ref: 'ENDING-1', servedOn: ARREARS_CASE_AS_OF });
    expect(draft).toMatchObject({ type: 'nosp', servedOn: ARREARS_CASE_AS_OF });
  });

  it.each(['2026-06-28', '2026-07-01'])('is refused when served on or after the end date (%s): a former tenancy', async (servedOn) => {
    await expect(draftNotice(db, { ref: 'ENDING-1', servedOn })).rejects.toThrow(NoticeRefused);
    await expect(draftNotice(db, { ref: 'ENDING-1', servedOn })).rejects.toThrow(/ended on 2026-06-28: a former tenancy cannot be served a notice/);
  });
});
