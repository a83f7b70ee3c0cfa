import { describe, expect, it } from 'vitest';
import { anArrearsCase } from '../../../test/builders/case-file';
import { isMonday } from '../calendar/business-date';
import { proposeNotice } from '../assessment/propose-notice';
import type { Tenure } from '../case-file/case-file';
import { deemedServiceDate, noticeValidityOn, type ServiceMethod } from './notice-service';
import { claimGate, noticeGate, protocolChecklist, type ClaimGateInput, type GateEvent } from './protocol-gate';
import { latestPsedFor } from './psed';

describe('deemed service (domain reference §1 "Service"; CPR 6.26)', () => {
  const cases: [string, ServiceMethod, string][] = [
    ['2026-03-04', 'hand', '2026-03-04'],
    ['2026-03-07', 'hand', '2026-03-07'],
    ['2026-03-04', 'left_at_property', '2026-03-04'],
    ['2026-03-07', 'left_at_property', '2026-03-09'],
    ['2026-03-08', 'left_at_property', '2026-03-09'],
    ['2026-03-04', 'first_class_post', '2026-03-06'],
    ['2026-03-05', 'first_class_post', '2026-03-09'],
    ['2026-03-06', 'first_class_post', '2026-03-10'],
    ['2026-03-07', 'first_class_post', '2026-03-10'],
    // Bank holidays are not business days (CPR 6.2(b)): Christmas Day Fri 25 Dec, Boxing Day moved to Mon 28 Dec 2026.
    ['2026-12-24', 'first_class_post', '2026-12-30'],
    ['2026-12-23', 'first_class_post', '2026-12-29'],
    ['2026-12-25', 'left_at_property', '2026-12-29'],
    ['2026-08-31', 'left_at_property', '2026-09-01'],
    ['2026-08-28', 'first_class_post', '2026-09-02'],
    ['2026-12-25', 'hand', '2026-12-25'],
  ];
  it.each(cases)('acted on %s by %s → served %s', (actedOn, method, servedOn) => {
    expect(deemedServiceDate(actedOn, method)).toBe(servedOn);
  });
});

describe('notice dates for every tenure (recovery policy §2), with deemed service', () => {
  // Weekly tenancy from Monday 2020-01-06: periods start on Mondays.
  const cases: [Tenure, string, ServiceMethod, string, string, string | null][] = [
    ['secure', '2026-03-04', 'hand', 'nosp', '2026-04-06', '2027-04-06'],
    ['flexible', '2026-03-04', 'first_class_post', 'nosp', '2026-04-06', '2027-04-06'],
    ['secure', '2026-03-06', 'first_class_post', 'nosp', '2026-04-13', '2027-04-13'],
    ['secure', '2026-03-07', 'left_at_property', 'nosp', '2026-04-06', '2027-04-06'], // served Mon 9 Mar: S+28 is a Monday
    ['introductory', '2026-03-04', 'hand', 'section_128', '2026-04-06', null],
    ['introductory', '2026-03-06', 'first_class_post', 'section_128', '2026-04-13', null],
    ['assured', '2026-03-04', 'hand', 'section_8', '2026-03-18', '2027-03-04'],
    ['starter', '2026-03-04', 'first_class_post', 'section_8', '2026-03-20', '2027-03-06'],
    ['licence', '2026-03-04', 'hand', 'notice_to_quit', '2026-04-06', null],
    ['non_secure', '2026-03-06', 'first_class_post', 'notice_to_quit', '2026-04-13', null],
  ];
  it.each(cases)('%s, acted on %s by %s: %s, earliest %s, expires %s', (tenure, actedOn, method, type, earliest, expires) => {
    const servedOn = deemedServiceDate(actedOn, method);
    const proposed = proposeNotice(anArrearsCase({ asOf: servedOn, tenancy: { tenure } }));
    expect(proposed).toMatchObject({ type, servedOn, earliestProceedingsDate: earliest, expiresOn: expires });
    if (type !== 'section_8') expect(isMonday(earliest)).toBe(true);
  });

  it('a monthly tenancy: at least one full period after service, on a period start', () => {
    const proposed = proposeNotice(anArrearsCase({ asOf: '2026-03-04', tenancy: { tenure: 'secure', rentFrequency: 'monthly' } }));
    expect(proposed).toMatchObject({ earliestProceedingsDate: '2026-04-06', expiresOn: '2027-04-06' });
  });
});

