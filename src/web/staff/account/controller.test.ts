import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appBatches } from '../../../../test/support/batch-recorder';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';

describe('GET /tenancies/{ref}, its timeline and household pages', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it('shows the account from the stored assessment and the ledger; 404 for an unknown ref', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const res = await agent.get('/tenancies/TEN-N002');
    expect(res.status).toBe(200);
    const $ = load(res.text);
    expect($('[data-qa="recommended-action"]').attr('data-action')).toBe('apply_for_possession');
    expect($('[data-qa="summary-notice"]').text()).toContain('served 28 September 2026');
    expect($('[data-qa="summary-legal-stage"]').text()).toContain('Notice served (NOSP)');
    expect($('[data-qa="ledger-line"]').length).toBeGreaterThan(20);
    expect($('[data-qa="confirm-recommendation"]').text()).toContain('Ask for approval: Apply for possession');
    expect((await agent.get('/tenancies/NOPE')).status).toBe(404);
    expect((await agent.get('/tenancies/TEN-N002?ledger=all')).status).toBe(200);
  });

  it("shows another patch's account read-only", async () => {
    const { agent } = await t.signIn('officer.southbank');
    const $ = load((await agent.get('/tenancies/TEN-N001')).text);
    expect($('[data-qa="read-only"]').length).toBe(1);
    expect($('[data-qa="decision-buttons"]').length).toBe(0);
  });

  it('shows contact details on the household page and audits that read separately', async () => {
    const { agent } = await t.signIn('senior');
    const res = await agent.get('/tenancies/TEN-N001/household');
    expect(res.text).toContain('alice@example.org');
    const rows = await t.db.query<{ entity: string; actor: string }>(`SELECT entity, actor FROM audit_log WHERE tenancy_id = $1 ORDER BY id`, [t.seed.tenancies['TEN-N001']]);
    expect(rows).toContainEqual({ entity: 'tenancy_contact', actor: 'senior' });
  });

  it('the timeline merges events, payments and letters, newest first, filterable', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const $ = load((await agent.get('/tenancies/TEN-N001/timeline')).text);
    const types = $('[data-qa="timeline-item"]').map((_i, el) => $(el).attr('data-type')).get();
    expect(types.slice(0, 3)).toEqual(['follow_up', 'payment', 'contact']);
    expect(types).toContain('vulnerability');
    const contacts = load((await agent.get('/tenancies/TEN-N001/timeline?type=contact')).text);
    expect(contacts('[data-qa="timeline-item"]').map((_i, el) => contacts(el).attr('data-type')).get()).toEqual(['contact']);
    expect((await agent.get('/tenancies/TEN-N001/timeline?type=bogus')).status).toBe(200);
  });
});

describe('GET /tenancies/{ref}: three round trips, the account\'s reads and their audit in one', () => {
  let t: WebTestApp;
  const { batches, wrapDb } = appBatches();
  beforeAll(async () => {
    t = await createWebTestApp({}, { wrapDb });
  });
  afterAll(async () => t.close());

  it("sends the session's read with the business date's, then the tenancy's, then the account's nine reads and the audit of them as one batch", async () => {
    const { agent } = await t.signIn('officer.northgate');
    batches.length = 0;
    expect((await agent.get('/tenancies/TEN-N002')).status).toBe(200);
    expect(batches).toHaveLength(2);
    const [first, batch] = batches;
    expect(first).toHaveLength(2);
    expect(first!.filter((sql) => /FROM web_sessions/.test(sql))).toHaveLength(1);
    expect(first!.filter((sql) => /max\(as_of\)/.test(sql))).toHaveLength(1);
    expect(batch).toHaveLength(10);
    expect(batch!.filter((sql) => sql.includes('INSERT INTO audit_log'))).toHaveLength(1);
    expect(batch!.filter((sql) => sql.includes('FROM ledger_transactions'))).toHaveLength(2); // the recent lines and the sums before them
    const audited = await t.db.query(`SELECT actor, details FROM audit_log WHERE tenancy_id = $1 AND entity = 'tenancy' ORDER BY id DESC LIMIT 1`, [t.seed.tenancies['TEN-N002']]);
    expect(audited).toEqual([{ actor: 'officer.northgate', details: { page: 'account' } }]);
  });
});
