import { describe, expect, it } from 'vitest';
import { ReassessWhilePosting } from './reassess-while-posting';

const DAY = '2026-11-23';
const LATER = '2026-11-25';

describe('ReassessWhilePosting: which accounts to re-assess while the file is posted, and which after it', () => {
  it('hands an account out once the batch with the last row of its reference is committed', () => {
    const plan = new ReassessWhilePosting();
    plan.posted(0, 1, 3); // account 1: its reference's last row is 3 (in batch 0)
    plan.posted(0, 2, 9); // account 2: more rows to come, up to row 9
    expect(plan.committed(0, 4, DAY)).toEqual([1]);
    plan.posted(1, 2, 9);
    expect(plan.committed(1, 8, DAY)).toEqual([]);
    plan.posted(2, 2, 9);
    expect(plan.committed(2, 12, DAY)).toEqual([2]);
    expect(plan.committed(3, 16, DAY)).toEqual([]);
    expect(plan.remaining(DAY)).toEqual([]);
  });

  it.each([
    ['a reference the first pass did not see (never handed out)', (p: ReassessWhilePosting) => p.posted(0, 7, null), [], [7], DAY],
    ['posted to again after it was handed out (through another reference)', (p: ReassessWhilePosting) => (p.posted(0, 7, 2), p.committed(0, 4, DAY), p.posted(1, 7, null)), [7], [7], DAY],
    ['handed out again after its last posting', (p: ReassessWhilePosting) => (p.posted(0, 7, 2), p.committed(0, 4, DAY), p.posted(1, 7, 6), p.committed(1, 8, DAY)), [7, 7], [], DAY],
    ['handed out as of another day than the file ends on (a later payment moved it)', (p: ReassessWhilePosting) => (p.posted(0, 7, 2), p.committed(0, 4, DAY)), [7], [7], LATER],
  ])('%s', (_name, arrange, handedOut, remaining, fileEndsOn) => {
    const plan = new ReassessWhilePosting();
    const out: number[] = [];
    const committed = plan.committed.bind(plan);
    plan.committed = (batch, row, asOf) => {
      const ready = committed(batch, row, asOf);
      out.push(...ready);
      return ready;
    };
    arrange(plan);
    expect(out).toEqual(handedOut);
    expect(plan.remaining(fileEndsOn)).toEqual(remaining);
  });

  it('every account posted to is re-assessed exactly once after its last posting, whatever the order of the rows', () => {
    // Rows of a file, in batches of 3: the account each row posts to; the first pass saw every reference.
    const rows = [5, 1, 2, 1, 3, 5, 4, 2, 2, 6, 5, 1, 7];
    const lastRow = new Map<number, number>();
    rows.forEach((account, i) => lastRow.set(account, i + 2));
    const plan = new ReassessWhilePosting();
    const timeline: string[] = [];
    for (let from = 0, batch = 0; from < rows.length; from += 3, batch++) {
      const slice = rows.slice(from, from + 3);
      slice.forEach((account) => plan.posted(batch, account, lastRow.get(account)!));
      for (const account of slice) timeline.push(`post ${account}`);
      for (const account of plan.committed(batch, from + slice.length + 1, DAY)) timeline.push(`assess ${account}`);
    }
    for (const account of plan.remaining(DAY)) timeline.push(`assess ${account}`);
    for (const account of new Set(rows)) {
      expect(timeline.filter((t) => t === `assess ${account}`)).toHaveLength(1);
      expect(timeline.indexOf(`assess ${account}`)).toBeGreaterThan(timeline.lastIndexOf(`post ${account}`));
    }
  });
});
