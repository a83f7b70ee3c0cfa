import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { KeptPage } from '../web/page-cache';
import { aClusterOfPages } from '../../test/support/cluster-pages';
import { sharedPagesOverChannel, type PageMessage } from './shared-pages';

const page = (renderId: string, text: string, keptAtMs = 0): KeptPage<unknown> => ({
  snapshot: '10:12:11',
  patchIds: [3],
  tables: ['current_assessments', 'tasks'],
  casesOnly: true,
  parts: [Buffer.from(`<p>${text} £5 `), Buffer.from('</p>')],
  shown: { refs: [text] },
  keptAtMs,
  renderId,
});

const aCluster = (options: Parameters<typeof aClusterOfPages>[0] = {}) => aClusterOfPages({ nowMs: () => 0, answerMs: 50, ...options });

const text = (p: KeptPage<unknown> | undefined) => p && Buffer.concat(p.parts).toString('utf8');
const settle = () => new Promise((r) => setImmediate(r));

describe('pages shared by the serving processes (the primary keeps them)', () => {
  it('a page one worker offers is what another gets, bytes as Buffers; none before', async () => {
    const { worker } = aCluster();
    const a = worker();
    const b = worker();
    expect(await b.get('session\u0000worklist')).toBeUndefined();
    a.put('session\u0000worklist', page('a.1', 'Northgate'));
    await settle();
    const got = await b.get('session\u0000worklist');
    expect(text(got)).toBe('<p>Northgate £5 </p>');
    expect(got!.parts.every((p) => Buffer.isBuffer(p))).toBe(true);
    expect({ ...got, parts: [] }).toEqual({ ...page('a.1', 'Northgate'), parts: [] });
    expect(await b.get('another session\u0000worklist')).toBeUndefined();
  });

  it('as the channel serializes it (node:v8), the page comes back the same', async () => {
    const { worker } = aCluster({ copy: (m) => deserialize(serialize(m)) as PageMessage });
    const a = worker();
    a.put('k', page('a.1', 'Southfield'));
    await settle();
    expect(text(await a.get('k'))).toBe('<p>Southfield £5 </p>');
  });

  it('the latest page offered under a key replaces the one before', async () => {
    const { worker } = aCluster();
    const a = worker();
    a.put('k', page('a.1', 'first'));
    a.put('k', page('b.7', 'second'));
    await settle();
    expect((await a.get('k'))?.renderId).toBe('b.7');
  });

  it('keeps the most recently used maxEntries, each for at most ten minutes', async () => {
    let nowMs = 0;
    const { worker, kept } = aCluster({ maxEntries: 2, nowMs: () => nowMs });
    const a = worker();
    for (const k of ['x', 'y', 'z']) a.put(k, page(k, k));
    await settle();
    expect(kept.size).toBe(2);
    expect(await a.get('x')).toBeUndefined();
    expect(text(await a.get('y'))).toBe('<p>y £5 </p>');
    nowMs = 10 * 60_000 + 1;
    expect(await a.get('z')).toBeUndefined();
  });

  it('with no answer in time, the worker goes on without (it renders the page itself)', async () => {
    const { worker, sent } = aCluster();
    const silent = worker(false);
    expect(await silent.get('k')).toBeUndefined(); // after answerMs (50 here)
    expect(sent).toEqual([{ rentwisePages: 'get', id: 1, key: 'k' }]);
  });

  it('a channel that cannot send (the primary gone): no page at once, and nothing thrown', async () => {
    const gone = sharedPagesOverChannel({
      send: () => {
        throw new Error('channel closed');
      },
      on: () => undefined,
    }, { answerMs: 3_600_000 }); // were it waited for, the test would time out
    expect(await gone.get('k')).toBeUndefined();
    expect(() => gone.put('k', page('a.1', 'x'))).not.toThrow();
  });

  it("leaves the cluster's other messages alone", async () => {
    const { worker, primary, kept } = aCluster();
    const a = worker();
    const answers: unknown[] = [];
    primary.emit('message', { send: (m: unknown) => answers.push(m) }, { cmd: 'NODE_CLUSTER', act: 'online' });
    primary.emit('message', { send: (m: unknown) => answers.push(m) }, 'a string');
    expect(answers).toEqual([]);
    expect(kept.size).toBe(0);
    expect(await a.get('k')).toBeUndefined();
  });
});
