import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import { PCOL_COLUMNS } from '../../../domain/court/court-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCaseEvents } from '../../../persistence/stores/case-event-store';
import { reassessTenancies } from '../../../application/assessment/reassess';
import { currentAssessment } from '../../../persistence/stores/assessment-store';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';
import { pdfText } from '../../../../test/support/pdf-text';

/**
 * Court and eviction through the pages, on the seeded TEN-N002 (Bob and Carol Jones, secure, £90.00 a
 * week, NOSP served 2026-09-28, no payment since August): the claim bundle, the hearing and its task, a
 * suspended order with costs, the warrant (refused without an equality assessment, approved by a
 * manager), the eviction date, the safeguards and the eviction (tenancy ended, balance to FTA).
 */
describe('court and eviction pages', () => {
  let t: WebTestApp;
  let officer: Session;
  let tenancyId: number;
  const REF = '/tenancies/TEN-N002';

  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
    tenancyId = t.seed.tenancies['TEN-N002']!;
    await appendCaseEvents(t.db, [{ tenancyId, eventDate: '2026-10-27', type: 'claim_issued', details: {}, recordedBy: 'officer.northgate', idempotencyKey: 'test:claim' }]);
    await reassessTenancies(t.db, [tenancyId], t.seed.asOf, 'decision');
  });
  afterAll(async () => t.close());

  const balances = async () =>
    Object.fromEntries(
      (await t.db.query<{ sub_account: string; total: number }>(`SELECT sub_account, sum(amount_pence)::bigint AS total FROM ledger_transactions WHERE tenancy_id = $1 GROUP BY sub_account`, [tenancyId])).map((r) => [r.sub_account, r.total]),
    );

  it('shows the court page with the bundle links, and audits it', async () => {
    const res = await officer.agent.get(`${REF}/court`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('[data-qa=claim-issued]').text()).toContain('27 October 2026');
    expect($('[data-qa=particulars-pdf]').attr('href')).toBe(`${REF}/court/documents/particulars.pdf`);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'tenancy' AND details->>'page' = 'court'`)).length).toBe(1);
  });

  it('downloads the particulars (both joint tenants, the daily rate, the notice), the schedule and the PCOL row', async () => {
    const pdf = await officer.agent.get(`${REF}/court/documents/particulars.pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Bob Jones');
    expect(text).toContain('Carol Jones');
    expect(text).toContain('4 Mill Lane, Northtown, NT2 9ZZ');
    expect(text).toContain('£12.86'); // 9000 / 7 = 1285.71 → 1286
    expect(text).toContain('28 September 2026');
    expect(text).toContain('Final warning letter sent');
    const pcol = await officer.agent.get(`${REF}/court/documents/pcol.csv`);
    const rows = parse(pcol.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(pcol.text.split('\r\n')[0]).toBe(PCOL_COLUMNS.join(','));
    const cells = rows[0]!;
    expect(cells.property_address).toBe('4 Mill Lane, Northtown');
    expect(cells.arrears_date).toBe('2026-10-27');
    expect(cells.defendant_1_name).toBe('Bob Jones');
    expect(cells.defendant_2_name).toBe('Carol Jones');
    expect(cells.daily_rate).toBe('12.86');
    expect(cells.notice_served_date).toBe('2026-09-28');
    const schedule = await officer.agent.get(`${REF}/court/documents/schedule.csv`);
    expect(schedule.text.split('\r\n')[1]).toMatch(/^2026-06-01,Balance brought forward/); // the tenancy began less than two years ago
    expect(schedule.headers['content-disposition']).toContain('schedule-TEN-N002-2026-11-23.csv');
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'court_document'`)).length).toBe(3);
  });

  it('refuses bad input (400 naming fields), another patch (403) and a missing CSRF token (403)', async () => {
    const bad = await officer.post(`${REF}/court/hearing`, { 'hearingDate-day': '31', 'hearingDate-month': '2', 'hearingDate-year': '2027' });
    expect(bad.status).toBe(400);
    expect(cheerio.load(bad.text)('.govuk-error-summary').text()).toContain('The date of the hearing must be a real date');
    const badOrder = await officer.post(`${REF}/court/order`, { order: 'suspended', 'date-day': '20', 'date-month': '10', 'date-year': '2026', instalment: 'abc' });
    expect(badOrder.status).toBe(400);
    const summary = cheerio.load(badOrder.text)('.govuk-error-summary').text();
    expect(summary).toContain('The instalment towards the arrears must be an amount in pounds');
    expect(summary).toContain('Select how often the instalment is paid');
    expect(summary).not.toContain('possession date');
    const noType = await officer.post(`${REF}/court/order`);
    expect(noType.status).toBe(400);
    expect(noType.text).toContain('Select the type of order');
    const south = await t.signIn('officer.southbank');
    expect((await south.agent.get(`${REF}/court/hearing`)).status).toBe(403);
    expect((await south.post(`${REF}/court/hearing`)).status).toBe(403);
    expect((await south.agent.get(`${REF}/court`)).status).toBe(200);
    expect((await officer.agent.post(`${REF}/court/hearing`).type('form').send({ 'hearingDate-day': '20', 'hearingDate-month': '1', 'hearingDate-year': '2027' })).status).toBe(403);
  });

  it('records the hearing date with its statement task 10 days before', async () => {
    const res = await officer.post(`${REF}/court/hearing`, { 'hearingDate-day': '20', 'hearingDate-month': '11', 'hearingDate-year': '2026' });
    expect(res.status).toBe(303);
    const tasks = await t.db.query<{ kind: string; due_on: string }>(`SELECT kind, due_on FROM tasks WHERE tenancy_id = $1`, [tenancyId]);
    expect(tasks).toEqual([{ kind: 'hearing_statement_due', due_on: '2026-11-10' }]);
    const page = cheerio.load((await officer.agent.get(`${REF}/court`)).text);
    expect(page('[data-qa=hearing-date]').text()).toContain('20 November 2026');
    expect(page('[data-qa=statement-due]').text()).toContain('10 November 2026');
  });

  it('asks only what the order type needs, records a suspended order and posts the costs once', async () => {
    const step2 = cheerio.load((await officer.agent.get(`${REF}/court/order?type=outright`)).text);
    expect(step2('#possessionDate').length).toBe(1);
    expect(step2('#instalment').length).toBe(0);
    const form = { order: 'suspended', 'date-day': '20', 'date-month': '11', 'date-year': '2026', instalment: '5.00', frequency: 'weekly', costs: '355.00' };
    expect((await officer.post(`${REF}/court/order`, form)).status).toBe(303);
    const again = await officer.post(`${REF}/court/order`, form);
    expect(again.status).toBe(409);
    const [event] = await t.db.query<{ details: Record<string, unknown> }>(`SELECT details FROM case_events WHERE tenancy_id = $1 AND type = 'court_order'`, [tenancyId]);
    expect(event!.details).toEqual({ order: 'suspended', instalmentPence: 500, frequency: 'weekly', costsPence: 35_500 });
    expect((await balances()).court_costs).toBe(35_500);
    // The engine's court-order monitoring (policy §4): nothing paid since the order, so the terms are broken.
    expect((await currentAssessment(t.db, tenancyId))?.action).toBe('apply_for_warrant');
    const page = cheerio.load((await officer.agent.get(`${REF}/court`)).text);
    expect(page('[data-qa=order-terms]').text()).toContain('rent plus £5.00 weekly');
  });

  it('refuses the warrant without an equality assessment for the warrant stage, then sends it for approval', async () => {
    const refused = await officer.post(`${REF}/court/warrant`, { step: 'request' });
    expect(refused.status).toBe(409);
    expect(cheerio.load(refused.text)('[data-qa=warrant-reasons]').text()).toContain('No equality assessment is recorded for the warrant stage');
    await appendCaseEvents(t.db, [{ tenancyId, eventDate: '2026-11-23', type: 'psed_assessment', details: { stage: 'warrant' }, recordedBy: 'senior', idempotencyKey: 'test:psed' }]);
    const page = cheerio.load((await officer.agent.get(`${REF}/court/warrant`)).text);
    expect(page('[data-qa=n325-order-type]').text()).toContain('Suspended possession order');
    const requested = await officer.post(`${REF}/court/warrant`, { step: 'request' });
    expect(requested.status).toBe(303);
    const [approval] = await t.db.query<{ id: number; status: string }>(`SELECT id, status FROM approvals WHERE tenancy_id = $1 AND action = 'apply_for_warrant'`, [tenancyId]);
    expect(approval!.status).toBe('pending');
    // Not yet approved: cannot be recorded as sent.
    expect((await officer.post(`${REF}/court/warrant`, { step: 'sent' })).status).toBe(409);
    const manager = await t.signIn('manager');
    expect((await manager.post(`/approvals/${approval!.id}`, { decision: 'approve', reason: '' })).status).toBe(303);
    // The approval itself records the warrant as requested: no extra officer step, and the old step is refused.
    const warrant = await t.db.query<{ details: { approvalId: number }; recorded_by: string }>(`SELECT details, recorded_by FROM case_events WHERE tenancy_id = $1 AND type = 'warrant_requested'`, [tenancyId]);
    expect(warrant.length).toBe(1);
    expect(warrant[0]!.details.approvalId).toBe(approval!.id);
    expect(warrant[0]!.recorded_by).toBe('manager');
    const after = cheerio.load((await officer.agent.get(`${REF}/court/warrant`)).text);
    expect(after('[data-qa=warrant-requested]').length).toBe(1);
    expect(after('[data-qa=warrant-sent]').length).toBe(0);
    expect((await officer.post(`${REF}/court/warrant`, { step: 'sent' })).status).toBe(409);
    expect((await t.db.query(`SELECT 1 FROM case_events WHERE tenancy_id = $1 AND type = 'warrant_requested'`, [tenancyId])).length).toBe(1);
  });

  it('schedules the eviction, refuses it until the safeguards are complete, then ends the tenancy and moves the balance', async () => {
    expect((await officer.post(`${REF}/court/eviction`, { 'evictionDate-day': '23', 'evictionDate-month': '11', 'evictionDate-year': '2026' })).status).toBe(303);
    expect((await t.db.query(`SELECT 1 FROM tasks WHERE tenancy_id = $1 AND kind = 'eviction_safeguards'`, [tenancyId])).length).toBe(1);
    const early = await officer.post(`${REF}/court/outcome`, { outcome: 'evicted', 'date-day': '23', 'date-month': '11', 'date-year': '2026' });
    expect(early.status).toBe(409);
    expect(early.text).toContain('The eviction safeguards checklist is not complete');
    const noConsent = await officer.post(`${REF}/court/safeguards`, { items: ['housing_options_referral'] });
    expect(noConsent.status).toBe(400);
    expect(noConsent.text).toContain('Confirm the tenant consented to the Housing Options referral');
    const all = ['housing_options_referral', 'childrens_services_checked', 'adults_services_checked', 'pre_eviction_visit', 'benefits_rechecked', 'agencies_notified'];
    expect((await officer.post(`${REF}/court/safeguards`, { items: all, consent: 'yes', note: 'All done' })).status).toBe(303);
    const [task] = await t.db.query<{ status: string; closed_by: string }>(`SELECT status, closed_by FROM tasks WHERE tenancy_id = $1 AND kind = 'eviction_safeguards'`, [tenancyId]);
    expect(task).toEqual({ status: 'done', closed_by: 'officer.northgate' });
    const before = await balances();
    const owed = (before.rent ?? 0) + (before.service_charge ?? 0) + (before.court_costs ?? 0);
    expect(owed).toBeGreaterThan(35_500);
    const evicted = await officer.post(`${REF}/court/outcome`, { outcome: 'evicted', 'date-day': '23', 'date-month': '11', 'date-year': '2026' });
    expect(evicted.status).toBe(303);
    const [tenancy] = await t.db.query<{ end_date: string; end_reason: string }>(`SELECT end_date, end_reason FROM tenancies WHERE id = $1`, [tenancyId]);
    expect(tenancy).toEqual({ end_date: '2026-11-23', end_reason: 'eviction' });
    const after = await balances();
    expect(after.rent).toBe(0);
    expect(after.court_costs).toBe(0);
    // The week's charges (posted on Monday 23 November, the eviction day) are due for that day only: the
    // other six days are credited by reversals of them before the balance moves.
    const weekCharges = await t.db.query<{ id: number; amount_pence: number }>(
      `SELECT id::int AS id, amount_pence FROM ledger_transactions WHERE tenancy_id = $1 AND kind = 'charge' AND business_date = '2026-11-23' ORDER BY id`,
      [tenancyId],
    );
    expect(weekCharges.length).toBeGreaterThan(0);
    const credits = await t.db.query<{ reverses_id: number; amount_pence: number; business_date: string; reason: string }>(
      `SELECT reverses_id::int AS reverses_id, amount_pence, business_date, reason FROM ledger_transactions WHERE tenancy_id = $1 AND kind = 'reversal' ORDER BY reverses_id`,
      [tenancyId],
    );
    expect(credits).toEqual(
      weekCharges.map((c) => ({
        reverses_id: c.id,
        amount_pence: -(c.amount_pence - Math.floor((c.amount_pence * 2 + 7) / 14)),
        business_date: '2026-11-23',
        reason: 'Not due: the tenancy ended on 2026-11-23 (eviction), 6 days of the week commencing 2026-11-23 after it',
      })),
    );
    const creditedPence = -credits.reduce((sum, c) => sum + c.amount_pence, 0);
    expect(after.former_tenant_arrears).toBe(owed - creditedPence);
    const [ended] = await t.db.query<{ details: { transferredPence: number; chargesCreditedPence: number } }>(`SELECT details FROM case_events WHERE tenancy_id = $1 AND type = 'tenancy_ended'`, [tenancyId]);
    expect(ended!.details).toMatchObject({ transferredPence: owed - creditedPence, chargesCreditedPence: creditedPence });
    expect((await t.db.query(`SELECT 1 FROM case_events WHERE tenancy_id = $1 AND type = 'tenancy_ended'`, [tenancyId])).length).toBe(1);
    const twice = await officer.post(`${REF}/court/outcome`, { outcome: 'evicted', 'date-day': '23', 'date-month': '11', 'date-year': '2026' });
    expect(twice.status).toBe(409);
    expect(await balances()).toEqual(after);
  });
});
