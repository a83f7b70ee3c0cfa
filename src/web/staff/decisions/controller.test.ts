import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';
import { currentAssessment } from '../../../persistence/stores/assessment-store';

describe('acting on a recommendation: confirm, override, reject; letters; approvals', () => {
  let t: WebTestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
  });
  afterAll(async () => t.close());
  const assessmentOf = async (ref: string) => (await currentAssessment(t.db, t.seed.tenancies[ref]!))!;
  const eventsOf = async (ref: string, type: string) =>
    t.db.query<{ id: number; details: Record<string, unknown>; note: string | null }>(`SELECT id, details, note FROM case_events WHERE tenancy_id = $1 AND type = $2 ORDER BY id`, [t.seed.tenancies[ref], type]);

  it('confirming letter 1 records the action, produces the letter (PDF) and re-assesses at once', async () => {
    const a = await assessmentOf('TEN-N001');
    const res = await officer.post('/tenancies/TEN-N001/decision/confirm', { action: 'send_letter_1', assessmentId: String(a.id) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/tenancies/TEN-N001/timeline');
    const [event] = await eventsOf('TEN-N001', 'action');
    expect(event!.details).toMatchObject({ action: 'send_letter_1', decision: 'confirmed', assessmentId: a.id });
    const [letter] = await t.db.query<{ id: number; case_event_id: number; template: string; content: { letter: { recipients: string[]; address: string; statement: { lines: unknown[] } } } }>(
      `SELECT id, case_event_id, template, content FROM letters`,
    );
    expect(letter).toMatchObject({ case_event_id: event!.id, template: 'send_letter_1' });
    expect(letter!.content.letter.recipients).toEqual(['Alice Smith']);
    expect(letter!.content.letter.address).toBe('12 Example Road, Northtown, NT1 2AB');
    expect(letter!.content.letter.statement.lines.length).toBeGreaterThan(10);
    const after = await assessmentOf('TEN-N001');
    expect(after.id).not.toBe(a.id);
    expect(after.trigger).toBe('decision');
    const pdf = await officer.agent.get(`/tenancies/TEN-N001/letters/${letter!.id}`).buffer(true);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const again = await officer.agent.get(`/tenancies/TEN-N001/letters/${letter!.id}`).buffer(true);
    expect(Buffer.compare(again.body as Buffer, pdf.body as Buffer)).toBe(0);
    expect((await officer.agent.get(`/tenancies/TEN-N002/letters/${letter!.id}`)).status).toBe(404);
  });

  it('a confirm against a recommendation that has changed, or a second submit, records nothing', async () => {
    const n = (await eventsOf('TEN-N001', 'action')).length;
    const stale = await officer.post('/tenancies/TEN-N001/decision/confirm', { action: 'send_letter_1', assessmentId: '1' });
    expect(stale.status).toBe(303);
    expect((await officer.agent.get('/tenancies/TEN-N001')).text).toContain('The recommendation changed or was already decided');
    expect((await eventsOf('TEN-N001', 'action')).length).toBe(n);
    expect((await officer.post('/tenancies/TEN-N001/decision/confirm', {})).status).toBe(400);
  });

  it("an officer cannot act on another patch's account (403, nothing recorded)", async () => {
    const south = await t.signIn('officer.southbank');
    const a = await assessmentOf('TEN-N003');
    expect((await south.post('/tenancies/TEN-N003/decision/confirm', { action: 'send_letter_1', assessmentId: String(a.id) })).status).toBe(403);
    expect((await south.post('/tenancies/TEN-N003/decision/override', { action: 'home_visit', reason: 'x', assessmentId: String(a.id) })).status).toBe(403);
    expect((await south.post('/tenancies/TEN-N003/decision/reject', { reasonCode: 'other', note: 'x', assessmentId: String(a.id) })).status).toBe(403);
    expect(await eventsOf('TEN-N003', 'action')).toEqual([]);
    expect(await eventsOf('TEN-N003', 'recommendation_override')).toEqual([]);
  });

  it('override: another action with a reason, recorded as recommendation_override plus the action', async () => {
    const a = await assessmentOf('TEN-N003');
    const bad = await officer.post('/tenancies/TEN-N003/decision/override', { action: 'send_letter_1', reason: '', assessmentId: String(a.id) });
    expect(bad.status).toBe(400);
    const $ = load(bad.text);
    expect($('.govuk-error-summary').text()).toContain('Select an action other than the recommendation');
    expect($('.govuk-error-summary').text()).toContain('Enter why you are not following the recommendation');
    const ok = await officer.post('/tenancies/TEN-N003/decision/override', { action: 'send_letter_2', reason: 'Letter 1 was sent by hand last week', assessmentId: String(a.id) });
    expect(ok.status).toBe(303);
    const [override] = await eventsOf('TEN-N003', 'recommendation_override');
    expect(override!.details).toMatchObject({ recommended: 'send_letter_1', chosen: 'send_letter_2', reason: 'Letter 1 was sent by hand last week' });
    const [action] = await eventsOf('TEN-N003', 'action');
    expect(action!.details).toMatchObject({ action: 'send_letter_2', decision: 'overridden' });
    expect((await t.db.query(`SELECT 1 FROM letters WHERE template = 'send_letter_2'`)).length).toBe(1);
  });

  it('reject: a reason code (and a note for "other"), recorded as recommendation_rejected', async () => {
    const senior = await t.signIn('senior');
    const a = await assessmentOf('TEN-S002');
    const bad = await senior.post('/tenancies/TEN-S002/decision/reject', { reasonCode: 'other', note: '', assessmentId: String(a.id) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter the reason');
    expect((await senior.post('/tenancies/TEN-S002/decision/reject', { reasonCode: 'payment_promised', note: 'Paying Friday', assessmentId: String(a.id) })).status).toBe(303);
    const [rejected] = await eventsOf('TEN-S002', 'recommendation_rejected');
    expect(rejected).toMatchObject({ details: { recommended: 'send_letter_2', reasonCode: 'payment_promised' }, note: 'Paying Friday' });
  });

  it('actions that need approval go to the queue; a manager approves (never their own request); the action is then recorded', async () => {
    const a = await assessmentOf('TEN-N002');
    expect((await officer.post('/tenancies/TEN-N002/decision/confirm', { action: 'apply_for_possession', assessmentId: String(a.id) })).status).toBe(303);
    expect(await eventsOf('TEN-N002', 'action')).toHaveLength(4); // the seeded ladder only: not yet recorded
    const [approval] = await t.db.query<{ id: number; status: string; requested_by: number }>(`SELECT id, status, requested_by FROM approvals`);
    expect(approval).toMatchObject({ status: 'pending', requested_by: t.seed.users.officerNorth.id });
    expect(await eventsOf('TEN-N002', 'approval_requested')).toHaveLength(1);

    const manager = await t.signIn('manager');
    const list = await manager.agent.get('/approvals');
    expect(load(list.text)('[data-qa="approval-row"]').length).toBe(1);
    const declineWithoutReason = await manager.post(`/approvals/${approval!.id}`, { decision: 'decline', reason: '' });
    expect(declineWithoutReason.status).toBe(400);
    expect(declineWithoutReason.text).toContain('Enter why you are declining');
    expect((await manager.post(`/approvals/${approval!.id}`, { decision: 'approve', reason: 'Checked the file' })).status).toBe(303);
    const actions = await eventsOf('TEN-N002', 'action');
    expect(actions.at(-1)!.details).toMatchObject({ action: 'apply_for_possession', decision: 'approved', approvalId: approval!.id, approvedBy: 'manager' });
    const [decided] = await t.db.query<{ status: string; decided_by: number; action_event_id: number }>(`SELECT status, decided_by, action_event_id FROM approvals`);
    expect(decided).toMatchObject({ status: 'approved', decided_by: t.seed.users.manager.id, action_event_id: actions.at(-1)!.id });
    // Deciding again does nothing.
    await manager.post(`/approvals/${approval!.id}`, { decision: 'decline', reason: 'no' });
    expect(await eventsOf('TEN-N002', 'approval_declined')).toEqual([]);
  });

  it("four-eyes: a manager's own request can only be decided by another manager; declining records the reason", async () => {
    const manager = await t.signIn('manager');
    const a = await assessmentOf('TEN-S001');
    expect((await manager.post('/tenancies/TEN-S001/decision/override', { action: 'propose_write_off', reason: 'Uneconomic to pursue', assessmentId: String(a.id) })).status).toBe(303);
    const [approval] = await t.db.query<{ id: number }>(`SELECT id FROM approvals WHERE status = 'pending'`);
    const page = await manager.agent.get(`/approvals/${approval!.id}`);
    expect(load(page.text)('[data-qa="own-request"]').length).toBe(1);
    expect((await manager.post(`/approvals/${approval!.id}`, { decision: 'approve', reason: '' })).status).toBe(403);
    const other = await t.signIn('manager2');
    expect((await other.post(`/approvals/${approval!.id}`, { decision: 'decline', reason: 'Trace the tenant first' })).status).toBe(303);
    const [declined] = await eventsOf('TEN-S001', 'approval_declined');
    expect(declined!.details).toMatchObject({ action: 'propose_write_off', reason: 'Trace the tenant first', declinedBy: 'manager2' });
    const [row] = await t.db.query<{ status: string }>(`SELECT status FROM approvals WHERE id = $1`, [approval!.id]);
    expect(row!.status).toBe('declined');
    await expect(t.db.query(`UPDATE approvals SET decided_by = requested_by WHERE id = $1`, [approval!.id])).rejects.toThrow();
  });
});
