import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';

describe('GET /admin/audit', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it('searches by person, tenancy, kind and dates, newest first', async () => {
    const officer = await t.signIn('officer.northgate');
    await officer.agent.get('/tenancies/TEN-N002');
    const { agent } = await t.signIn('admin');
    const rows = async (query: string) => load((await agent.get(`/admin/audit${query}`)).text)('[data-qa="audit-row"]');
    const byTenancy = await rows('?ref=TEN-N002');
    expect(byTenancy.length).toBe(1);
    expect(byTenancy.text()).toContain('officer.northgate');
    expect((await rows('?actor=officer.northgate&action=sign_in')).length).toBe(1);
    expect((await rows('?from=2026-11-23&to=2026-11-23')).length).toBeGreaterThan(2);
    expect((await rows('?from=2026-11-24')).length).toBe(0);
    expect((await agent.get('/admin/audit?from=nope')).status).toBe(400);
  });

  it('pages older and newer by link, keeping the search; counts matches; a link that is not a page shows the newest', async () => {
    await t.db.query(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, origin)
       SELECT timestamptz '2026-11-22 10:00:00+00' + (g % 7) * interval '1 second', 'paging.check', 'read', 'tenancy', g::text, 'web' FROM generate_series(1, 230) g`,
    );
    const { agent } = await t.signIn('admin');
    const page = async (url: string) => {
      const $ = load((await agent.get(url)).text);
      return {
        ids: $('[data-qa="audit-row"] td:nth-child(4)').map((_i, el) => $(el).text().trim()).get(),
        count: $('[data-qa="audit-count"]').text(),
        newer: $('.govuk-pagination__prev a').attr('href') ?? null,
        older: $('.govuk-pagination__next a').attr('href') ?? null,
      };
    };
    const first = await page('/admin/audit?actor=paging.check');
    expect(first.count).toBe('230 entries');
    expect([first.ids.length, first.newer]).toEqual([100, null]);
    expect(first.older).toMatch(/^\/admin\/audit\?actor=paging\.check&before=\d+\.\d+$/);
    const second = await page(first.older!);
    const third = await page(second.older!);
    expect([second.ids.length, third.ids.length, third.older]).toEqual([100, 30, null]);
    expect(new Set([...first.ids, ...second.ids, ...third.ids]).size).toBe(230);
    expect((await page(third.newer!)).ids).toEqual(second.ids);
    expect((await page((await page(second.newer!)).older!)).ids).toEqual(second.ids);
    expect((await page('/admin/audit?actor=paging.check&before=not-a-page')).ids).toEqual(first.ids);
    expect(await page('/admin/audit?actor=paging.check&before=0.0')).toEqual(first);
    expect(await page(`/admin/audit?actor=paging.check&after=${'9'.repeat(16)}.1`)).toEqual(first);
  });
});
