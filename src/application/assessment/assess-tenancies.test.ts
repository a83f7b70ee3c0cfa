import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_DOCUMENT, type PolicyDocument } from '../../domain/policy';
import type { CaseData } from '../../persistence/stores/case-data-store';
import { stagedAssessmentLine } from '../../persistence/stores/assessment-store';
import { assessCaseData, assessInSlices, type ActivePolicy } from './assess-tenancies';

const policy: ActivePolicy = { version: 1, document: DEFAULT_POLICY_DOCUMENT as PolicyDocument };

/** An account charged £100 a week from 2026-01-05 that has paid `paidPence` in all. */
function caseData(id: number, paidPence: number): CaseData {
  const transactions: CaseData['transactions'] = [];
  for (let week = 0; week < 46; week++) {
    const monday = new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10);
    transactions.push({ id: 2 * week + 1, business_date: monday, kind: 'charge', method: null, amount_pence: 10000, period_from: null, period_to: null, note: null, sub_account: 'rent', reverses_id: null, reason: null });
  }
  transactions.push({ id: 1000, business_date: '2026-11-02', kind: 'payment', method: 'debit_card', amount_pence: -paidPence, period_from: null, period_to: null, note: null, sub_account: 'rent', reverses_id: null, reason: null });
  return {
    tenancy: { id, ref: `TEN-${id}`, payment_reference: `PR${id}`, tenure: 'secure', landlord_type: 'local_authority', start_date: '2026-01-05', end_date: null, end_reason: null, rent_frequency: 'weekly', address: `${id} High Street`, postcode: null, patch_id: 1, patch_name: 'North' },
    tenants: [{ name: `Tenant ${id}`, has_forwarding_address: false }],
    charges: [{ sub_account: 'rent', effective_from: '2026-01-05', weekly_pence: 10000 }],
    rentFreeWeeks: [],
    transactions,
    benefits: [],
    events: [],
  };
}

describe('assessInSlices: a pipelined batch assessed a slice at a time', () => {
  // Paid in full, a week behind, five weeks behind, ten weeks behind: different actions.
  const cases = Array.from({ length: 130 }, (_, i) => caseData(i + 1, [460000, 450000, 410000, 360000][i % 4]!));

  it('gives exactly what assessing the batch at once gives: the same rows, staged in the same order, the same counts', async () => {
    const whole = assessCaseData(cases, '2026-11-23', 'daily', policy, 7);
    const sliced = await assessInSlices(cases, '2026-11-23', 'daily', policy, 7);
    expect(Buffer.concat(sliced.staged).toString('utf8')).toBe(whole.rows.map(stagedAssessmentLine).join(''));
    expect(sliced.staged).toHaveLength(3); // one buffer a slice
    expect(sliced.assessed).toBe(130);
    expect(sliced.byAction).toEqual(whole.byAction);
    expect(Object.keys(whole.byAction).length).toBeGreaterThan(1);
  });

  it('gives the event loop turns while it assesses, so replies for the next batch are handled meanwhile', async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await assessInSlices(cases, '2026-11-23', 'daily', policy, null);
    running = false;
    expect(turns).toBeGreaterThanOrEqual(3); // 130 cases: three slices of at most 50
  });
});
