import { describe, expect, it } from 'vitest';
import { needsAPerson } from './caseload';

describe('caseload', () => {
  it.each([
    ['none', false],
    ['monitor', false],
    ['monitor_arrangement', false],
    ['monitor_notice', false],
    ['monitor_order', false],
    ['send_letter_1', true],
    ['review_arrangement', true],
    ['apply_for_possession', true],
    ['hold', true],
    ['request_managed_payment', true],
  ])('%s needs a person: %s', (action, expected) => {
    expect(needsAPerson(action)).toBe(expected);
  });
});
