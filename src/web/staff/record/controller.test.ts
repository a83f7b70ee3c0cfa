import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';

describe('recording contacts, notes, follow-ups, vulnerability, disputes and breathing space', () => {
  let t: WebTestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
  });
  afterAll(async () => t.close());
  const latest = async (type: string) =>
    (await t.db.query<{ event_date: string; details: Record<string, unknown>; note: string | null; recorded_by: string }>(`SELECT event_date, details, note, recorded_by FROM case_events WHERE type = $1 ORDER BY id DESC LIMIT 1`, [type]))[0];
  const date = (prefix: string, d: string) => {
    const [y, m, day] = d.split('-');
    return { [`${prefix}-day`]: day!, [`${prefix}-month`]: m!, [`${prefix}-year`]: y! };
  };

  it('records each kind as a case event with the contract fields, and re-assesses the account', async () => {
    const before = (await t.db.query(`SELECT 1 FROM assessments WHERE trigger = 'decision'`)).length;
    expect((await officer.post('/tenancies/TEN-N003/record/contact', { ...date('date', '2026-11-20'), channel: 'visit', outcome: 'visited_no_access', note: 'Card left' })).status).toBe(303);
    expect(await latest('contact')).toMatchObject({ event_date: '2026-11-20', details: { channel: 'visit', outcome: 'visited_no_access' }, note: 'Card left', recorded_by: 'officer.northgate' });
    await officer.post('/tenancies/TEN-N003/record/note', { note: 'Called the housing benefit team' });
    expect(await latest('note')).toMatchObject({ event_date: '2026-11-23', note: 'Called the housing benefit team' });
    await officer.post('/tenancies/TEN-N003/record/follow-up', { ...date('dueDate', '2026-11-30'), reason: 'Check DHP decision' });
    expect(await latest('follow_up')).toMatchObject({ details: { dueDate: '2026-11-30', reason: 'Check DHP decision' } });
    await officer.post('/tenancies/TEN-N003/record/vulnerability', { flag: 'domestic_abuse' });
    expect(await latest('vulnerability')).toMatchObject({ details: { flag: 'domestic_abuse' } });
    await officer.post('/tenancies/TEN-N003/record/vulnerability-review', { note: 'Support plan agreed' });
    expect(await latest('vulnerability_review')).toMatchObject({ note: 'Support plan agreed' });
    await officer.post('/tenancies/TEN-N003/record/dispute', { ...date('date', '2026-11-21'), note: 'Disputes the September charge' });
    expect(await latest('dispute')).toMatchObject({ event_date: '2026-11-21', details: {} });
    await officer.post('/tenancies/TEN-N003/record/breathing-space', { ...date('date', '2026-11-22'), kind: 'mental_health_crisis' });
    expect(await latest('breathing_space')).toMatchObject({ event_date: '2026-11-22', details: { kind: 'mental_health_crisis' } });
    const after = (await t.db.query(`SELECT 1 FROM assessments WHERE trigger = 'decision'`)).length;
    expect(after).toBe(before + 7);
  });

  it('refuses bad input with the form again (400) and records nothing', async () => {
    const count = async () => (await t.db.query(`SELECT 1 FROM case_events`)).length;
    const n = await count();
    const cases: [string, Record<string, string>, string][] = [
      ['contact', {}, 'Select how you contacted the tenant'],
      ['contact', { ...date('date', '2027-01-01'), channel: 'phone', outcome: 'spoke' }, 'must be today or in the past'],
      ['contact', { 'date-day': '31', 'date-month': '2', 'date-year': '2026', channel: 'phone', outcome: 'spoke' }, 'must be a real date'],
      ['note', { note: '   ' }, 'Enter the note'],
      ['note', { note: 'x'.repeat(4001) }, 'Note must be 4,000 characters or fewer'],
      ['follow-up', date('dueDate', '2026-11-01'), 'must be today or in the future'],
      ['vulnerability', { flag: 'nonsense' }, 'Select the kind of vulnerability'],
      ['vulnerability', { flag: 'other' }, 'Describe the vulnerability'],
      ['dispute', date('date', '2026-11-20'), 'Enter what the tenant disputes'],
      ['breathing-space', { ...date('date', '2026-11-20'), kind: 'standard', ...date('endDate', '2026-11-01') }, 'on or after the start date'],
    ];
    for (const [kind, body, message] of cases) {
      const res = await officer.post(`/tenancies/TEN-N003/record/${kind}`, body);
      expect(res.status, `${kind} ${message}`).toBe(400);
      expect(res.text, kind).toContain(message);
    }
    expect((await officer.agent.get('/tenancies/TEN-N003/record/unknown-kind')).status).toBe(404);
    expect(await count()).toBe(n);
  });

  it("refuses (403) an officer recording on another patch's account, and changes nothing", async () => {
    const south = await t.signIn('officer.southbank');
    const n = (await t.db.query(`SELECT 1 FROM case_events`)).length;
    expect((await south.post('/tenancies/TEN-N001/record/note', { note: 'not mine' })).status).toBe(403);
    expect((await south.post('/tenancies/TEN-N001/record/vulnerability', { flag: 'other', note: 'x' })).status).toBe(403);
    expect((await t.db.query(`SELECT 1 FROM case_events`)).length).toBe(n);
  });

  it('closes a dispute (resolvedOn), a breathing space (endDate) and a follow-up (done); once only', async () => {
    const [dispute] = await t.db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'dispute' AND tenancy_id = $1`, [t.seed.tenancies['TEN-N003']]);
    expect((await officer.post(`/tenancies/TEN-N003/events/${dispute!.id}/close`, date('date', '2026-11-23'))).status).toBe(303);
    const [d] = await t.db.query<{ details: Record<string, unknown> }>(`SELECT details FROM case_events WHERE id = $1`, [dispute!.id]);
    expect(d!.details.resolvedOn).toBe('2026-11-23');
    expect(await latest('dispute_resolved')).toMatchObject({ details: { eventId: dispute!.id } });
    await officer.post(`/tenancies/TEN-N003/events/${dispute!.id}/close`, date('date', '2026-11-23'));
    expect((await officer.agent.get('/tenancies/TEN-N003/timeline')).text).toContain('This was already closed');

    const [bs] = await t.db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'breathing_space' AND tenancy_id = $1`, [t.seed.tenancies['TEN-N003']]);
    const early = await officer.post(`/tenancies/TEN-N003/events/${bs!.id}/close`, date('date', '2026-11-01'));
    expect(early.status).toBe(400);
    await officer.post(`/tenancies/TEN-N003/events/${bs!.id}/close`, date('date', '2027-01-10'));
    const [b] = await t.db.query<{ details: Record<string, unknown> }>(`SELECT details FROM case_events WHERE id = $1`, [bs!.id]);
    expect(b!.details.endDate).toBe('2027-01-10');

    const [fu] = await t.db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'follow_up' AND tenancy_id = $1`, [t.seed.tenancies['TEN-N001']]);
    expect((await officer.agent.get('/worklist')).text).toContain('data-qa="follow-up-row"');
    await officer.post(`/tenancies/TEN-N001/events/${fu!.id}/close`, {});
    expect((await officer.agent.get('/worklist')).text).not.toContain('data-qa="follow-up-row"');
    // An event of another tenancy, or of a kind that does not close: 404.
    expect((await officer.agent.get(`/tenancies/TEN-N002/events/${fu!.id}/close`)).status).toBe(404);
    const [note] = await t.db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'note' LIMIT 1`);
    expect((await officer.agent.get(`/tenancies/TEN-N003/events/${note!.id}/close`)).status).toBe(404);
  });
});
