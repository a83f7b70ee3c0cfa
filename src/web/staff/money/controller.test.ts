import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';
import { anyPdfText } from '../../../../test/support/pdf-text';

/**
 * Income and expenditure and arrangements through the pages, on the seeded TEN-N001 (Alice Smith,
 * £100.00 a week, £200.00 arrears on 23 November 2026).
 */
describe('money pages', () => {
  let t: WebTestApp;
  let officer: Session;
  let tenancyId: number;
  const REF = '/tenancies/TEN-N001';
  const pdf = (path: string) =>
    officer.agent.get(path).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
    tenancyId = t.seed.tenancies['TEN-N001']!;
  });
  afterAll(async () => t.close());

  it('shows the money page with nothing on file, and audits it', async () => {
    const res = await officer.agent.get(`${REF}/money`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('[data-qa=arrears]').text()).toBe('£200.00');
    expect($('[data-qa=no-ie]').length).toBe(1);
    expect($('[data-qa=no-arrangement]').length).toBe(1);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'tenancy' AND details->>'page' = 'money'`)).length).toBe(1);
  });

  it('names every bad amount of an income and expenditure (400)', async () => {
    const res = await officer.post(`${REF}/money/income-expenditure`, {
      'amount-earnings': '-100',
      'period-earnings': 'monthly',
      'amount-utilities': 'lots',
      'amount-food_and_housekeeping': '12.345',
      'period-water': 'yearly',
    });
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    const summary = $('.govuk-error-summary').text();
    expect(summary).toContain('Earnings (take-home pay) cannot be negative');
    expect(summary).toContain('Gas and electricity must be an amount in pounds');
    expect(summary).toContain('Food and housekeeping must be in pounds and pence, with no more than 2 decimal places');
    expect(summary).toContain('Choose weekly or monthly for water');
    expect($('#amount-earnings').val()).toBe('-100');
    expect($('#amount-utilities-error').text()).toContain('must be an amount');
    expect((await t.db.query(`SELECT 1 FROM income_expenditure_snapshots`)).length).toBe(0);
  });

  it('asks for income when none is given', async () => {
    const res = await officer.post(`${REF}/money/income-expenditure`, { 'amount-utilities': '10' });
    expect(res.status).toBe(400);
    expect(cheerio.load(res.text)('#amount-earnings-error').text()).toContain('Enter at least one amount of income');
  });

  it('saves a snapshot with a timeline event and shows the surplus with its working', async () => {
    const res = await officer.post(`${REF}/money/income-expenditure`, {
      'amount-earnings': '1,200.00',
      'period-earnings': 'monthly',
      'amount-food_and_housekeeping': '100',
      'period-food_and_housekeeping': 'weekly',
      'amount-council_tax': '100',
      'period-council_tax': 'monthly',
      'amount-energy_arrears': '£50',
      'period-energy_arrears': 'monthly',
    });
    expect(res.status).toBe(303);
    // 120000 − 43333 (100 a week × 52 / 12) − 10000 − 5000 = 61667 a month; weekly floor(61667 × 12 / 52) = 14230
    const page = cheerio.load((await officer.agent.get(`${REF}/money`)).text);
    expect(page('[data-qa=surplus]').text()).toBe('£616.67');
    expect(page('[data-qa=largest]').text()).toContain('£142.30 a week');
    expect(page('[data-qa=working]').text()).toContain('Income £1200.00 a month');
    const [event] = await t.db.query<{ recorded_by: string }>(`SELECT recorded_by FROM case_events WHERE tenancy_id = $1 AND type = 'income_expenditure'`, [tenancyId]);
    expect(event?.recorded_by).toBe('officer.northgate');
    // The form starts from what is on file.
    const form = cheerio.load((await officer.agent.get(`${REF}/money/income-expenditure`)).text);
    expect(form('#amount-earnings').val()).toBe('1200.00');
    expect(form('#period-food_and_housekeeping').val()).toBe('weekly');
  });

  it('refuses an instalment of 0 and a start in the past, naming the fields (400)', async () => {
    const zero = await officer.post(`${REF}/money/arrangement`, { instalment: '0', frequency: 'weekly', 'startDate-day': '30', 'startDate-month': '11', 'startDate-year': '2026' });
    expect(zero.status).toBe(400);
    expect(cheerio.load(zero.text)('#instalment-error').text()).toContain('more than £0');
    const past = await officer.post(`${REF}/money/arrangement`, { instalment: '10', frequency: 'weekly', 'startDate-day': '1', 'startDate-month': '11', 'startDate-year': '2026' });
    expect(past.status).toBe(400);
    expect(cheerio.load(past.text)('#startDate-error').text()).toContain('cannot be in the past');
    const blank = await officer.post(`${REF}/money/arrangement`, {});
    expect(blank.status).toBe(400);
    const s = cheerio.load(blank.text)('.govuk-error-summary').text();
    expect(s).toContain('Enter the instalment');
    expect(s).toContain('Choose how often');
    expect(s).toContain('Enter the date of the first instalment');
  });

  it('offers start dates on the pay day', async () => {
    const $ = cheerio.load((await officer.agent.get(`${REF}/money/arrangement`)).text);
    expect($('[data-qa=affordable]').text()).toContain('£142.30 a week');
    expect($('[data-qa=suggested-starts]').text()).toContain('usually pays on');
  });

  it('warns when the instalment is over the surplus, then agrees it on confirmation with the letter', async () => {
    const body = { instalment: '150', frequency: 'weekly', 'startDate-day': '30', 'startDate-month': '11', 'startDate-year': '2026' };
    const warn = await officer.post(`${REF}/money/arrangement`, body);
    expect(warn.status).toBe(200);
    const $ = cheerio.load(warn.text);
    expect($('[data-qa=warnings]').text()).toContain('more than the income and expenditure shows the tenant can afford (£142.30)');
    expect($('[data-qa=preview-clears]').text()).toContain('2 instalments; the arrears clear on 7 December 2026');
    expect((await t.db.query(`SELECT 1 FROM arrangements`)).length).toBe(0);
    const confirm = String($('input[name=confirm]').val());
    // A changed instalment is not covered by the confirmation.
    const changed = await officer.post(`${REF}/money/arrangement`, { ...body, instalment: '160', confirm });
    expect(changed.status).toBe(200);
    expect((await t.db.query(`SELECT 1 FROM arrangements`)).length).toBe(0);
    const ok = await officer.post(`${REF}/money/arrangement`, { ...body, confirm });
    expect(ok.status).toBe(303);
    const [row] = await t.db.query<{ id: number; case_event_id: number; snapshot_id: number | null; status: string; clears_on: string; letter_id: number }>(`SELECT * FROM arrangements`);
    expect(row).toMatchObject({ status: 'active', clears_on: '2026-12-07' });
    expect(row!.snapshot_id).not.toBeNull();
    const [event] = await t.db.query<{ details: Record<string, unknown>; event_date: string }>(`SELECT details, event_date FROM case_events WHERE id = $1`, [row!.case_event_id]);
    expect(event).toMatchObject({ event_date: '2026-11-30', details: { instalmentPence: 15000, frequency: 'weekly' } });
    const page = cheerio.load((await officer.agent.get(`${REF}/money`)).text);
    expect(page('[data-qa=clears-on]').text()).toBe('7 December 2026');
    const href = page('[data-qa=confirmation-letter]').attr('href')!;
    const letter = await pdf(href);
    expect(letter.status).toBe(200);
    const text = anyPdfText(letter.body as Buffer);
    expect(text).toContain('Alice Smith');
    expect(text).toContain('30 November 2026');
    expect(text).toContain('7 December 2026');
    expect(text).toContain('If you miss a payment');
  });

  it('renegotiates (the old one ends with its reason) and cancels (reason required)', async () => {
    const [old] = await t.db.query<{ id: number; case_event_id: number }>(`SELECT id, case_event_id FROM arrangements WHERE status = 'active'`);
    const noReason = await officer.post(`${REF}/money/arrangement`, { instalment: '100', frequency: 'weekly', 'startDate-day': '4', 'startDate-month': '12', 'startDate-year': '2026', replaces: String(old!.id) });
    expect(noReason.status).toBe(400);
    expect(cheerio.load(noReason.text)('#endReason-error').text()).toContain('Enter why');
    const re = await officer.post(`${REF}/money/arrangement`, { instalment: '100', frequency: 'weekly', 'startDate-day': '4', 'startDate-month': '12', 'startDate-year': '2026', replaces: String(old!.id), endReason: 'Hours cut at work' });
    expect(re.status).toBe(303);
    const [oldEvent] = await t.db.query<{ details: Record<string, unknown> }>(`SELECT details FROM case_events WHERE id = $1`, [old!.case_event_id]);
    expect(oldEvent!.details.cancelledOn).toBe('2026-11-23');
    const [current] = await t.db.query<{ id: number }>(`SELECT id FROM arrangements WHERE status = 'active'`);
    const blank = await officer.post(`${REF}/money/arrangements/${current!.id}/cancel`, { reason: '' });
    expect(blank.status).toBe(400);
    expect(cheerio.load(blank.text)('#reason-error').text()).toContain('Enter why');
    expect((await officer.post(`${REF}/money/arrangements/${current!.id}/cancel`, { reason: 'Paid in full by a relative' })).status).toBe(303);
    const page = cheerio.load((await officer.agent.get(`${REF}/money`)).text);
    const reasons = page('[data-qa=ended-reason]').map((_, e) => page(e).text()).get();
    expect(reasons).toEqual(['Paid in full by a relative', 'Hours cut at work']);
    expect(page('[data-qa=no-arrangement]').length).toBe(1);
  });

  it('refuses another patch (403), a missing CSRF token (403) and unknown tenancies (404)', async () => {
    const south = await t.signIn('officer.southbank');
    expect((await south.agent.get('/tenancies/TEN-N001/money')).status).toBe(200);
    expect((await south.post(`${REF}/money/income-expenditure`, { 'amount-earnings': '10' })).status).toBe(403);
    expect((await south.post(`${REF}/money/arrangement`, { instalment: '10' })).status).toBe(403);
    expect((await south.agent.get(`${REF}/money/arrangement`)).status).toBe(403);
    expect((await officer.agent.post(`${REF}/money/income-expenditure`).type('form').send({ 'amount-earnings': '10' })).status).toBe(403);
    expect((await officer.agent.get('/tenancies/TEN-X999/money')).status).toBe(404);
  });
});
