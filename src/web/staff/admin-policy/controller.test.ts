import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';
import { DEFAULT_POLICY_DOCUMENT } from '../../../domain/policy';
import { latestPolicyVersion } from '../../../persistence/stores/policy-store';

describe('/admin/policy', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it('applies a valid new version, and refuses bad JSON, unknown keys, guardrails and an old version number', async () => {
    const admin = await t.signIn('admin');
    const post = (document: string, note = 'Test change') => admin.post('/admin/policy', { document, note });
    expect((await post('{nope')).text).toContain('must be valid JSON');
    const guardrail = await post(JSON.stringify({ ...DEFAULT_POLICY_DOCUMENT, version: 2, parameters: { breathingSpace: false } }));
    expect(guardrail.status).toBe(400);
    expect(guardrail.text).toContain('parameters.breathingSpace');
    expect((await post(JSON.stringify({ ...DEFAULT_POLICY_DOCUMENT, version: 1 }))).text).toContain('must be higher than 1');
    expect((await post(JSON.stringify({ ...DEFAULT_POLICY_DOCUMENT, version: 2 }), '')).text).toContain('Enter what changed and why');
    const ok = await post(JSON.stringify({ ...DEFAULT_POLICY_DOCUMENT, version: 2, parameters: { housingBenefitGraceDays: 10 } }), 'Longer HB grace');
    expect(ok.status).toBe(303);
    const latest = await latestPolicyVersion(t.db);
    expect(latest).toMatchObject({ version: 2, applied_by: 'admin', note: 'Longer HB grace' });
    expect((await admin.agent.get('/admin/policy')).text).toContain('In force: version 2');
  });
});
