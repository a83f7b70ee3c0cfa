import { describe, expect, it } from 'vitest';
import { qa, renderPage } from '../../../../test/support/render-page';
import type { DueList, Worklist, WorklistItem } from '../../../application/caseload/worklist';
import type { TaskRow } from '../../../application/tasks/tasks';
import type { Actor } from '../../../application/users/permissions';
import { parseWorklistQuery } from './form';
import { buildDueListPage, buildWorklistPage } from './view-model';

const actor: Actor = { id: 1, username: 'officer.northgate', displayName: 'N', role: 'officer', extraRoles: [], patchId: 1, patchName: 'Northgate' };

function item(overrides: Partial<WorklistItem> = {}): WorklistItem {
  return {
    tenancyId: 1,
    ref: 'TEN-1',
    names: 'Alice Smith',
    patchName: 'Northgate',
    tenure: 'secure',
    action: 'send_letter_1',
    needsApproval: false,
    priority: 20,
    realArrearsPence: 20_000,
    weeksInArrears: 2,
    firstReason: '2.00 weeks of real arrears',
    legalStage: { code: 'none', label: 'None', since: null },
    notice: null,
    vulnerable: false,
    breathingSpace: false,
    dispute: false,
    canAct: true,
    ...overrides,
  };
}

function worklist(items: WorklistItem[], overrides: Partial<Worklist> = {}): Worklist {
  return { items, total: items.length, page: 1, pageCount: 1, countsByAction: [{ action: 'send_letter_1', count: items.length }], followUps: [], followUpsTotal: overrides.followUps?.length ?? 0, tasks: [], tasksTotal: overrides.tasks?.length ?? 0, scopePatchIds: [1], ...overrides };
}

function task(i: number, overrides: Partial<TaskRow> = {}): TaskRow & { canAct: boolean } {
  return {
    id: i,
    tenancy_id: 1,
    ref: `TEN-${i}`,
    patch_id: 1,
    names: 'Alice Smith',
    kind: 'dwp_managed_payment',
    title: `Task ${i}`,
    due_on: '2026-11-20',
    details: {},
    status: 'open',
    created_at: new Date('2026-11-01T00:00:00Z'),
    created_by: 'daily run',
    closed_on: null,
    closed_by: null,
    closing_note: null,
    canAct: true,
    ...overrides,
  };
}

const render = (w: Worklist, query = '') =>
  renderPage(
    'staff/worklist/worklist.njk',
    buildWorklistPage({ actor, worklist: w, query: parseWorklistQuery(Object.fromEntries(new URLSearchParams(query))), today: '2026-11-23', patches: [{ id: 1, name: 'Northgate' }, { id: 2, name: 'Southbank' }], officers: [] }),
  );