describe('notice validity on a day (recovery policy §2; 12 months)', () => {
  const nosp = { earliestProceedingsDate: '2026-04-06', expiresOn: '2027-04-06' };
  const cases: [string, { earliestProceedingsDate: string; expiresOn: string | null }, string][] = [
    ['2026-04-05', nosp, 'not_yet_valid'],
    ['2026-04-06', nosp, 'valid'],
    ['2027-04-06', nosp, 'valid'],
    ['2027-04-07', nosp, 'expired'],
    ['2030-01-01', { earliestProceedingsDate: '2026-04-06', expiresOn: null }, 'valid'],
  ];
  it.each(cases)('on %s', (asOf, notice, validity) => expect(noticeValidityOn(notice, asOf)).toBe(validity));
});

const ALL_ITEMS = ['initial_contact', 'income_expenditure_offered', 'rent_statement_sent', 'benefit_advice_given', 'debt_advice_referral', 'post_notice_contact', 'pre_issue_warning'] as const;
const AS_OF = '2026-11-23';
const item = (name: string, date: string, id = 1): GateEvent => ({ type: 'pre_action', date, item: name, evidence: { kind: 'letter', id: String(id) } });

function openInput(overrides: Partial<ClaimGateInput> = {}, drop: string[] = []): ClaimGateInput {
  const events: GateEvent[] = [
    { type: 'notice_served', date: '2026-09-01' },
    { type: 'arrangement', date: '2026-09-10' },
    item('initial_contact', '2026-08-10'),
    item('income_expenditure_offered', '2026-08-11'),
    item('rent_statement_sent', '2026-10-01'),
    item('benefit_advice_given', '2026-08-12'),
    item('debt_advice_referral', '2026-08-12'),
    item('post_notice_contact', '2026-09-15'),
    item('pre_issue_warning', '2026-11-01'),
    { type: 'psed_assessment', date: '2026-11-20', stage: 'claim', decision: 'proceed' },
  ].filter((e) => !(e.type === 'pre_action' && drop.includes(e.item as string)));
  return {
    episodeStart: '2026-08-01',
    events,
    notice: { type: 'nosp', servedOn: '2026-09-01', earliestProceedingsDate: '2026-10-05', expiresOn: '2027-10-05' },
    guardrails: [],
    possessionApproved: true,
    preIssueWarningDays: 14,
    ...overrides,
  };
}

describe('claimGate (recovery policy §3, §5; domain reference §12)', () => {
  it('is open when every item, the notice, the PSED and the approval are in place', () => {
    expect(claimGate(openInput(), AS_OF)).toMatchObject({ open: true, missingItems: [], reasons: [], noticeValidity: 'valid' });
  });

  it.each(ALL_ITEMS.map((i) => [i]))('is closed while %s is missing, naming it', (missing) => {
    const gate = claimGate(openInput({}, [missing]), AS_OF);
    expect(gate.open).toBe(false);
    expect(gate.missingItems).toEqual([missing]);
    expect(gate.reasons).toHaveLength(1);
    expect(gate.reasons[0]).toContain('Pre-action step missing');
  });

  const closed: [string, Partial<ClaimGateInput>, string][] = [
    ['a breathing space', { guardrails: [{ code: 'breathing_space', because: 'a breathing space started 2026-11-01 is active until 2026-12-30' }] }, 'breathing space'],
    ['a dispute', { guardrails: [{ code: 'dispute_open', because: 'a dispute recorded 2026-11-02 is open' }] }, 'dispute'],
    ['a benefit claim hold', { guardrails: [{ code: 'benefit_claim_pending', because: 'a universal_credit claim is pending with evidence' }] }, 'universal_credit'],
    ['no notice', { notice: null }, 'No notice is in force'],
    ['a notice not yet valid', { notice: { type: 'nosp', servedOn: '2026-11-01', earliestProceedingsDate: '2026-12-07', expiresOn: '2027-12-07' } }, 'not valid until its earliest proceedings date, 2026-12-07'],
    ['an expired notice', { notice: { type: 'section_8', servedOn: '2025-09-01', earliestProceedingsDate: '2025-09-15', expiresOn: '2026-09-01' } }, 'expired on 2026-09-01'],
    ['no approval', { possessionApproved: false }, 'not approved applying for possession'],
    ['no episode', { episodeStart: null }, 'no real arrears'],
  ];
  it.each(closed)('is closed with %s', (_name, overrides, reason) => {
    const gate = claimGate(openInput(overrides), AS_OF);
    expect(gate.open).toBe(false);
    expect(gate.reasons.join(' | ')).toContain(reason);
  });

  it('needs a PSED for the claim stage deciding to proceed', () => {
    const without = openInput();
    without.events = without.events.filter((e) => e.type !== 'psed_assessment');
    expect(claimGate(without, AS_OF).reasons).toEqual(['No equality and proportionality assessment (claim stage) is recorded in this arrears episode']);
    const noticeOnly = openInput();
    noticeOnly.events = [...without.events, { type: 'psed_assessment', date: '2026-11-20', stage: 'notice', decision: 'proceed' }];
    expect(claimGate(noticeOnly, AS_OF).open).toBe(false);
    const declined = openInput();
    declined.events = [...without.events, { type: 'psed_assessment', date: '2026-11-21', stage: 'claim', decision: 'do_not_proceed' }];
    expect(claimGate(declined, AS_OF).reasons[0]).toContain('decided not to proceed');
  });

  it('does not count items recorded before the episode start', () => {
    const gate = claimGate(openInput({ episodeStart: '2026-08-11' }), AS_OF);
    expect(gate.missingItems).toEqual(['initial_contact']);
  });

  it('needs a statement in the last 91 days, contact after the notice, and a warning at least 14 days old', () => {
    const input = openInput();
    input.events = input.events.map((e) =>
      e.item === 'rent_statement_sent' ? { ...e, date: '2026-08-20' } : e.item === 'post_notice_contact' ? { ...e, date: '2026-08-30' } : e.item === 'pre_issue_warning' ? { ...e, date: '2026-11-10' } : e,
    );
    const gate = claimGate(input, AS_OF);
    expect(gate.missingItems).toEqual(['rent_statement_sent', 'post_notice_contact', 'pre_issue_warning']);
    expect(gate.reasons.join(' ')).toContain('the claim can be issued from 2026-11-24');
    expect(claimGate(input, '2026-11-24').missingItems).toContain('rent_statement_sent');
  });

  it('does not need the warning when no arrangement was made in the episode', () => {
    const input = openInput({}, ['pre_issue_warning']);
    input.events = input.events.filter((e) => e.type !== 'arrangement');
    const lines = protocolChecklist(input, AS_OF);
    expect(lines.find((l) => l.item === 'pre_issue_warning')).toMatchObject({ required: false, done: true });
    expect(claimGate(input, AS_OF).open).toBe(true);
  });

  it('shows each item with its evidence', () => {
    const lines = protocolChecklist(openInput(), AS_OF);
    expect(lines.map((l) => l.item)).toEqual([...ALL_ITEMS]);
    expect(lines[0]).toMatchObject({ done: true, doneOn: '2026-08-10', evidence: { kind: 'letter', id: '1' } });
  });
});

