import { describe, expect, it } from 'vitest';
import { PostingLanes } from './posting-lanes';

/** A batch that ends when the test says, recording when it started and what followed it. */
function aBatch(name: string, log: string[]) {
  let end!: (value: string) => void;
  let fail!: (error: Error) => void;
  const ended = new Promise<string>((resolve, reject) => {
    end = resolve;
    fail = reject;
  });
  return {
    post: () => {
      log.push(`start ${name}`);
      return ended;
    },
    settled: (value: string) => {
      log.push(`settled ${value}`);
    },
    end: () => end(name),
    fail: (message: string) => fail(new Error(message)),
  };
}

/** Lets every promise callback queued so far run. */
const turns = async (n = 10): Promise<void> => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe('PostingLanes', () => {
  it.each([
    { lanes: 1, startedAtOnce: ['start a'] },
    { lanes: 2, startedAtOnce: ['start a', 'start b'] },
    { lanes: 3, startedAtOnce: ['start a', 'start b', 'start c'] },
  ])('starts at most $lanes at once, in the order added', async ({ lanes, startedAtOnce }) => {
    const log: string[] = [];
    const runner = new PostingLanes<string>(lanes);
    const batches = ['a', 'b', 'c'].map((n) => aBatch(n, log));
    const adding = (async () => {
      for (const b of batches) await runner.add(b.post, b.settled);
    })();
    await turns();
    expect(log).toEqual(startedAtOnce);
    for (const b of batches) b.end();
    await adding;
    await runner.finish();
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start a', 'start b', 'start c']);
  });

  it('runs what follows each batch in the order added, though a later one ends first', async () => {
    const log: string[] = [];
    const runner = new PostingLanes<string>(2);
    const [a, b] = [aBatch('a', log), aBatch('b', log)];
    await runner.add(a.post, a.settled);
    await runner.add(b.post, b.settled);
    b.end();
    await turns();
    expect(log).toEqual(['start a', 'start b']);
    a.end();
    await runner.finish();
    expect(log).toEqual(['start a', 'start b', 'settled a', 'settled b']);
  });

  it('starts an exclusive batch once every batch before it has ended, and the next only once it has ended', async () => {
    const log: string[] = [];
    const runner = new PostingLanes<string>(2);
    const [a, x, c] = [aBatch('a', log), aBatch('x', log), aBatch('c', log)];
    await runner.add(a.post, a.settled);
    const adding = (async () => {
      await runner.add(x.post, x.settled, { exclusive: true });
      log.push('added x');
      await runner.add(c.post, c.settled);
    })();
    await turns();
    expect(log).toEqual(['start a']);
    a.end();
    await turns();
    expect(log).toEqual(['start a', 'settled a', 'start x']);
    x.end();
    await adding;
    expect(log).toEqual(['start a', 'settled a', 'start x', 'settled x', 'added x', 'start c']);
    c.end();
    await runner.finish();
  });

  it('starts nothing after a batch fails, lets the batches in hand end, and throws its error', async () => {
    const log: string[] = [];
    const runner = new PostingLanes<string>(2);
    const [a, b, c] = [aBatch('a', log), aBatch('b', log), aBatch('c', log)];
    await runner.add(a.post, a.settled);
    await runner.add(b.post, b.settled);
    const adding = runner.add(c.post, c.settled);
    a.fail('the ledger refused a row');
    await expect(adding).rejects.toThrow('the ledger refused a row');
    let finished = false;
    const finishing = runner.finish().catch((error: Error) => {
      finished = true;
      return error.message;
    });
    await turns();
    expect(finished).toBe(false); // b is still in hand
    b.end();
    expect(await finishing).toBe('the ledger refused a row');
    expect(log).toEqual(['start a', 'start b']);
  });

  it('throws what a settled step threw, and starts nothing after it', async () => {
    const runner = new PostingLanes<string>(1);
    await runner.add(
      () => Promise.resolve('a'),
      () => {
        throw new Error('counting failed');
      },
    );
    await expect(runner.finish()).rejects.toThrow('counting failed');
    await expect(runner.add(() => Promise.resolve('b'), () => undefined)).rejects.toThrow('counting failed');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s lanes', (lanes) => {
    expect(() => new PostingLanes(lanes)).toThrow(RangeError);
  });
});