describe('worklist page', () => {
  it.each([
    ['valid', '2027-10-26', 'Notice of seeking possession: valid until 26 October 2027'],
    ['not_yet_valid', '2027-10-26', 'Notice of seeking possession: not yet valid (from 26 October 2026)'],
    ['expired', '2027-10-26', 'Notice of seeking possession: expired'],
    ['valid', null, 'Notice of seeking possession: valid (does not lapse)'],
  ] as const)('shows the notice with its validity (%s, expires %s)', (validity, expiresOn, text) => {
    const notice = { type: 'nosp', servedOn: '2026-09-28', earliestProceedingsDate: '2026-10-26', expiresOn, validity };
    const $ = render(worklist([item({ notice, legalStage: { code: 'notice_served', label: 'Notice served (NOSP)', since: '2026-09-28' } }), item({ tenancyId: 2, ref: 'TEN-2' })]));
    const rows = $(qa('worklist-row'));
    expect(rows.first().find(qa('notice-validity')).text()).toBe(text);
    expect(rows.first().find(qa('notice-validity')).attr('data-validity')).toBe(validity);
    expect(rows.eq(1).find(qa('notice-validity')).length).toBe(0);
  });

  it('shows each case: ref link, name, readable action with its first reason, arrears in pounds, weeks, legal stage, flags', () => {
    const $ = render(
      worklist([
        item(),
        item({ tenancyId: 2, ref: 'TEN-2', action: 'apply_for_possession', needsApproval: true, vulnerable: true, breathingSpace: true, dispute: true, legalStage: { code: 'notice_served', label: 'Notice served (NOSP)', since: '2026-10-01' }, canAct: false }),
      ]),
    );
    const rows = $(qa('worklist-row'));
    expect(rows.length).toBe(2);
    const first = rows.first();
    expect(first.find(qa('tenancy-link')).attr('href')).toBe('/tenancies/TEN-1');
    expect(first.find(qa('names')).text()).toBe('Alice Smith');
    expect(first.find(qa('action-label')).text()).toBe('Send letter 1');
    expect(first.find(qa('reason')).text()).toBe('2.00 weeks of real arrears');
    expect(first.find(qa('arrears')).text()).toBe('£200.00');
    expect(first.find(qa('weeks')).text()).toBe('2.00');
    expect(first.find(qa('select-case')).val()).toBe('1');
    const second = rows.eq(1);
    expect(second.find(qa('legal-stage')).text()).toBe('Notice served (NOSP)');
    expect(second.find('.moj-badge').map((_i, el) => $(el).text().trim()).get()).toEqual(['Breathing space', 'Vulnerable', 'Dispute', 'Needs approval']);
    expect(second.find(qa('select-case')).length).toBe(0);
    expect(second.find(qa('flags')).text()).toContain('Read only');
    expect($(qa('bulk-send-letter-1')).text()).toContain('Send letter 1 to selected');
    expect($(qa('bulk-form')).find('input[name=_csrf]').val()).toBe('test-csrf-token');
  });

  it('has a GET filter form (works without JavaScript), counts per action, and selected-filter tags', () => {
    const $ = render(worklist([item()]), 'action=send_letter_1&band=under_250');
    expect($(qa('worklist-filter')).attr('method')).toBe('get');
    expect($('.moj-filter').length).toBe(1);
    for (const name of ['patch', 'officer', 'action', 'band', 'vulnerable', 'tenure']) expect($(`[name=${name}]`).length, name).toBeGreaterThan(0);
    expect($(qa('action-count')).text()).toContain('Send letter 1 (1)');
    expect($('.moj-filter__tag').map((_i, el) => $(el).text().replace('Remove this filter', '').trim()).get()).toEqual(['Send letter 1', 'Under £250']);
    expect($('.moj-filter__tag').first().attr('href')).toBe('/worklist?band=under_250');
  });

  it('pages with GOV.UK pagination keeping the filters', () => {
    const $ = render(worklist([item()], { total: 120, page: 2, pageCount: 3 }), 'action=send_letter_1&page=2');
    expect($(qa('worklist-count')).text()).toBe('Showing 51 to 100 of 120 cases');
    expect($('.govuk-pagination__prev a').attr('href')).toBe('/worklist?action=send_letter_1');
    expect($('.govuk-pagination__next a').attr('href')).toBe('/worklist?action=send_letter_1&page=3');
  });

  it('lists follow-ups due, marking overdue ones', () => {
    const w = worklist([], {
      followUps: [
        { id: 9, tenancy_id: 1, ref: 'TEN-1', patch_id: 1, due_date: '2026-11-20', reason: 'Call back', note: null, recorded_by: 'x', names: 'Alice Smith', canAct: true },
      ],
    });
    const $ = render(w);
    const row = $(qa('follow-up-row'));
    expect(row.text()).toContain('20 November 2026');
    expect(row.text()).toContain('Overdue');
    expect(row.find('a[href="/tenancies/TEN-1/events/9/close"]').length).toBe(1);
  });

  it('says so when nothing matches', () => {
    const $ = render(worklist([], { countsByAction: [] }));
    expect($(qa('worklist-empty')).length).toBe(1);
    expect($(qa('bulk-form')).length).toBe(0);
  });

  it('shows the 10 most overdue tasks under the real total, with "See all" keeping the scope only', () => {
    const tasks = Array.from({ length: 10 }, (_x, i) => task(i + 1));
    const $ = render(worklist([item()], { tasks, tasksTotal: 137 }), 'patch=2&officer=5&action=send_letter_1&page=2');
    expect($(qa('tasks-heading')).text()).toBe('Tasks due (137)');
    expect($(qa('task-row')).length).toBe(10);
    expect($(qa('see-all-tasks')).text()).toBe('See all 137 tasks due');
    expect($(qa('see-all-tasks')).attr('href')).toBe('/worklist/tasks?patch=2&officer=5');
    expect($(qa('see-all-follow-ups')).length).toBe(0);
  });

  it('links to every follow-up due when it shows only some', () => {
    const followUps = Array.from({ length: 10 }, (_x, i) => ({ id: i, tenancy_id: 1, ref: `TEN-${i}`, patch_id: 1, due_date: '2026-11-20', reason: 'Call back', note: null, recorded_by: 'x', names: 'A', canAct: true }));
    const $ = render(worklist([], { followUps, followUpsTotal: 12 }), 'patch=all');
    expect($(qa('follow-ups-heading')).text()).toBe('Follow-ups due (12)');
    expect($(qa('see-all-follow-ups')).text()).toBe('See all 12 follow-ups due');
    expect($(qa('see-all-follow-ups')).attr('href')).toBe('/worklist/follow-ups?patch=all');
    const all = render(worklist([], { followUps, followUpsTotal: 10 }));
    expect(all(qa('see-all-follow-ups')).length).toBe(0);
  });
});