describe('noticeGate', () => {
  const base = { episodeStart: '2026-08-01', events: [{ type: 'psed_assessment', date: '2026-08-20', stage: 'notice', decision: 'proceed' }] as GateEvent[], guardrails: [] };
  it('is open with a notice-stage PSED and no guardrail', () => expect(noticeGate(base, '2026-09-01')).toEqual({ open: true, reasons: [], missingItems: [] }));
  const checklist = ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'] as const;
  const step = (item: string, date: string): GateEvent => ({ type: 'pre_action', date, item, evidence: { kind: 'letter', id: '1' } });
  it.each([
    ['nothing done', [], ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given']],
    ['one done', [step('initial_contact', '2026-08-10')], ['income_expenditure_offered', 'benefit_advice_given']],
    ['one done before the episode', [step('initial_contact', '2026-07-10')], ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given']],
    ['one done after asOf', [step('initial_contact', '2026-09-02')], ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given']],
    ['all done', checklist.map((i) => step(i, '2026-08-15')), []],
  ] as const)('the notice checklist (policy noticeChecklist): %s', (_why, steps, missing) => {
    const gate = noticeGate({ ...base, events: [...base.events, ...steps], noticeChecklist: checklist }, '2026-09-01');
    expect(gate.missingItems).toEqual(missing);
    expect(gate.open).toBe(missing.length === 0);
    if (missing.length > 0) expect(gate.reasons[0]).toContain('Protocol notice checklist is not complete');
  });
  it('is closed during a breathing space', () =>
    expect(noticeGate({ ...base, guardrails: [{ code: 'breathing_space', because: 'a breathing space is active' }] }, '2026-09-01').reasons).toEqual(['Guardrail: a breathing space is active']));
  it('is closed without a PSED in the episode', () => expect(noticeGate({ ...base, episodeStart: '2026-08-21' }, '2026-09-01').open).toBe(false));
  it('latestPsedFor takes the latest of the stage', () =>
    expect(latestPsedFor([...base.events, { type: 'psed_assessment', date: '2026-08-25', stage: 'notice', decision: 'do_not_proceed' }], 'notice')?.decision).toBe('do_not_proceed'));
});
