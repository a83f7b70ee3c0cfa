import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';

/**
 * Benefits through the pages, on the seeded TEN-N002 (Northgate, £90.00 a week, 15 weeks of real
 * arrears on 23 November 2026).
 */
describe('benefit pages', () => {
  let t: WebTestApp;
  let officer: Session;
  const REF = '/tenancies/TEN-N002';
  const ucToTenant = {
    type: 'universal_credit', status: 'in_payment', 'from-day': '5', 'from-month': '6', 'from-year': '2026', housingCostsTo: 'tenant', evidenceComplete: 'yes',
    monthlyHousing: '360.00', assessmentDay: '5', spareBedrooms: '1', 'deductionsFrom-day': '5', 'deductionsFrom-month': '6', 'deductionsFrom-year': '2026',
  };

  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
  });
  afterAll(async () => t.close());

  it('shows the benefits page with nothing on file, and audits it', async () => {
    const res = await officer.agent.get(`${REF}/benefits`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('[data-qa=no-claims]').length).toBe(1);
    expect($('[data-qa=record-benefit]').attr('href')).toBe(`${REF}/benefits/new`);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'tenancy' AND details->>'page' = 'benefits'`)).length).toBe(1);
  });

  it('names every bad field (400)', async () => {
    const res = await officer.post(`${REF}/benefits`, { ...ucToTenant, monthlyHousing: '-5', assessmentDay: '32', 'from-day': '31', 'from-month': '2', evidenceComplete: '' });
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    const summary = $('.govuk-error-summary').text();
    expect(summary).toContain('The monthly housing costs cannot be negative');
    expect(summary).toContain('The assessment period start day must be a whole number from 1 to 31');
    expect(summary).toContain('must be a real date');
    expect(summary).toContain('Say whether the evidence is complete');
    expect($('.govuk-error-summary a[href="#from-day"]').length).toBe(1);
    expect($('title').text()).toMatch(/^Error: /);
    expect($('#monthlyHousing').val()).toBe('-5');
    const zero = await officer.post(`${REF}/benefits`, { ...ucToTenant, assessmentDay: '0' });
    expect(zero.status).toBe(400);
    expect(cheerio.load(zero.text)('.govuk-error-summary').text()).toContain('from 1 to 31');
    const noDate = await officer.post(`${REF}/benefits`, { ...ucToTenant, 'deductionsFrom-day': '', 'deductionsFrom-month': '', 'deductionsFrom-year': '' });
    expect(cheerio.load(noDate.text)('.govuk-error-summary').text()).toContain('Enter the date the deductions apply from');
  });

  it('refuses another patch (403) and a missing CSRF token (403)', async () => {
    const south = await t.signIn('officer.southbank');
    expect((await south.post(`${REF}/benefits`, ucToTenant)).status).toBe(403);
    expect((await south.agent.get(`${REF}/benefits/new`)).status).toBe(403);
    const view = await south.agent.get(`${REF}/benefits`);
    expect(view.status).toBe(200);
    expect(cheerio.load(view.text)('[data-qa=record-benefit]').length).toBe(0);
    expect((await officer.agent.post(`${REF}/benefits`).type('form').send(ucToTenant)).status).toBe(403);
    expect(await t.db.query(`SELECT 1 FROM benefit_claims`)).toEqual([]);
  });

  it('records the claim, re-assesses, shows the claim, shortfall and tasks; the DWP page lists and exports them', async () => {
    const res = await officer.post(`${REF}/benefits`, ucToTenant);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${REF}/benefits`);
    const page = cheerio.load((await officer.agent.get(`${REF}/benefits`)).text);
    expect(page('[data-qa=claim]').attr('data-status')).toBe('in_payment');
    expect(page('[data-qa=paid-to]').text()).toBe('To the tenant');
    expect(page('[data-qa=under-occupancy]').text()).toBe('£12.60 a week (14%, one spare bedroom) from 5 June 2026');
    expect(page('[data-qa=shortfall]').text()).toContain('£6.92 a week');
    expect(page('[data-qa=next-payment]').text()).toBe('11 December 2026 and 11 January 2027');
    const kinds = page('[data-qa=benefit-task]').map((_, e) => page(e).attr('data-kind')).get();
    expect(kinds).toEqual(expect.arrayContaining(['dwp_managed_payment', 'dwp_third_party_deduction', 'dhp_referral']));

    const dwp = cheerio.load((await officer.agent.get('/benefits/dwp-requests')).text);
    expect(dwp('[data-qa=dwp-request]').map((_, e) => dwp(e).attr('data-type')).get().sort()).toEqual(['APA', 'Third-party deduction']);
    const south = await t.signIn('officer.southbank');
    expect(cheerio.load((await south.agent.get('/benefits/dwp-requests')).text)('[data-qa=no-requests]').length).toBe(1);

    // The export is recorded, so it is a form with its CSRF token: a link (a GET) or a post without the token does nothing.
    expect((await officer.agent.get('/benefits/dwp-requests.csv')).status).toBe(404);
    expect((await officer.agent.post('/benefits/dwp-requests.csv').type('form').send({})).status).toBe(403);
    expect(await t.db.query(`SELECT id FROM dwp_request_exports`)).toEqual([]);
    const csv = await officer.post('/benefits/dwp-requests.csv', {});
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('landlord_reference,request_type,tenancy_reference');

    const after = cheerio.load((await officer.agent.get('/benefits/dwp-requests')).text);
    const exportId = after('[data-qa=export]').attr('data-id')!;
    expect((await south.post(`/benefits/dwp-requests/exports/${exportId}/done`, {})).status).toBe(404);
    expect((await officer.agent.post(`/benefits/dwp-requests/exports/${exportId}/done`).type('form').send({})).status).toBe(403);
    const done = await officer.post(`/benefits/dwp-requests/exports/${exportId}/done`, {});
    expect(done.status).toBe(303);
    expect(cheerio.load((await officer.agent.get('/benefits/dwp-requests')).text)('[data-qa=no-requests]').length).toBe(1);
  });

  it('updates (a new version) and ends a record, naming a bad end date', async () => {
    const [claim] = await t.db.query<{ id: number }>(`SELECT id FROM benefit_claims`);
    const edit = cheerio.load((await officer.agent.get(`${REF}/benefits/${claim!.id}/edit`)).text);
    expect(edit('#monthlyHousing').val()).toBe('360.00');
    expect((await officer.post(`${REF}/benefits/${claim!.id}`, { ...ucToTenant, monthlyHousing: '370' })).status).toBe(303);
    const bad = await officer.post(`${REF}/benefits/${claim!.id}/end`, { 'endedOn-day': '40', 'endedOn-month': '11', 'endedOn-year': '2026' });
    expect(bad.status).toBe(400);
    expect(cheerio.load(bad.text)(`.govuk-error-summary a[href="#endedOn-${claim!.id}-day"]`).text()).toContain('must be a real date');
    expect((await officer.post(`${REF}/benefits/${claim!.id}/end`, { 'endedOn-day': '23', 'endedOn-month': '11', 'endedOn-year': '2026' })).status).toBe(303);
    const page = cheerio.load((await officer.agent.get(`${REF}/benefits`)).text);
    expect(page('[data-qa=claim]').attr('data-status')).toBe('ended');
    expect(page('[data-qa=benefit-history] li').length).toBe(3);
    expect((await officer.agent.get(`${REF}/benefits/${claim!.id}/edit`)).status).toBe(404);
  });
});
