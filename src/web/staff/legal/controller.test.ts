import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';

describe('the legal case page and its forms', () => {
  let t: WebTestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
  });
  afterAll(async () => t.close());
  const date = (prefix: string, d: string) => {
    const [y, m, day] = d.split('-');
    return { [`${prefix}-day`]: day!, [`${prefix}-month`]: m!, [`${prefix}-year`]: y! };
  };
  const count = async (type: string) => (await t.db.query(`SELECT 1 FROM case_events WHERE type = $1`, [type])).length;

  it('shows the stage, the notice in force with its validity, the checklist and the gate', async () => {
    const res = await officer.agent.get('/tenancies/TEN-N002/legal');
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('[data-qa="stage"]').attr('data-stage')).toBe('notice_served');
    expect($('[data-qa="notice"]').text()).toContain('28 September 2026');
    expect($('[data-qa="notice-validity"]').text()).toBe('Valid');
    expect($('[data-qa="checklist-item"]').length).toBe(7);
    expect($('[data-qa="checklist-item"][data-item="initial_contact"]').attr('data-status')).toBe('Missing');
    expect($('[data-qa="gate-reasons"]').text()).toContain('A manager has not approved');
    expect($('.moj-sub-navigation__link[aria-current="page"]').text()).toContain('Legal');
  });

  it('refuses bad input with 400 naming the fields, and records nothing', async () => {
    const n = await count('pre_action');
    const cases: [string, Record<string, string>, string[]][] = [
      ['pre-action', {}, ['Select the Protocol step', 'Select the kind of evidence', 'Enter the letter number']],
      ['pre-action', { preItem: 'initial_contact', ...date('preDate', '2027-01-01'), evidenceKind: 'statement', evidenceId: 'x' }, ['must be today or in the past', 'Enter the statement date as YYYY-MM-DD']],
      ['pre-action', { preItem: 'initial_contact', ...date('preDate', '2026-11-20'), evidenceKind: 'letter', evidenceId: '9999' }, ['There is no letter 9999 on this account']],
      ['warning', { ...date('warningDate', '2026-11-23'), timeLimitDays: '3' }, ['Time limit must be a whole number of days from 7 to 56']],
      ['claim', { 'issuedOn-day': '31', 'issuedOn-month': '2', 'issuedOn-year': '2026' }, ['must be a real date', 'Enter the claim number', 'Enter the court']],
      ['psed', {}, ['Select the stage of the decision', 'Enter the adjustments considered', 'Enter why the step is', 'Select the decision']],
      ['notice', { method: 'carrier_pigeon' }, ['Enter the date the notice was handed over', 'Select how the notice was served']],
    ];
    for (const [form, body, messages] of cases) {
      const res = await officer.post(`/tenancies/TEN-N002/legal/${form}`, body);
      expect(res.status, form).toBe(400);
      for (const m of messages) expect(res.text, `${form}: ${m}`).toContain(m);
      expect(res.text).toContain('There is a problem');
    }
    expect(await count('pre_action')).toBe(n);
  });

  it('refuses the claim with the missing items shown (400), and records nothing', async () => {
    const res = await officer.post('/tenancies/TEN-N002/legal/claim', { ...date('issuedOn', '2026-11-23'), claimNumber: 'K00NT123', court: 'Northtown County Court' });
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    const refused = $('[data-qa="claim-refused"]').text();
    expect(refused).toContain('initial contact about the arrears');
    expect(refused).toContain('A manager has not approved');
    expect(await count('claim_issued')).toBe(0);
  });

  it('records a step with its evidence, a PSED and the warning letter with its task', async () => {
    const [contact] = await t.db.query<{ id: number }>(`INSERT INTO case_events (tenancy_id, event_date, type, details) VALUES ($1, '2026-10-05', 'contact', '{"channel":"phone","outcome":"spoke"}') RETURNING id`, [t.seed.tenancies['TEN-N002']]);
    const res = await officer.post('/tenancies/TEN-N002/legal/pre-action', { preItem: 'initial_contact', ...date('preDate', '2026-10-05'), evidenceKind: 'contact', evidenceId: String(contact!.id) });
    expect(res.status).toBe(303);
    const psed = await officer.post('/tenancies/TEN-N002/legal/psed', { stage: 'claim', ...date('psedDate', '2026-11-23'), considered: ['disability', 'age'], adjustments: 'None needed', reasoning: 'Support refused', decision: 'proceed' });
    expect(psed.status).toBe(303);
    const [event] = await t.db.query<{ details: Record<string, unknown> }>(`SELECT details FROM case_events WHERE type = 'psed_assessment'`);
    expect(event!.details).toMatchObject({ stage: 'claim', considered: ['disability', 'age'], decision: 'proceed', decisionMaker: 'officer.northgate' });
    expect((await officer.post('/tenancies/TEN-N002/legal/warning', { ...date('warningDate', '2026-11-23'), timeLimitDays: '14' })).status).toBe(303);
    const [task] = await t.db.query<{ due_on: string }>(`SELECT due_on FROM tasks WHERE kind = 'pre_issue_warning_expiry'`);
    expect(task!.due_on).toBe('2026-12-07');
    const page = cheerio.load((await officer.agent.get('/tenancies/TEN-N002/legal')).text);
    expect(page('[data-qa="checklist-item"][data-item="initial_contact"]').attr('data-status')).toBe('Done');
    expect(page('[data-qa="psed-list"]').text()).toContain('officer northgate');
    const letterLink = page('[data-qa="checklist-item"][data-item="pre_issue_warning"] a').attr('href');
    expect(letterLink).toMatch(/\/tenancies\/TEN-N002\/letters\/\d+/);
    const pdf = await officer.agent.get(letterLink!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('previews a notice with the computed dates and records it as served', async () => {
    const form = await officer.agent.get('/tenancies/TEN-N003/legal/notice');
    expect(form.status).toBe(200);
    expect(cheerio.load(form.text)('[data-qa="notice-type"]').text()).toContain('section 8 notice');
    const body = { ...date('actedOn', '2026-11-23'), method: 'first_class_post', grounds: ['10', '11'] };
    const preview = await officer.post('/tenancies/TEN-N003/legal/notice', body);
    expect(preview.status).toBe(200);
    const $ = cheerio.load(preview.text);
    expect($('[data-qa="notice-preview"]').text()).toContain('25 November 2026');
    expect($('[data-qa="notice-preview"]').text()).toContain('9 December 2026');
    expect($('[data-qa="notice-refusals"]').text()).toContain('notice stage');
    expect($('[data-qa="record-served"]').length).toBe(0);
    const refused = await officer.post('/tenancies/TEN-N003/legal/notice', { ...body, confirm: 'yes' });
    expect(refused.status).toBe(400);
    await officer.post('/tenancies/TEN-N003/legal/psed', { stage: 'notice', ...date('psedDate', '2026-11-23'), adjustments: 'None needed', reasoning: 'Proportionate', decision: 'proceed' });
    // With the PSED but the Protocol notice checklist not done: still refused, the missing steps named.
    const noChecklist = await officer.post('/tenancies/TEN-N003/legal/notice', { ...body, confirm: 'yes' });
    expect(noChecklist.status).toBe(400);
    const reasons = cheerio.load(noChecklist.text)('[data-qa="notice-refusals"]').text();
    expect(reasons).toContain('Protocol notice checklist is not complete');
    expect(reasons).toContain('Help with benefit claims offered');
    expect((await t.db.query(`SELECT 1 FROM case_events e JOIN tenancies t ON t.id = e.tenancy_id WHERE t.ref = 'TEN-N003' AND e.type = 'notice_served'`)).length).toBe(0);
    for (const preItem of ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given']) {
      expect((await officer.post('/tenancies/TEN-N003/legal/pre-action', { preItem, ...date('preDate', '2026-11-23'), evidenceKind: 'statement', evidenceId: '2026-11-23' })).status).toBe(303);
    }
    const served = await officer.post('/tenancies/TEN-N003/legal/notice', { ...body, confirm: 'yes' });
    expect(served.status).toBe(303);
    const page = cheerio.load((await officer.agent.get('/tenancies/TEN-N003/legal')).text);
    expect(page('[data-qa="notice"]').text()).toContain('25 November 2026');
    expect(page('[data-qa="notice-validity"]').text()).toBe('Not yet valid');
    expect(page('[data-qa="notice-pdf"]').attr('href')).toMatch(/letters\/\d+$/);
  });

  it('refuses another patch (403) and a missing CSRF token (403)', async () => {
    const south = await t.signIn('officer.southbank');
    expect((await south.post('/tenancies/TEN-N002/legal/claim', { claimNumber: 'X' })).status).toBe(403);
    expect((await south.agent.get('/tenancies/TEN-N002/legal')).status).toBe(200);
    expect(cheerio.load((await south.agent.get('/tenancies/TEN-N002/legal')).text)('[data-qa="claim-form"]').length).toBe(0);
    expect((await south.agent.get('/tenancies/TEN-N002/legal/psed')).status).toBe(403);
    const noCsrf = await officer.agent.post('/tenancies/TEN-N002/legal/pre-action').type('form').send({ preItem: 'initial_contact' });
    expect(noCsrf.status).toBe(403);
  });
});
