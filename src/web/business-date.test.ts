import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../persistence/database';
import { watchingQueries } from '../../test/support/recorded-statements';
import { createWebTestApp, type WebTestApp } from '../../test/support/web-test-app';

/**
 * A page's business date is the one read with its session, in the same round trip (`sessions`' businessDate,
 * `todayOf`): no page reads it again on its own, so one request shows one date and spends no round trip on it.
 */
const BUSINESS_DATE = /max\(as_of\)/;

const PAGES: [user: string, path: string][] = [
  ['officer.northgate', '/worklist'],
  ['officer.northgate', '/worklist/tasks'],
  ['officer.northgate', '/tenancies/TEN-N001'],
  ['officer.northgate', '/tenancies/TEN-N001/timeline'],
  ['officer.northgate', '/tenancies/TEN-N001/household'],
  ['officer.northgate', '/tenancies/TEN-N001/money'],
  ['officer.northgate', '/tenancies/TEN-N001/benefits'],
  ['officer.northgate', '/tenancies/TEN-N001/legal'],
  ['officer.northgate', '/tenancies/TEN-N001/court'],
  ['officer.northgate', '/tenancies/TEN-N001/court/order?type=outright'],
  ['officer.northgate', '/tenancies/TEN-N001/court/outcome?outcome=adjourned'],
  ['officer.northgate', '/tenancies/TEN-N001/direct-debits'],
  ['officer.northgate', '/tenancies/TEN-N001/direct-debits/new'],
  ['officer.northgate', '/tenancies/TEN-N001/record/contact'],
  ['senior', '/rent-change'],
  ['manager', '/approvals'],
];

describe('the business date, read once a request with the session', () => {
  let t: WebTestApp;
  const statements: string[] = [];
  // Every statement the app sends, alone or in a batch.
  const recording = (db: Db): Db => watchingQueries(db, ({ sql }) => statements.push(sql));
  beforeAll(async () => {
    t = await createWebTestApp({}, { wrapDb: recording });
  });
  afterAll(async () => t.close());

  it.each(PAGES)('%s: GET %s reads it once', async (user, path) => {
    const { agent } = await t.signIn(user);
    statements.length = 0;
    const res = await agent.get(path);
    expect(res.status).toBe(200);
    expect(statements.filter((sql) => BUSINESS_DATE.test(sql))).toHaveLength(1);
  });
});
