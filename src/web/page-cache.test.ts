import { describe, expect, it } from 'vitest';
import { cutAtNonce, joinWithNonce, PageCache, type KeptPage } from './page-cache';

const page = (keptAtMs: number, text = 'page'): KeptPage<string> => ({ snapshot: '1:1:', patchIds: null, tables: [], casesOnly: false, parts: [Buffer.from(text)], shown: text, keptAtMs, renderId: text });

describe('PageCache: what is kept', () => {
  it('keeps the most recently used pages, up to maxEntries', () => {
    const cache = new PageCache({ maxEntries: 2, maxAgeMs: 1_000, nowMs: () => 0 });
    cache.set('a', page(0, 'a'));
    cache.set('b', page(0, 'b'));
    expect(cache.get<string>('a')?.shown).toBe('a'); // a is now the most recently used
    cache.set('c', page(0, 'c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get<string>('a')?.shown).toBe('a');
    expect(cache.get<string>('c')?.shown).toBe('c');
    cache.set('c', page(0, 'c2'));
    expect(cache.size).toBe(2);
    expect(cache.get<string>('c')?.shown).toBe('c2');
  });

  it('forgets a page older than maxAgeMs', () => {
    let nowMs = 0;
    const cache = new PageCache({ maxEntries: 10, maxAgeMs: 1_000, nowMs: () => nowMs });
    cache.set('a', page(0));
    nowMs = 1_000;
    expect(cache.get('a')).toBeDefined();
    nowMs = 1_001;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing with maxEntries 0', () => {
    const cache = new PageCache({ maxEntries: 0, maxAgeMs: 1_000, nowMs: () => 0 });
    cache.set('a', page(0));
    expect(cache.get('a')).toBeUndefined();
  });
});

describe("a kept page takes the response's own nonce", () => {
  it.each([
    ['<script nonce="OLD+/=">x</script><p>£5 – “quoted”</p>', 'OLD+/=', 'new/nonce+=='],
    ['OLDat the start and the endOLD', 'OLD', 'N'],
    ['no nonce in it: £', 'absent', 'N'],
    ['no nonce given', '', 'N'],
  ])('%s', (html, oldNonce, newNonce) => {
    const joined = joinWithNonce(cutAtNonce(html, oldNonce), newNonce).toString('utf8');
    expect(joined).toBe(oldNonce === '' ? html : html.split(oldNonce).join(newNonce));
  });
});
