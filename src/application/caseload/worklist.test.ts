import { describe, expect, it } from 'vitest';
import { worklistNoticeOf } from './worklist';

const nosp = { type: 'nosp', servedOn: '2026-09-28', earliestProceedingsDate: '2026-10-26', expiresOn: '2027-10-26', valid: true };

describe('worklistNoticeOf (the stored assessment result.notice, validity on the day)', () => {
  it.each([
    ['before the earliest proceedings date', '2026-10-25', 'not_yet_valid'],
    ['on the earliest proceedings date', '2026-10-26', 'valid'],
    ['on the expiry date', '2027-10-26', 'valid'],
    ['after the expiry date', '2027-10-27', 'expired'],
  ] as const)('%s (%s) → %s', (_why, today, validity) => {
    expect(worklistNoticeOf({ notice: nosp }, today)).toEqual({ type: 'nosp', servedOn: '2026-09-28', earliestProceedingsDate: '2026-10-26', expiresOn: '2027-10-26', validity });
  });

  it('a notice that does not lapse stays valid', () => {
    expect(worklistNoticeOf({ notice: { ...nosp, type: 'section_128', expiresOn: null } }, '2030-01-01')?.validity).toBe('valid');
  });

  it.each([
    ['no notice', {}],
    ['a null notice', { notice: null }],
    ['a malformed notice', { notice: { type: 'nosp', servedOn: 'soon' } }],
  ])('%s → null', (_why, result) => {
    expect(worklistNoticeOf(result, '2026-11-23')).toBeNull();
  });
});
