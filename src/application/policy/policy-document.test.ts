import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_DOCUMENT } from '../../domain/policy';
import { checkPolicyDocument } from './policy-document';

describe('checkPolicyDocument', () => {
  it('accepts the default document and a small one', () => {
    expect(checkPolicyDocument(JSON.parse(JSON.stringify(DEFAULT_POLICY_DOCUMENT)))).toMatchObject({ ok: true });
    const small = checkPolicyDocument({ version: 2, name: 'Ours', parameters: { claimThresholdWeeks: 7.5 } });
    expect(small).toEqual({ ok: true, document: { version: 2, name: 'Ours', parameters: { claimThresholdWeeks: 7.5 }, overrides: [] } });
  });

  it.each([
    [{ breathingSpace: false }, 'parameters.breathingSpace'],
    [{ preActionProtocol: { skip: true } }, 'parameters.preActionProtocol'],
    [{ claimChecklist: [] }, 'parameters.claimChecklist'],
    [{ noticeValidity: 6 }, 'parameters.noticeValidity'],
    [{ benefitClaimHold: false }, 'parameters.benefitClaimHold'],
  ])('refuses a ⚖ guardrail %j', (parameters, path) => {
    const result = checkPolicyDocument({ version: 2, name: 'x', parameters });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.path).toBe(path);
      expect(result.errors[0]?.message).toMatch(/^⚖ guardrail ".*" .*cannot be changed by a policy document$/);
    }
  });

  it('refuses a guardrail in an override and at the top level', () => {
    const result = checkPolicyDocument({
      version: 2,
      name: 'x',
      breathingSpace: {},
      overrides: [{ tenure: 'assured', parameters: { disputeOpen: false } }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(['breathingSpace', 'overrides[0].parameters.disputeOpen']);
  });

  it('refuses unknown keys, naming what is allowed', () => {
    const result = checkPolicyDocument({ version: 2, name: 'x', parameters: { hbGrace: 3 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.path).toBe('parameters.hbGrace');
      expect(result.errors[0]?.message).toContain('housingBenefitGraceDays');
      expect(result.errors[0]?.message).toContain('⚖ guardrail cannot be changed by a policy document');
    }
  });

  it.each([
    [{ version: 0, name: 'x' }, 'version'],
    [{ version: 1, name: '' }, 'name'],
    [{ version: 1, name: 'x', parameters: { housingBenefitGraceDays: 2.5 } }, 'parameters.housingBenefitGraceDays'],
    [{ version: 1, name: 'x', parameters: { claimThresholdWeeks: 8.125 } }, 'parameters.claimThresholdWeeks'],
    [{ version: 1, name: 'x', parameters: { regularPayerMinimumPercent: 120 } }, 'parameters.regularPayerMinimumPercent'],
    [{ version: 1, name: 'x', parameters: { section8SwitchOverDate: '2027-02-30' } }, 'parameters.section8SwitchOverDate'],
    [{ version: 1, name: 'x', parameters: { noticeChecklist: ['initial_contact', 'coffee'] } }, 'parameters.noticeChecklist[1]'],
    [{ version: 1, name: 'x', parameters: { ladder: [{ action: 'send_letter_1', minWeeksInArrears: 1, minDaysSincePrevious: null }] } }, 'parameters.ladder[0].action'],
    [{ version: 1, name: 'x', overrides: [{ tenure: 'freehold', parameters: {} }] }, 'overrides[0].tenure'],
  ])('refuses %j at %s', (json, path) => {
    const result = checkPolicyDocument(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(path);
  });
});
