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
});
