import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';

/** The senior officers' rent-change page on the seeded landlord (business date 23 November 2026). */
describe('rent-change page', () => {
  let t: WebTestApp;
  let senior: Session;
  let officer: Session;
  const form = { 'effective-day': '4', 'effective-month': '1', 'effective-year': '2027', percent: '2.7', subAccount: 'rent' };

  beforeAll(async () => {
    t = await createWebTestApp();
    senior = await t.signIn('senior');
    officer = await t.signIn('officer.northgate');
  });
  afterAll(async () => t.close());

  it('is refused to officers', async () => {
    expect((await officer.agent.get('/rent-change')).status).toBe(403);
    expect((await officer.post('/rent-change', form)).status).toBe(403);
  });

  it('400 naming the fields: a date under four weeks on, a bad percentage', async () => {
    const res = await senior.post('/rent-change', { ...form, 'effective-day': '1', 'effective-month': '12', 'effective-year': '2026' });
    expect(res.status).toBe(400);
    expect(cheerio.load(res.text)('#effective-error').text()).toContain('four weeks');
    const bad = await senior.post('/rent-change', { ...form, percent: 'lots', subAccount: '' });
    expect(bad.status).toBe(400);
    const $ = cheerio.load(bad.text);
    expect($('[data-qa=error-summary] a').map((_i, e) => $(e).attr('href')).get()).toEqual(['#percent', '#subAccount']);
  });

  it('previews with totals, needs confirmation, applies once with letters', async () => {
    const preview = cheerio.load((await senior.post('/rent-change', form)).text);
    expect(preview('[data-qa=preview-row][data-ref=TEN-N001] [data-qa=new]').text()).toBe('£102.70');
    expect(preview('[data-qa=total-old]').text()).toBe('£585.00');
    expect(preview('[data-qa=total-new]').text()).toBe('£600.81');
    expect(await t.db.query(`SELECT 1 FROM charge_schedules WHERE effective_from = '2027-01-04'`)).toHaveLength(0);
    const unconfirmed = await senior.post('/rent-change/apply', form);
    expect(unconfirmed.status).toBe(400);
    expect(cheerio.load(unconfirmed.text)('#confirm-error').text()).toContain('Confirm');
    const applied = cheerio.load((await senior.post('/rent-change/apply', { ...form, confirm: 'yes' })).text);
    expect(applied('[data-qa=letter]').length).toBe(6);
    const href = applied('[data-qa=letter]').first().attr('href')!;
    const pdf = await senior.agent.get(href);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const again = cheerio.load((await senior.post('/rent-change/apply', { ...form, confirm: 'yes' })).text);
    expect(again('[data-qa=no-letters]').length).toBe(1);
    expect(await t.db.query(`SELECT 1 FROM charge_schedules WHERE effective_from = '2027-01-04'`)).toHaveLength(6);
  });
});
