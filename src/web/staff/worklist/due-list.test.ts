import { load, type CheerioAPI } from 'cheerio';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qa } from '../../../../test/support/render-page';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';
import { addDays } from '../../../domain/calendar/business-date';
import { appendCaseEvents, type NewCaseEvent } from '../../../persistence/stores/case-event-store';
import { createTasks, type NewTask } from '../../../persistence/stores/task-store';

/**
 * The worklist shows the 10 most overdue tasks and follow-ups with their real totals; /worklist/tasks and
 * /worklist/follow-ups list them all, 50 a page, in the worklist's scope.
 */
const NORTH_REFS = ['TEN-N001', 'TEN-N002', 'TEN-N003'];
const NORTH_TASKS = 57;
const SOUTH_TASKS = 3;
/** The seed has one follow-up due (TEN-N001, due today); these make 60 due on Northgate. */
const NORTH_FOLLOW_UPS = 59;

const pad = (i: number) => String(i).padStart(2, '0');
const taskTitles = ($: CheerioAPI) =>
  $(qa('task-row'))
    .map((_i, el) => $(el).find('.govuk-body-s').text())
    .get();
const rowRefs = ($: CheerioAPI, row: string) =>
  $(qa(row))
    .map((_i, el) => $(el).attr('data-ref'))
    .get();

