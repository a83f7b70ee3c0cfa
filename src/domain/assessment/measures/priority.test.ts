import { describe, expect, it } from 'vitest';
import type { ActionCode } from '../types';
import { computePriority, type PriorityInput } from './priority';

const base: PriorityInput = { action: 'monitor', weeksHundredths: 0, asOfDay: 1000, noticeExpiresDay: null, balancePence: 0, balance28DaysAgoPence: 0, hasVulnerability: false };

describe('priority', () => {
  it.each<[string, Partial<PriorityInput>, number]>([
    ['none is 0 whatever else', { action: 'none', weeksHundredths: 500, hasVulnerability: true }, 0],
    ['weeks × 6 on the 2-decimal value: 1.08 → 6.48 → 6', { weeksHundredths: 108 }, 6],
    ['0.25 × 6 = 1.5 → 2 (half-up)', { weeksHundredths: 25 }, 2],
    ['capped at 60 by arrears', { weeksHundredths: 2530 }, 60],
    ['+15 for apply_for_warrant', { action: 'apply_for_warrant' }, 15],
    ['+15 for prepare_hearing', { action: 'prepare_hearing' }, 15],
    ['no +15 for apply_for_possession', { action: 'apply_for_possession' }, 0],
    ['+10 for a notice expiring on asOf', { noticeExpiresDay: 1000 }, 10],
    ['+10 for a notice expiring in 56 days', { noticeExpiresDay: 1056 }, 10],
    ['no +10 at 57 days', { noticeExpiresDay: 1057 }, 0],
    ['no +10 for an expired notice', { noticeExpiresDay: 999 }, 0],
    ['+10 for a rising balance', { balancePence: 2, balance28DaysAgoPence: 1 }, 10],
    ['no +10 for a flat balance', { balancePence: 2, balance28DaysAgoPence: 2 }, 0],
    ['+5 for a vulnerability', { hasVulnerability: true }, 5],
    ['capped at 100', { action: 'prepare_eviction' as ActionCode, weeksHundredths: 5000, noticeExpiresDay: 1001, balancePence: 9, hasVulnerability: true }, 100],
  ])('%s', (_name, input, expected) => {
    expect(computePriority({ ...base, ...input }).priority).toBe(expected);
  });
});
