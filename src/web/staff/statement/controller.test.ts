import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';

describe('GET /tenancies/{ref}/statement', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it('gives the 13-week statement as CSV with a running balance', async () => {
    const { agent } = await t.signIn('officer.southbank');
    const res = await agent.get('/tenancies/TEN-N001/statement?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="statement-TEN-N001-2026-11-23\.csv"/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('date,description,sub_account,debit,credit,balance');
    expect(lines.at(-1)).toMatch(/,200\.00$/);
  });

  it('gives a PDF, an explicit period, and refuses a bad format or dates (400) or an unknown ref (404)', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const pdf = await agent.get('/tenancies/TEN-N001/statement?format=pdf').buffer(true);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await agent.get('/tenancies/TEN-N001/statement?format=csv&from=2026-11-01&to=2026-11-23')).text.split('\r\n')[1]).toContain('2026-11-01');
    expect((await agent.get('/tenancies/TEN-N001/statement?format=xls')).status).toBe(400);
    expect((await agent.get('/tenancies/TEN-N001/statement?format=csv&from=2026-13-01')).status).toBe(400);
    expect((await agent.get('/tenancies/NOPE/statement?format=csv')).status).toBe(404);
    const audited = await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'statement'`);
    expect(audited.length).toBeGreaterThan(1);
  });
});