describe('tasks due and follow-ups due: the worklist shows the most overdue 10, their own pages show all', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await createWebTestApp();
    const tasks: NewTask[] = [];
    // Northgate: 57 due (oldest first by title number), one due later and one closed (neither counts).
    for (let i = 0; i < NORTH_TASKS; i += 1) {
      tasks.push({
        tenancyId: t.seed.tenancies[NORTH_REFS[i % 3]!]!,
        kind: 'dwp_managed_payment',
        title: `North task ${pad(i)}`,
        dueOn: addDays('2026-09-01', i),
        idempotencyKey: `test:north:${i}`,
        createdBy: 'test',
      });
    }
    tasks.push({ tenancyId: t.seed.tenancies['TEN-N001']!, kind: 'dhp_referral', title: 'North task later', dueOn: '2026-12-01', idempotencyKey: 'test:north:later', createdBy: 'test' });
    tasks.push({ tenancyId: t.seed.tenancies['TEN-N002']!, kind: 'dhp_referral', title: 'North task closed', dueOn: '2026-08-01', idempotencyKey: 'test:north:closed', createdBy: 'test' });
    for (let i = 0; i < SOUTH_TASKS; i += 1) {
      tasks.push({ tenancyId: t.seed.tenancies['TEN-S001']!, kind: 'dd_failed_collection', title: `South task ${i}`, dueOn: addDays('2026-08-15', i), idempotencyKey: `test:south:${i}`, createdBy: 'test' });
    }
    await createTasks(t.db, tasks);
    await t.db.query(`UPDATE tasks SET status = 'done', closed_on = '2026-11-20', closed_by = 'test' WHERE title = 'North task closed'`);

    const events: NewCaseEvent[] = [];
    for (let i = 0; i < NORTH_FOLLOW_UPS; i += 1) {
      events.push({
        tenancyId: t.seed.tenancies[NORTH_REFS[(i + 1) % 3]!]!,
        eventDate: '2026-08-01',
        type: 'follow_up',
        details: { dueDate: addDays('2026-08-01', i), reason: `North follow-up ${pad(i)}` },
        recordedBy: 'officer.northgate',
      });
    }
    events.push({ tenancyId: t.seed.tenancies['TEN-N003']!, eventDate: '2026-08-01', type: 'follow_up', details: { dueDate: '2026-12-24', reason: 'Not due yet' }, recordedBy: 'officer.northgate' });
    events.push({ tenancyId: t.seed.tenancies['TEN-N003']!, eventDate: '2026-08-01', type: 'follow_up', details: { dueDate: '2026-07-01', reason: 'Already done' }, recordedBy: 'officer.northgate' });
    await appendCaseEvents(t.db, events);
    const [done] = await t.db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'follow_up' AND details ->> 'reason' = 'Already done'`);
    await appendCaseEvents(t.db, [{ tenancyId: t.seed.tenancies['TEN-N003']!, eventDate: '2026-08-02', type: 'follow_up_done', details: { followUpId: String(done!.id) }, recordedBy: 'officer.northgate' }]);
  });
  afterAll(async () => t.close());

  it('the worklist shows the 10 most overdue tasks, the real total and a link to them all, and audits the refs shown', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const $ = load((await agent.get('/worklist')).text);
    expect($(qa('tasks-heading')).text()).toBe(`Tasks due (${NORTH_TASKS})`);
    expect(taskTitles($)).toEqual(Array.from({ length: 10 }, (_x, i) => `North task ${pad(i)}`));
    expect($(qa('see-all-tasks')).text()).toBe(`See all ${NORTH_TASKS} tasks due`);
    expect($(qa('see-all-tasks')).attr('href')).toBe('/worklist/tasks');
    const [row] = await t.db.query<{ details: { taskRefs: string[]; followUpRefs: string[] } }>(
      `SELECT details FROM audit_log WHERE entity = 'worklist' AND actor = 'officer.northgate' ORDER BY id DESC LIMIT 1`,
    );
    expect(row!.details.taskRefs).toEqual(rowRefs($, 'task-row'));
    expect(row!.details.taskRefs).toHaveLength(10);
    expect(row!.details.followUpRefs).toHaveLength(10);
  });

  it('the worklist shows the 10 most overdue follow-ups, the real total and a link to them all', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const $ = load((await agent.get('/worklist')).text);
    expect($(qa('follow-ups-heading')).text()).toBe(`Follow-ups due (${NORTH_FOLLOW_UPS + 1})`);
    expect($(qa('follow-up-row')).length).toBe(10);
    expect($(qa('follow-up-row')).first().text()).toContain('North follow-up 00');
    expect($(qa('see-all-follow-ups')).text()).toBe(`See all ${NORTH_FOLLOW_UPS + 1} follow-ups due`);
    expect($(qa('see-all-follow-ups')).attr('href')).toBe('/worklist/follow-ups');
  });

  it('the "See all" links keep the scope (patch, officer) and drop the caseload filters', async () => {
    const { agent } = await t.signIn('senior');
    const north = t.seed.patches.north;
    const byPatch = load((await agent.get(`/worklist?patch=${north}&action=send_letter_1&band=under_250`)).text);
    expect(byPatch(qa('see-all-tasks')).attr('href')).toBe(`/worklist/tasks?patch=${north}`);
    expect(byPatch(qa('see-all-follow-ups')).attr('href')).toBe(`/worklist/follow-ups?patch=${north}`);
    const officer = t.seed.users.officerNorth.id;
    const byOfficer = load((await agent.get(`/worklist?officer=${officer}`)).text);
    expect(byOfficer(qa('see-all-tasks')).attr('href')).toBe(`/worklist/tasks?officer=${officer}`);
    const all = load((await agent.get('/worklist?patch=all')).text);
    expect(all(qa('tasks-heading')).text()).toBe(`Tasks due (${NORTH_TASKS + SOUTH_TASKS})`);
    expect(all(qa('see-all-tasks')).attr('href')).toBe('/worklist/tasks?patch=all');
  });

  it('no "See all" link when every task due is shown', async () => {
    const { agent } = await t.signIn('officer.southbank');
    const $ = load((await agent.get('/worklist')).text);
    expect($(qa('tasks-heading')).text()).toBe(`Tasks due (${SOUTH_TASKS})`);
    expect($(qa('task-row')).length).toBe(SOUTH_TASKS);
    expect($(qa('see-all-tasks')).length).toBe(0);
  });

  it('/worklist/tasks: 50 a page, oldest due first, with GOV.UK pagination, a back link and an audit entry', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const first = await agent.get('/worklist/tasks');
    expect(first.status).toBe(200);
    const $ = load(first.text);
    expect($('h1').text()).toContain('Tasks due');
    expect($(qa('due-list-scope')).text()).toBe('Your patch: Northgate');
    expect($(qa('back-to-worklist')).attr('href')).toBe('/worklist');
    expect(taskTitles($)).toEqual(Array.from({ length: 50 }, (_x, i) => `North task ${pad(i)}`));
    expect($(qa('due-list-count')).text()).toBe(`Showing 1 to 50 of ${NORTH_TASKS} tasks due`);
    expect($(qa('task-row')).first().find('.moj-badge').text().trim()).toBe('Overdue');
    expect($('.govuk-pagination__next a').attr('href')).toBe('/worklist/tasks?page=2');

    const second = load((await agent.get('/worklist/tasks?page=2')).text);
    expect(taskTitles(second)).toEqual(Array.from({ length: NORTH_TASKS - 50 }, (_x, i) => `North task ${pad(50 + i)}`));
    expect(second('.govuk-pagination__prev a').attr('href')).toBe('/worklist/tasks');
    const [row] = await t.db.query<{ details: { page: number; refs: string[] } }>(
      `SELECT details FROM audit_log WHERE entity = 'tasks_due' AND action = 'read' AND actor = 'officer.northgate' ORDER BY id DESC LIMIT 1`,
    );
    expect(row!.details).toEqual({ page: 2, refs: rowRefs(second, 'task-row') });
  });

  it('/worklist/tasks: a page past the end shows the last page; a nonsense page the first', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const past = await agent.get('/worklist/tasks?page=99');
    expect(past.status).toBe(200);
    expect(load(past.text)(qa('task-row')).length).toBe(NORTH_TASKS - 50);
    const nonsense = await agent.get('/worklist/tasks?page=x');
    expect(nonsense.status).toBe(200);
    expect(load(nonsense.text)(qa('task-row')).length).toBe(50);
  });

  it("/worklist/tasks: an officer sees their patch's tasks; other scopes as on the worklist", async () => {
    const south = await t.signIn('officer.southbank');
    const $ = load((await south.agent.get('/worklist/tasks')).text);
    expect(taskTitles($)).toEqual(['South task 0', 'South task 1', 'South task 2']);
    expect(rowRefs($, 'task-row').every((r) => r.startsWith('TEN-S'))).toBe(true);
    expect($('.govuk-pagination').length).toBe(0);

    const { agent } = await t.signIn('senior');
    const all = load((await agent.get('/worklist/tasks')).text);
    expect(all(qa('due-list-scope')).text()).toBe('All patches');
    expect(all(qa('due-list-count')).text()).toBe(`Showing 1 to 50 of ${NORTH_TASKS + SOUTH_TASKS} tasks due`);
    expect(taskTitles(all).slice(0, 3)).toEqual(['South task 0', 'South task 1', 'South task 2']);
    const southPatch = load((await agent.get(`/worklist/tasks?patch=${t.seed.patches.south}`)).text);
    expect(southPatch(qa('task-row')).length).toBe(SOUTH_TASKS);
    expect(southPatch(qa('back-to-worklist')).attr('href')).toBe(`/worklist?patch=${t.seed.patches.south}`);
    const officer = load((await agent.get(`/worklist/tasks?officer=${t.seed.users.officerNorth.id}&page=2`)).text);
    expect(officer(qa('due-list-scope')).text()).toBe("officer northgate's cases");
    expect(officer(qa('task-row')).length).toBe(NORTH_TASKS - 50);
    expect(officer('.govuk-pagination__prev a').attr('href')).toBe(`/worklist/tasks?officer=${t.seed.users.officerNorth.id}`);
  });

  it('/worklist/tasks and /worklist/follow-ups say so when nothing is due', async () => {
    const { agent } = await t.signIn('officer.nopatch');
    const tasks = load((await agent.get('/worklist/tasks')).text);
    expect(tasks(qa('due-list-empty')).text()).toBe('There are no tasks due.');
    expect(tasks(qa('task-row')).length).toBe(0);
    const followUps = load((await agent.get('/worklist/follow-ups')).text);
    expect(followUps(qa('due-list-empty')).text()).toBe('There are no follow-ups due.');
  });

  it('/worklist/follow-ups: 50 a page, oldest due first, "Mark as done" only where the officer may act, audited', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const first = load((await agent.get('/worklist/follow-ups')).text);
    expect(first('h1').text()).toContain('Follow-ups due');
    const rows = first(qa('follow-up-row'));
    expect(rows.length).toBe(50);
    expect(rows.first().text()).toContain('North follow-up 00');
    expect(rows.first().find('a.govuk-link').last().text()).toContain('Mark as done');
    expect(first(qa('due-list-count')).text()).toBe(`Showing 1 to 50 of ${NORTH_FOLLOW_UPS + 1} follow-ups due`);
    const second = load((await agent.get('/worklist/follow-ups?page=2')).text);
    expect(second(qa('follow-up-row')).length).toBe(NORTH_FOLLOW_UPS + 1 - 50);
    expect(second(qa('follow-up-row')).last().text()).toContain('Check the promised payment');
    const [row] = await t.db.query<{ details: { page: number; refs: string[] } }>(
      `SELECT details FROM audit_log WHERE entity = 'follow_ups_due' AND action = 'read' AND actor = 'officer.northgate' ORDER BY id DESC LIMIT 1`,
    );
    expect(row!.details).toEqual({ page: 2, refs: rowRefs(second, 'follow-up-row') });

    const south = await t.signIn('officer.southbank');
    const readOnly = load((await south.agent.get(`/worklist/follow-ups?patch=${t.seed.patches.north}`)).text);
    expect(readOnly(qa('follow-up-row')).length).toBe(50);
    expect(readOnly(qa('follow-up-row')).text()).not.toContain('Mark as done');
  });

  it('refuses a user without casework (403) and sends the signed-out to sign in', async () => {
    const admin = await t.signIn('admin');
    for (const path of ['/worklist/tasks', '/worklist/follow-ups']) {
      const res = await admin.agent.get(path);
      expect(res.status, path).toBe(403);
      expect(res.text, path).not.toMatch(/North task|North follow-up|Alice/);
    }
    const adminOfficer = await t.signIn('admin.officer');
    expect((await adminOfficer.agent.get('/worklist/tasks')).status).toBe(200);
    const { agent } = await t.anonymous();
    const anon = await agent.get('/worklist/tasks');
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toBe('/sign-in');
  });
  it('the JSON API: the worklist carries the 10 most overdue of each with the totals; /worklist/tasks and /follow-ups page them all, audited', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const w = (await agent.get('/api/v1/worklist')).body;
    expect(w.tasksTotal).toBe(NORTH_TASKS);
    expect(w.tasks.map((x: { title: string }) => x.title)).toEqual(Array.from({ length: 10 }, (_x, i) => `North task ${pad(i)}`));
    expect(w.followUpsTotal).toBe(NORTH_FOLLOW_UPS + 1);
    expect(w.followUps).toHaveLength(10);
    expect(w.links).toEqual({ followUps: '/api/v1/worklist/follow-ups', tasks: '/api/v1/worklist/tasks' });

    const first = (await agent.get('/api/v1/worklist/tasks')).body;
    expect(first).toMatchObject({ page: 1, pageSize: 50, pageCount: 2, total: NORTH_TASKS });
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toMatchObject({ tenancyRef: 'TEN-N001', kind: 'dwp_managed_payment', title: 'North task 00', dueOn: '2026-09-01', canAct: true });
    const second = (await agent.get('/api/v1/worklist/tasks?page=2')).body;
    expect(second.items.map((x: { title: string }) => x.title)).toEqual(Array.from({ length: NORTH_TASKS - 50 }, (_x, i) => `North task ${pad(50 + i)}`));
    const followUps = (await agent.get('/api/v1/worklist/follow-ups?page=2')).body;
    expect(followUps).toMatchObject({ page: 2, pageCount: 2, total: NORTH_FOLLOW_UPS + 1 });
    expect(followUps.items).toHaveLength(NORTH_FOLLOW_UPS + 1 - 50);
    const [row] = await t.db.query<{ entity: string; details: { api: boolean; page: number; refs: string[] } }>(
      `SELECT entity, details FROM audit_log WHERE actor = 'officer.northgate' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({ entity: 'follow_ups_due', details: { api: true, page: 2 } });
    expect(row!.details.refs).toEqual(followUps.items.map((x: { tenancyRef: string }) => x.tenancyRef));

    const admin = await t.signIn('admin');
    expect((await admin.agent.get('/api/v1/worklist/tasks')).status).toBe(403);
    expect((await request(t.app).get('/api/v1/worklist/follow-ups')).status).toBe(401);
  });
});
