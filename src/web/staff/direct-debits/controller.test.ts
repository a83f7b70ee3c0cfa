import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';

/** Direct-debit pages on the seeded TEN-N001 (Northgate), business date 23 November 2026. */
describe('direct-debit pages', () => {
  let t: WebTestApp;
  let officer: Session;
  let south: Session;
  const DD = '/tenancies/TEN-N001/direct-debits';
  const good = { payerName: 'Alice Smith', sortCode: '30-94-57', accountNumber: '12345678', collectionDay: 'monthly:8', amount: '433.33', 'startOn-day': '1', 'startOn-month': '12', 'startOn-year': '2026' };

  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
    south = await t.signIn('officer.southbank');
  });
  afterAll(async () => t.close());

  it('shows no mandate and the set-up link; the form with every collection day', async () => {
    const $ = cheerio.load((await officer.agent.get(DD)).text);
    expect($('[data-qa=no-mandate]').length).toBe(1);
    expect($('[data-qa=set-up]').attr('href')).toBe(`${DD}/new`);
    const form = cheerio.load((await officer.agent.get(`${DD}/new`)).text);
    expect(form('input[name=collectionDay]').map((_i, e) => form(e).attr('value')).get()).toEqual(['monthly:1', 'monthly:8', 'monthly:15', 'monthly:22', 'monthly:28', 'weekly:0', 'weekly:1', 'weekly:2', 'weekly:3', 'weekly:4']);
    expect(form('[data-qa=earliest]').text()).toContain('7 December 2026');
  });

  it('400 naming every bad field: sort code 00-00-00, amount 0, start in the past, no collection day', async () => {
    const res = await officer.post(`${DD}/new`, { ...good, sortCode: '00-00-00', amount: '0', 'startOn-day': '1', 'startOn-month': '11', collectionDay: '' });
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    expect($('title').text()).toMatch(/^Error:/);
    expect($('[data-qa=error-summary] a').map((_i, e) => $(e).attr('href')).get().sort()).toEqual(['#amount', '#collectionDay', '#sortCode', '#startOn-day']);
    expect($('#sortCode-error').text()).toContain('Enter a real sort code');
    expect($('#amount-error').text()).toContain('more than £0');
    expect($('#startOn-error').text()).toContain('today or in the future');
    expect($('#sortCode').val()).toBe('00-00-00');
  });

  it('another patch gets 403; a missing CSRF token is refused', async () => {
    expect((await south.post(`${DD}/new`, good)).status).toBe(403);
    const res = await officer.agent.post(`${DD}/new`).type('form').send(good);
    expect(res.status).toBe(403);
    expect(await t.db.query(`SELECT 1 FROM dd_mandates`)).toHaveLength(0);
  });

  it('sets up a mandate: masked details, schedule with advance notices, audited; cancel needs a reason', async () => {
    const res = await officer.post(`${DD}/new`, good);
    expect(res.status).toBe(303);
    const $ = cheerio.load((await officer.agent.get(DD)).text);
    expect($('[data-qa=sort-code]').text()).toBe('**-**-57');
    expect($('[data-qa=account-number]').text()).toBe('****5678');
    expect($('[data-qa=amount]').text()).toBe('£433.33');
    expect($('[data-qa=collection]').first().text()).toContain('8 December 2026');
    expect($('[data-qa=collection]').first().text()).toContain('24 November 2026');
    expect(res.text).not.toContain('12345678');
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'dd_mandate'`)).length).toBeGreaterThanOrEqual(2);
    const id = $('[data-qa=cancel-form]').attr('action')!.split('/').at(-2)!;
    const empty = await officer.post(`${DD}/${id}/cancel`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(cheerio.load(empty.text)('#reason-error').text()).toContain('Enter why');
    expect((await officer.post(`${DD}/${id}/cancel`, { reason: 'tenant now pays by standing order' })).status).toBe(303);
    const after = cheerio.load((await officer.agent.get(DD)).text);
    expect(after('[data-qa=earlier]').text()).toContain('tenant now pays by standing order');
  });
});
