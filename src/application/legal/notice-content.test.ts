import { describe, expect, it } from 'vitest';
import type { Letter } from '../letters/letter';
import type { NoticeDraft } from '../notices/draft-notice';
import { completeNoticeLetter } from './notice-content';

const letter: Letter = { title: 'Notice', date: '2026-11-23', recipients: ['Kim Lee'], address: null, reference: 'TEN-1', paragraphs: ['## Dates', 'x', '## What you should do', 'y'], signOff: 'z' };
const draft = (type: NoticeDraft['type']): NoticeDraft => ({ type, servedOn: '2026-11-23', earliestProceedingsDate: '2026-12-21', expiresOn: null, grounds: [], tenants: ['Kim Lee'], address: null, arrearsPence: 45000, rentArrearsPence: 45000 });

describe('completeNoticeLetter', () => {
  it('adds the reasons and the 14-day review right to a section 128 notice, before what to do', () => {
    const done = completeNoticeLetter(letter, draft('section_128'));
    const text = done.paragraphs.join('\n');
    expect(text).toContain('£450.00');
    expect(text).toContain('by 7 December 2026');
    expect(done.paragraphs.indexOf('## Your right to a review')).toBeLessThan(done.paragraphs.indexOf('## What you should do'));
    expect(done.figures).toEqual([{ label: 'Ask for a review by', value: '7 December 2026' }]);
  });

  it.each([['nosp'], ['section_8'], ['notice_to_quit']] as const)('leaves a %s notice as it is', (type) => {
    expect(completeNoticeLetter(letter, draft(type))).toBe(letter);
  });
});
