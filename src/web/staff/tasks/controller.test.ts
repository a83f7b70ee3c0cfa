import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseTasks } from '../../../application/tasks/tasks';
import { createWebTestApp, type Session, type WebTestApp } from '../../../../test/support/web-test-app';

describe('tasks: raised once, shown on the worklist and the account, closed by an officer', () => {
  let t: WebTestApp;
  let officer: Session;
  let taskId: number;
  beforeAll(async () => {
    t = await createWebTestApp();
    officer = await t.signIn('officer.northgate');
    const north = t.seed.tenancies['TEN-N003']!;
    const task = { tenancyId: north, kind: 'dwp_managed_payment', title: 'Universal Credit: ask for the housing costs to be paid to us', dueOn: '2026-11-20', idempotencyKey: 'test:apa:1', createdBy: 'daily run' };
    const ids = await raiseTasks(t.db, [task]);
    expect(await raiseTasks(t.db, [task])).toEqual([]);
    expect(ids).toHaveLength(1);
    taskId = ids[0]!;
  });
  afterAll(async () => t.close());

  it('lists a due task on the worklist and on the account page', async () => {
    const worklist = await officer.agent.get('/worklist');
    expect(worklist.text).toContain('Tasks due (1)');
    expect(worklist.text).toContain('Request a managed payment (APA) from the DWP');
    const account = await officer.agent.get('/tenancies/TEN-N003');
    expect(account.text).toContain('Universal Credit: ask for the housing costs to be paid to us');
    expect(account.text).toContain(`/tenancies/TEN-N003/tasks/${taskId}`);
  });

  it('refuses another patch, then closes the task once with the note, on the timeline and the audit log', async () => {
    const south = await t.signIn('officer.southbank');
    const refused = await south.post(`/tenancies/TEN-N003/tasks/${taskId}`, { status: 'done' });
    expect(refused.status).toBe(403);
    const noCsrf = await officer.agent.post(`/tenancies/TEN-N003/tasks/${taskId}`).type('form').send({ status: 'done' });
    expect(noCsrf.status).toBe(403);
    const done = await officer.post(`/tenancies/TEN-N003/tasks/${taskId}`, { status: 'done', note: 'Sent on the Landlord Portal' });
    expect(done.status).toBe(303);
    const [row] = await t.db.query<{ status: string; closed_by: string; closing_note: string }>(`SELECT status, closed_by, closing_note FROM tasks WHERE id = $1`, [taskId]);
    expect(row).toEqual({ status: 'done', closed_by: 'officer.northgate', closing_note: 'Sent on the Landlord Portal' });
    const again = await officer.post(`/tenancies/TEN-N003/tasks/${taskId}`, { status: 'cancelled' });
    expect(again.status).toBe(303);
    expect((await t.db.query(`SELECT 1 FROM case_events WHERE type IN ('task_done', 'task_cancelled')`)).length).toBe(1);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'task'`)).length).toBe(1);
    expect((await officer.agent.get('/worklist')).text).not.toContain('Tasks due');
  });
});