const renderDueList = (list: DueList, query = '') =>
  renderPage(
    'staff/worklist/due-list.njk',
    buildDueListPage({ actor, list, query: parseWorklistQuery(Object.fromEntries(new URLSearchParams(query))), today: '2026-11-23', patches: [{ id: 1, name: 'Northgate' }, { id: 2, name: 'Southbank' }], officers: [] }),
  );

describe('tasks due and follow-ups due pages', () => {
  it('tasks: the heading with the scope, the table, pagination and a back link keeping the scope', () => {
    const items = [task(1, { due_on: '2026-11-02' }), task(2, { due_on: '2026-11-23', kind: 'dhp_referral' })];
    const $ = renderDueList({ which: 'tasks', items, total: 52, page: 2, pageCount: 2, scopePatchIds: [2] }, 'patch=2&page=2');
    expect($('title').text()).toContain('Tasks due (page 2 of 2)');
    expect($('h1').text().replace(/\s+/g, ' ').trim()).toBe('Patch: Southbank Tasks due');
    expect($(qa('back-to-worklist')).attr('href')).toBe('/worklist?patch=2');
    expect($(qa('due-list-count')).text()).toBe('Showing 51 to 52 of 52 tasks due');
    expect($('th').map((_i, el) => $(el).text()).get()).toEqual(['Tenancy', 'Name', 'Task', 'Due']);
    const rows = $(qa('task-row'));
    expect(rows.first().find('a').attr('href')).toBe('/tenancies/TEN-1#tasks');
    expect(rows.first().text()).toContain('Request a managed payment (APA) from the DWP');
    expect(rows.first().text()).toContain('Task 1');
    expect(rows.first().find('.moj-badge').text().trim()).toBe('Overdue');
    expect(rows.eq(1).find('.moj-badge').length).toBe(0);
    expect($('.govuk-pagination__prev a').attr('href')).toBe('/worklist/tasks?patch=2');
    expect($('.govuk-pagination__item--current').text().trim()).toBe('2');
  });

  it('follow-ups: the columns and "Mark as done" where the officer may act', () => {
    const item = (id: number, canAct: boolean) => ({ id, tenancy_id: 1, ref: `TEN-${id}`, patch_id: 1, due_date: '2026-11-20', reason: 'Call back', note: null, recorded_by: 'x', names: 'Alice Smith', canAct });
    const $ = renderDueList({ which: 'follow_ups', items: [item(7, true), item(8, false)], total: 2, page: 1, pageCount: 1, scopePatchIds: [1] });
    expect($('h1').text()).toContain('Your patch: Northgate');
    expect($('h1').text()).toContain('Follow-ups due');
    expect($(qa('back-to-worklist')).attr('href')).toBe('/worklist');
    expect($('th').map((_i, el) => $(el).text()).get()).toEqual(['Tenancy', 'Name', 'Due', 'Reason', 'Actions']);
    expect($(qa('follow-up-row')).first().find('a[href="/tenancies/TEN-7/events/7/close"]').length).toBe(1);
    expect($(qa('follow-up-row')).eq(1).text()).not.toContain('Mark as done');
    expect($('.govuk-pagination').length).toBe(0);
    expect($(qa('due-list-count')).text()).toBe('Showing 1 to 2 of 2 follow-ups due');
  });

  it.each([
    ['tasks', 'There are no tasks due.'],
    ['follow_ups', 'There are no follow-ups due.'],
  ] as const)('%s: says so when nothing is due', (which, text) => {
    const $ = renderDueList({ which, items: [], total: 0, page: 1, pageCount: 1, scopePatchIds: [1] } as DueList);
    expect($(qa('due-list-empty')).text()).toBe(text);
    expect($('table').length).toBe(0);
  });
});
