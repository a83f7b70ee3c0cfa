import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Agent, type WebTestApp } from '../../../../test/support/web-test-app';
import { storeAssessments } from '../../../persistence/stores/assessment-store';
import { countWorklistByAction, queryWorklist } from '../../../persistence/stores/worklist-store';
import { aTenancyOnPatch } from '../../../../test/builders/tenancy';
import type { Db } from '../../../persistence/database';
import { watchingQueries } from '../../../../test/support/recorded-statements';
import { appBatches } from '../../../../test/support/batch-recorder';
import { aClusterOfPages } from '../../../../test/support/cluster-pages';
import { appendLedgerTransactions } from '../../../persistence/stores/ledger-store';
import { tablesNamedIn, TABLES_NOTED_BY_TENANCY } from '../../../persistence/stores/data-change-store';

const refs = (html: string) =>
  load(html)('[data-qa="worklist-row"]')
    .map((_i, el) => load(el).root().find('[data-qa="worklist-row"]').attr('data-ref') ?? '')
    .get();

describe('GET /worklist and the bulk letter', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it("an officer's default worklist is their patch, by priority then real arrears, without 'none' cases", async () => {
    const { agent } = await t.signIn('officer.northgate');
    const res = await agent.get('/worklist');
    expect(res.status).toBe(200);
    expect(refs(res.text)).toEqual(['TEN-N002', 'TEN-N001', 'TEN-N003']);
  });

  it('seniors and managers see every patch; filters narrow it', async () => {
    const { agent } = await t.signIn('senior');
    expect(refs((await agent.get('/worklist')).text)).toEqual(['TEN-N002', 'TEN-S002', 'TEN-S001', 'TEN-N001', 'TEN-N003']);
    expect(refs((await agent.get(`/worklist?patch=${t.seed.patches.south}`)).text)).toEqual(['TEN-S002', 'TEN-S001']);
    expect(refs((await agent.get(`/worklist?officer=${t.seed.users.officerNorth.id}`)).text)).toEqual(['TEN-N002', 'TEN-N001', 'TEN-N003']);
    expect(refs((await agent.get('/worklist?action=send_letter_1')).text)).toEqual(['TEN-N001', 'TEN-N003']);
    expect(refs((await agent.get('/worklist?band=1000_to_2500')).text)).toEqual(['TEN-N002']);
    expect(refs((await agent.get('/worklist?vulnerable=yes')).text)).toEqual(['TEN-N001']);
    expect(refs((await agent.get('/worklist?vulnerable=no&tenure=introductory')).text)).toEqual(['TEN-S002']);
    const counts = load((await agent.get('/worklist')).text)('[data-qa="action-count"]')
      .map((_i, el) => `${load(el).root().find('[data-qa="action-count"]').attr('data-action')}`)
      .get();
    expect(counts.sort()).toEqual(['apply_for_possession', 'hold', 'send_letter_1', 'send_letter_2']);
  });

  it('shows follow-ups due today, and audits the names it showed', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const $ = load((await agent.get('/worklist')).text);
    expect($('[data-qa="follow-up-row"]').text()).toContain('Check the promised payment');
    const [row] = await t.db.query<{ details: { tenancyRefs: string[] } }>(`SELECT details FROM audit_log WHERE entity = 'worklist' AND actor = 'officer.northgate' ORDER BY id DESC LIMIT 1`);
    expect(row!.details.tenancyRefs).toEqual(['TEN-N002', 'TEN-N001', 'TEN-N003']);
  });

  it('an officer without a patch has an empty worklist by default', async () => {
    const { agent } = await t.signIn('officer.nopatch');
    expect(refs((await agent.get('/worklist')).text)).toEqual([]);
  });

  it('"Send letter 1 to selected" confirms each selected letter 1 case on the officer\'s patch, and skips the rest', async () => {
    const officer = await t.signIn('officer.northgate');
    const { agent } = officer;
    const ids = [t.seed.tenancies['TEN-N001']!, t.seed.tenancies['TEN-N002']!, t.seed.tenancies['TEN-S002']!].map(String);
    const res = await officer.post('/worklist/send-letter-1', { tenancyIds: ids });
    expect(res.status).toBe(303);
    const page = await agent.get('/worklist');
    expect(page.text).toContain('Letter 1 sent to 1 case');
    expect(page.text).toContain('TEN-N002 (the recommendation is no longer letter 1)');
    const actions = await t.db.query<{ tenancy_id: number; details: { action: string } }>(`SELECT tenancy_id, details FROM case_events WHERE type = 'action' AND recorded_by = 'officer.northgate'`);
    expect(actions.map((a) => [a.tenancy_id, a.details.action])).toEqual([[t.seed.tenancies['TEN-N001'], 'send_letter_1']]);
    expect((await t.db.query(`SELECT 1 FROM letters`)).length).toBe(1);
    // Nothing selected: a message, no change.
    await officer.post('/worklist/send-letter-1');
    expect((await agent.get('/worklist')).text).toContain('Select at least one case');
  });

  it('pages 50 cases at a time', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 55; i += 1) {
      ids.push(await aTenancyOnPatch(t.db, `TEN-P${String(i).padStart(3, '0')}`, 'Pages', { tenants: [{ name: `Page Tenant ${i}` }] }));
    }
    const [patch] = await t.db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'Pages'`);
    await storeAssessments(
      t.db,
      ids.map((id, i) => ({
        tenancyId: id,
        asOf: '2026-11-23',
        trigger: 'daily',
        policyVersion: 1,
        action: 'send_letter_1',
        priority: 5,
        balancePence: 1000 + i,
        arrearsPence: 1000 + i,
        realArrearsPence: 1000 + i,
        needsApproval: false,
        patchId: patch!.id,
        result: { reasons: [], weeksInArrears: 0.1 },
        trace: [],
      })),
    );
    const { agent } = await t.signIn('manager');
    const first = await agent.get(`/worklist?patch=${patch!.id}`);
    expect(refs(first.text).length).toBe(50);
    expect(refs(first.text)[0]).toBe('TEN-P054');
    expect(first.text).toContain('Showing 1 to 50 of 55 cases');
    const second = await agent.get(`/worklist?patch=${patch!.id}&page=2`);
    expect(refs(second.text)).toEqual(['TEN-P004', 'TEN-P003', 'TEN-P002', 'TEN-P001', 'TEN-P000']);
    // The total comes with the rows (one query), and past the last page still counts them all.
    const filter = { patchIds: [patch!.id], action: null, minRealArrearsPence: null, maxRealArrearsPence: null, vulnerable: null, tenure: null };
    expect((await queryWorklist(t.db, filter, { limit: 50, offset: 50 })).total).toBe(55);
    const pastTheEnd = await queryWorklist(t.db, filter, { limit: 50, offset: 100 });
    expect(pastTheEnd.rows).toEqual([]);
    expect(pastTheEnd.total).toBe(55);
    const noPatch = await queryWorklist(t.db, { ...filter, patchIds: [] }, { limit: 50, offset: 0 });
    expect(noPatch.rows).toEqual([]);
    expect(noPatch.total).toBe(0);
    // A filter on the tenancy (its tenure) counts the same on the page and past its end, and by action.
    for (const tenure of ['secure', 'introductory']) {
      const onPage = await queryWorklist(t.db, { ...filter, tenure }, { limit: 50, offset: 0 });
      expect(onPage.rows.every((r) => r.tenure === tenure)).toBe(true);
      expect((await queryWorklist(t.db, { ...filter, tenure }, { limit: 50, offset: 100 })).total).toBe(onPage.total);
      const byAction = await countWorklistByAction(t.db, { ...filter, tenure });
      const [expected] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM current_assessments c JOIN tenancies x ON x.id = c.tenancy_id WHERE c.patch_id = $1 AND c.action <> 'none' AND x.tenure = $2`,
        [patch!.id, tenure],
      );
      expect(byAction.reduce((n, a) => n + a.count, 0)).toBe(expected!.n);
    }
  });

  it('shows only the caseload by default: monitoring cases appear when their action is chosen', async () => {
    const id = await aTenancyOnPatch(t.db, 'TEN-MON-1', 'Watch', { tenants: [{ name: 'Watch Tenant' }] });
    const [patch] = await t.db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'Watch'`);
    await storeAssessments(t.db, [
      {
        tenancyId: id,
        asOf: '2026-11-23',
        trigger: 'daily',
        policyVersion: 1,
        action: 'monitor_arrangement',
        priority: 3,
        balancePence: 500,
        arrearsPence: 500,
        realArrearsPence: 500,
        needsApproval: false,
        patchId: patch!.id,
        result: { reasons: ['arrangement kept'], weeksInArrears: 0.05 },
        trace: [],
      },
    ]);
    const { agent } = await t.signIn('manager');
    expect(refs((await agent.get(`/worklist?patch=${patch!.id}`)).text)).toEqual([]);
    expect(refs((await agent.get(`/worklist?patch=${patch!.id}&action=monitor_arrangement`)).text)).toEqual(['TEN-MON-1']);
  });
});

describe('GET /worklist served again while nothing has changed', () => {
  // The statements the app sends that read the worklist's cases (the page's, its counts; not the check for changes).
  let caseReads = 0;
  const counting = (db: Db): Db =>
    watchingQueries(db, ({ sql }) => {
      statements.push(sql);
      if (/FROM current_assessments/.test(sql) && !/max\(as_of\)/.test(sql) && !/FROM data_changes/.test(sql)) caseReads += 1;
    });
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp({}, { wrapDb: counting });
  });
  afterAll(async () => t.close());

  const statements: string[] = [];
  const nonceOf = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1];
  const worklistAudits = async () =>
    t.db.query<{ details: { tenancyRefs: string[] } }>(`SELECT details FROM audit_log WHERE entity = 'worklist' AND actor = 'officer.northgate' ORDER BY id`);

  it('the same page again, with a fresh nonce and its read audited, without reading the cases again', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const first = await agent.get('/worklist');
    const readsBefore = caseReads;
    const auditsBefore = (await worklistAudits()).length;
    statements.length = 0;
    const second = await agent.get('/worklist');
    expect(second.status).toBe(200);
    expect(caseReads).toBe(readsBefore);
    // The session with the business date, then the check with the audit of serving it: one statement, not two.
    expect(statements.filter((sql) => !/FROM web_sessions|max\(as_of\)/.test(sql))).toEqual([expect.stringMatching(/FROM data_changes[\s\S]*INSERT INTO audit_log/)]);
    const [firstNonce, secondNonce] = [nonceOf(first.text), nonceOf(second.text)];
    expect(firstNonce).toBeDefined();
    expect(secondNonce).not.toBe(firstNonce);
    expect(second.headers['content-security-policy']).toContain(`'nonce-${secondNonce!}'`);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.text).toBe(first.text.split(firstNonce!).join(secondNonce!));
    const audits = await worklistAudits();
    expect(audits.length).toBe(auditsBefore + 1);
    expect(audits.at(-1)!.details.tenancyRefs).toEqual(['TEN-N002', 'TEN-N001', 'TEN-N003']);
    // Another query is another page.
    await agent.get('/worklist?action=send_letter_1');
    expect(caseReads).toBeGreaterThan(readsBefore);
  });

  it('any change to the data, however written, and the page is read and rendered afresh', async () => {
    const { agent } = await t.signIn('officer.northgate');
    await agent.get('/worklist');
    await agent.get('/worklist');
    // Written straight in SQL, not through the application.
    await t.db.query(`UPDATE tenants SET name = 'Renamed Straight-In-SQL' WHERE tenancy_id = $1`, [t.seed.tenancies['TEN-N001']]);
    const readsBefore = caseReads;
    const after = await agent.get('/worklist');
    expect(caseReads).toBeGreaterThan(readsBefore);
    expect(after.text).toContain('Renamed Straight-In-SQL');
    // A page view writes the audit log and the session: neither is a change to the data.
    const readsThen = caseReads;
    await agent.get('/worklist');
    expect(caseReads).toBe(readsThen);
  });

  it("a change on another patch leaves an officer's page kept; on their patch, or to what every patch shows, it is rendered afresh", async () => {
    const { agent } = await t.signIn('officer.northgate');
    await agent.get('/worklist');
    const nameOf = async (ref: string, name: string) => t.db.query(`UPDATE tenants SET name = $2 WHERE tenancy_id = $1`, [t.seed.tenancies[ref], name]);
    // TEN-S001 is on the south patch: not on this page.
    await nameOf('TEN-S001', 'Renamed On South');
    let readsBefore = caseReads;
    expect((await agent.get('/worklist')).text).not.toContain('Renamed On South');
    expect(caseReads).toBe(readsBefore);
    // A senior's page of every patch shows it.
    const senior = await t.signIn('senior');
    expect((await senior.agent.get('/worklist')).text).toContain('Renamed On South');
    await nameOf('TEN-S001', 'Renamed Again On South');
    expect((await senior.agent.get('/worklist')).text).toContain('Renamed Again On South');
    // On the officer's own patch: afresh.
    await nameOf('TEN-N003', 'Renamed On North');
    readsBefore = caseReads;
    expect((await agent.get('/worklist')).text).toContain('Renamed On North');
    expect(caseReads).toBeGreaterThan(readsBefore);
    // The patches' names show on every page.
    await t.db.query(`UPDATE patches SET name = name WHERE id = $1`, [t.seed.patches.south]);
    readsBefore = caseReads;
    await agent.get('/worklist');
    expect(caseReads).toBeGreaterThan(readsBefore);
  });

  /**
   * The page `agent` is served now is its kept page (the cases not read again), and the same page, but for the nonce
   * and the CSRF token, as another session of the officer reads and renders afresh. Gives the kept page.
   */
  const expectKeptAsReadAfresh = async (agent: Agent, csrf: string) => {
    const readsBefore = caseReads;
    const kept = await agent.get('/worklist');
    expect(caseReads).toBe(readsBefore);
    const other = await t.signIn('officer.northgate');
    const afresh = await other.agent.get('/worklist');
    expect(caseReads).toBeGreaterThan(readsBefore);
    const same = (html: string, token: string) => html.replaceAll(nonceOf(html)!, 'NONCE').replaceAll(token, 'CSRF');
    expect(same(kept.text, csrf)).toBe(same(afresh.text, other.csrf));
    return kept.text;
  };

  it('a payment on its patch leaves the page kept (it reads neither the ledger nor the kept state), and it is the page read afresh; the re-assessment that follows renders it afresh', async () => {
    const { agent, csrf } = await t.signIn('officer.northgate');
    await agent.get('/worklist');
    const tenancyId = t.seed.tenancies['TEN-N001']!;
    await appendLedgerTransactions(t.db, [
      { tenancyId, businessDate: '2026-11-23', kind: 'payment', method: 'debit_card', amountPence: -100, idempotencyKey: 'worklist-test:payment', source: 'test' },
    ]);
    await expectKeptAsReadAfresh(agent, csrf);
    const readsThen = caseReads;
    await t.db.query(`UPDATE current_assessments SET priority = priority WHERE tenancy_id = $1`, [tenancyId]);
    await agent.get('/worklist');
    expect(caseReads).toBeGreaterThan(readsThen);
  });

  it('an account with no action, paid, re-assessed to no action again and renamed, leaves the page kept, and it is the page read afresh; once it is a case, afresh', async () => {
    const { agent, csrf } = await t.signIn('officer.northgate');
    const tenancyId = t.seed.tenancies['TEN-N004']!; // on Northgate, no action, no task or follow-up
    const patchId = (await t.db.query<{ patch_id: number }>(`SELECT patch_id FROM tenancies WHERE id = $1`, [tenancyId]))[0]!.patch_id;
    const assessed = (action: string) =>
      storeAssessments(t.db, [
        { tenancyId, asOf: '2026-11-23', trigger: 'payment', policyVersion: 1, action, priority: action === 'none' ? 0 : 90, balancePence: 0, arrearsPence: 0, realArrearsPence: 0, needsApproval: false, patchId, result: { reasons: [] }, trace: [] },
      ]);
    await agent.get('/worklist');
    await appendLedgerTransactions(t.db, [
      { tenancyId, businessDate: '2026-11-23', kind: 'payment', method: 'debit_card', amountPence: -100, idempotencyKey: 'worklist-test:no-action-payment', source: 'test' },
    ]);
    await assessed('none');
    await t.db.query(`UPDATE tenants SET name = 'Renamed With No Action' WHERE tenancy_id = $1`, [tenancyId]);
    const kept = await expectKeptAsReadAfresh(agent, csrf);
    expect(kept).not.toContain('TEN-N004');
    // It becomes a case: on the page at once.
    await assessed('send_letter_2');
    const readsThen = caseReads;
    const now = await agent.get('/worklist');
    expect(caseReads).toBeGreaterThan(readsThen);
    expect(now.text).toContain('Renamed With No Action');
    // And it stops being one: off the page at once.
    await assessed('none');
    expect((await agent.get('/worklist')).text).not.toContain('TEN-N004');
  });

  it('a change to any table with tenancies that its statements name renders it afresh (what it reads is read from them)', async () => {
    const named = new Set<string>();
    const recording = await createWebTestApp({}, {
      wrapDb: (db) =>
        watchingQueries(db, ({ sql }) => {
          // Not the check for changes, nor the business date: every request runs them, kept or not.
          if (!/FROM data_changes|max\(as_of\)/.test(sql)) for (const table of tablesNamedIn(sql)) named.add(table);
        }),
    });
    try {
      const { agent } = await recording.signIn('officer.northgate');
      await agent.get('/worklist');
      const reads = [...named].sort();
      expect(reads).toEqual(['assessments', 'case_events', 'current_assessments', 'open_follow_ups', 'tasks', 'tenants']);
      /** The tables whose change to the tenancy's rows, noted as its trigger notes it, renders the page afresh. */
      const renderedAfreshBy = async (tenancyId: number) => {
        const tables: string[] = [];
        for (const table of TABLES_NOTED_BY_TENANCY) {
          await agent.get('/worklist');
          await recording.db.transaction((tx) => tx.query(`SELECT note_data_change_of($1::int[], NULL, $2, NULL)`, [[tenancyId], table]));
          named.clear();
          await agent.get('/worklist');
          if (named.size > 0) tables.push(table); // served as kept, it runs no statement naming them
        }
        return tables;
      };
      // A case on the page's patch: every table the page reads.
      expect(await renderedAfreshBy(recording.seed.tenancies['TEN-N001']!)).toEqual(reads);
      // A tenancy on the patch with no action and no open task or follow-up: only a change to the tables that could
      // bring it onto the page (a task, a follow-up; a case, which its current assessment's note names: migration 0033).
      const noAction = recording.seed.tenancies['TEN-N004']!;
      expect(await renderedAfreshBy(noAction)).toEqual(['open_follow_ups', 'tasks']);
      await agent.get('/worklist');
      await recording.db.transaction((tx) => tx.query(`SELECT note_data_change_of($1::int[], NULL, 'current_assessments', $1::int[])`, [[noAction]]));
      named.clear();
      await agent.get('/worklist');
      expect(named.size).toBeGreaterThan(0);
    } finally {
      await recording.close();
    }
  });

  it('kept per session: another session of the same officer gets its own page, with its own CSRF token', async () => {
    const a = await t.signIn('officer.northgate');
    const b = await t.signIn('officer.northgate');
    const pageA = await a.agent.get('/worklist');
    const pageB = await b.agent.get('/worklist');
    expect(pageA.text).toContain(`value="${a.csrf}"`);
    expect(pageB.text).toContain(`value="${b.csrf}"`);
    expect(pageB.text).not.toContain(a.csrf);
    expect((await b.agent.get('/worklist')).text).not.toContain(a.csrf);
  });

  it('two serving processes: the page one renders after a change is served by the other without reading it, unless a change came since', async () => {
    const clock = { nowMs: 0 };
    const cluster = aClusterOfPages({ nowMs: () => clock.nowMs }); // the primary's clock: the test's, as the processes'
    const reads = { one: 0, two: 0 };
    const countingIn = (process: keyof typeof reads) => (db: Db) =>
      watchingQueries(db, ({ sql }) => {
        if (/FROM current_assessments/.test(sql) && !/max\(as_of\)/.test(sql) && !/FROM data_changes/.test(sql)) reads[process] += 1;
      });
    const one = await createWebTestApp({ sharedPages: cluster.worker() }, { wrapDb: countingIn('one') });
    clock.nowMs = one.clock.now.getTime();
    try {
      const two = one.anotherProcess({ sharedPages: cluster.worker() }, { wrapDb: countingIn('two') });
      const { agent, csrf } = await one.signIn('officer.northgate');
      const other = two.as(agent); // the same session, served by the other process
      const same = (html: string) => html.replaceAll(nonceOf(html)!, 'NONCE');
      const rename = (name: string) => one.db.query(`UPDATE tenants SET name = $2 WHERE tenancy_id = $1`, [one.seed.tenancies['TEN-N001'], name]);
      const audits = async () => (await one.db.query(`SELECT 1 FROM audit_log WHERE entity = 'worklist'`)).length;

      // Each render reads the cases in the same statements: count renders by them (signing in rendered one already).
      await rename('Renamed At The Start');
      const base = reads.one;
      const first = await agent.get('/worklist');
      const perRender = reads.one - base;
      expect(perRender).toBeGreaterThan(0);
      const renders = () => ({ one: (reads.one - base) / perRender, two: reads.two / perRender });
      expect(renders()).toEqual({ one: 1, two: 0 });
      const auditsBefore = await audits();
      const fromOne = await other.get('/worklist');
      expect(renders()).toEqual({ one: 1, two: 0 });
      expect(same(fromOne.text)).toBe(same(first.text));
      expect(fromOne.text).toContain(`value="${csrf}"`);
      expect(await audits()).toBe(auditsBefore + 1);

      // A change on the patch: whichever process is asked first renders it, the other serves that render.
      await rename('Renamed Once');
      expect((await agent.get('/worklist')).text).toContain('Renamed Once');
      expect((await other.get('/worklist')).text).toContain('Renamed Once');
      expect(renders()).toEqual({ one: 2, two: 0 });
      await rename('Renamed Twice');
      expect((await other.get('/worklist')).text).toContain('Renamed Twice');
      expect((await agent.get('/worklist')).text).toContain('Renamed Twice');
      expect(renders()).toEqual({ one: 2, two: 1 });

      // A change after the other process's render: its page is stale too, so this one renders afresh.
      await agent.get('/worklist');
      await rename('Renamed Three Times');
      await other.get('/worklist');
      await rename('Renamed Four Times');
      const afresh = await agent.get('/worklist');
      expect(afresh.text).toContain('Renamed Four Times');
      expect(renders()).toEqual({ one: 3, two: 2 });
      // Nothing changed since: both serve what they keep.
      await agent.get('/worklist');
      expect(same((await other.get('/worklist')).text)).toBe(same(afresh.text));
      expect(renders()).toEqual({ one: 3, two: 2 });
    } finally {
      await one.close();
    }
  });

  it('a page with a message to show is rendered afresh, and the message shown once', async () => {
    const officer = await t.signIn('officer.northgate');
    const { agent } = officer;
    await agent.get('/worklist');
    await officer.post('/worklist/send-letter-1');
    const withMessage = await agent.get('/worklist');
    expect(withMessage.text).toContain('Select at least one case');
    expect((await agent.get('/worklist')).text).not.toContain('Select at least one case');
  });

  it('with PAGE_CACHE_ENTRIES=0 every request reads the cases', async () => {
    const off = await createWebTestApp({ config: { pageCacheEntries: 0 } }, { wrapDb: counting });
    try {
      const { agent } = await off.signIn('officer.northgate');
      await agent.get('/worklist');
      const readsBefore = caseReads;
      await agent.get('/worklist');
      expect(caseReads).toBeGreaterThan(readsBefore);
    } finally {
      await off.close();
    }
  });
});

describe('GET /worklist read afresh: its reads started together in one round trip', () => {
  let t: WebTestApp;
  const { batches, wrapDb } = appBatches();
  beforeAll(async () => {
    t = await createWebTestApp({ config: { pageCacheEntries: 0 } }, { wrapDb });
  });
  afterAll(async () => t.close());

  it('sends the page of cases, its counts, the follow-ups, the tasks and the filter choices as one batch', async () => {
    const { agent } = await t.signIn('officer.northgate');
    batches.length = 0;
    expect((await agent.get('/worklist')).status).toBe(200);
    expect(batches).toHaveLength(2); // the session's with the business date's, then the page's
    expect(batches[0]!.filter((sql) => /FROM web_sessions|max\(as_of\)/.test(sql))).toHaveLength(2);
    const named = (pattern: RegExp) => batches[1]!.filter((sql) => pattern.test(sql)).length;
    expect(named(/FROM open_follow_ups/)).toBeGreaterThan(0);
    expect(named(/FROM tasks/)).toBeGreaterThan(0);
    expect(named(/FROM current_assessments/)).toBeGreaterThan(0);
    expect(named(/FROM patches pa/)).toBe(1);
  });
});
