import { describe, expect, it } from 'vitest';
import { advanceStage, LEGAL_STAGES, LEGAL_TRANSITIONS, legalStageOf, legalStagesMermaid, NEXT_STEP } from './legal-case-stages';

describe('legal case stages', () => {
  it.each([
    ['pre_action', { type: 'notice_served' }, 'notice_served'],
    ['pre_action', { type: 'claim_issued' }, null], // no claim without a notice
    ['notice_served', { type: 'claim_issued' }, 'claim_issued'],
    ['claim_issued', { type: 'court_order', order: 'suspended' }, 'order_suspended'],
    ['claim_issued', { type: 'court_order', order: 'outright' }, 'order_made'],
    ['claim_issued', { type: 'court_order', order: 'dismissed' }, 'pre_action'],
    ['order_suspended', { type: 'warrant_requested' }, 'warrant_requested'],
    ['warrant_requested', { type: 'eviction_scheduled' }, 'eviction_scheduled'],
    ['eviction_scheduled', { type: 'eviction_cancelled' }, 'order_suspended'],
    ['pre_action', { type: 'warrant_requested' }, null],
  ] as const)('%s + %o → %s', (from, event, to) => {
    expect(advanceStage(from, event)).toBe(to);
  });

  it('folds a case history', () => {
    expect(
      legalStageOf([
        { date: '2026-03-01', type: 'notice_served' },
        { date: '2026-05-01', type: 'claim_issued', hearingDate: '2026-06-10' },
        { date: '2026-06-10', type: 'court_order', order: 'suspended' },
      ]),
    ).toBe('order_suspended');
  });

  it('every stage is reachable, has a next step, and appears in the diagram', () => {
    const reachable = new Set(['pre_action', ...LEGAL_TRANSITIONS.map((t) => t.to)]);
    const diagram = legalStagesMermaid();
    for (const s of LEGAL_STAGES) {
      expect(reachable.has(s)).toBe(true);
      expect(NEXT_STEP[s]).toBeTruthy();
      expect(diagram).toContain(s);
    }
  });
});
