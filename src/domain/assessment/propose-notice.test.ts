import { describe, expect, it } from 'vitest';
import { aBreathingSpace, anArrearsCase, anEvent, aTransaction } from '../../../test/builders/case-file';
import { proposeNotice } from './propose-notice';

describe('proposeNotice', () => {
  it('gives the tenure’s notice, dates and grounds if served on asOf', () => {
    expect(proposeNotice(anArrearsCase())).toEqual({
      type: 'nosp',
      servedOn: '2026-03-04',
      earliestProceedingsDate: '2026-04-06',
      expiresOn: '2027-04-06',
      grounds: ['1'],
      arrearsPence: 100000,
      rentArrearsPence: 100000,
      blockedBy: [],
    });
  });

  it('measures section 8 grounds on rent arrears (court costs left out)', () => {
    const caseFile = anArrearsCase({ tenancy: { tenure: 'assured' }, transactions: [aTransaction('court_costs', '2026-03-03', 30000)], adjustPence: -30000 });
    expect(proposeNotice(caseFile)).toMatchObject({ type: 'section_8', grounds: ['10', '11'], arrearsPence: 100000, rentArrearsPence: 70000 });
  });

  it('names the guardrails that stop serving, and takes another type when asked', () => {
    const caseFile = anArrearsCase({ events: [aBreathingSpace('2026-03-01'), anEvent('dispute', '2026-02-01')] });
    expect(proposeNotice(caseFile, undefined, 'notice_to_quit')).toMatchObject({
      type: 'notice_to_quit',
      grounds: [],
      expiresOn: null,
      blockedBy: [{ code: 'breathing_space', until: '2026-04-29' }, { code: 'dispute_open' }],
    });
  });
});
