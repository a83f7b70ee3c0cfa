import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';

describe('GET /search?q=', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it('finds tenancies by ref, payment reference, name, surname, address, street and postcode (any case)', async () => {
    const { agent } = await t.signIn('officer.southbank');
    const found = async (q: string) =>
      load((await agent.get(`/search?q=${encodeURIComponent(q)}`)).text)('[data-qa="search-result"]')
        .map((_i, el) => load(el).root().children().attr('data-ref'))
        .get();
    expect(await found('ten-n001')).toEqual(['TEN-N001']);
    expect(await found('TEN-N')).toEqual(['TEN-N001', 'TEN-N002', 'TEN-N003', 'TEN-N004']);
    expect(await found('P0011')).toEqual(['TEN-N001']);
    expect(await found('alice')).toEqual(['TEN-N001']);
    expect(await found('JONES')).toEqual(['TEN-N002']);
    expect(await found('carol jo')).toEqual(['TEN-N002']);
    expect(await found('12 example')).toEqual(['TEN-N001']);
    expect(await found('river street')).toEqual(['TEN-S001', 'TEN-S002']);
    expect(await found('st14ce')).toEqual(['TEN-S002']);
    expect(await found('ST1 4C')).toEqual(['TEN-S001', 'TEN-S002']);
    expect(await found('nobody-at-all')).toEqual([]);
    expect(await found('100%')).toEqual([]);
  });

  it('asks for at least 2 characters, and audits searches with what was shown', async () => {
    const { agent } = await t.signIn('manager');
    const res = await agent.get('/search?q=a');
    expect(res.status).toBe(400);
    expect((await agent.get('/search')).status).toBe(200);
    await agent.get('/search?q=mill');
    const [row] = await t.db.query<{ details: { query: string; tenancyRefs: string[] } }>(`SELECT details FROM audit_log WHERE entity = 'search' AND actor = 'manager' ORDER BY id DESC LIMIT 1`);
    expect(row!.details).toMatchObject({ query: 'mill', tenancyRefs: ['TEN-N002', 'TEN-N003'] });
  });
});
