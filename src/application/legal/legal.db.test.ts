import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWeb, type SeededWeb } from '../../../test/support/seed-web';
import { pdfText } from '../../../test/support/pdf-text';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../../persistence/database';
import { decideApproval, insertApproval } from '../../persistence/stores/approval-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { findLetter } from '../../persistence/stores/letter-store';
import type { CaseContext } from '../case-events/case-access';
import { renderLetterPdf } from '../letters/render-letter-pdf';
import type { Letter } from '../letters/letter';
import { openTasksOf } from '../tasks/tasks';
import type { Actor } from '../users/permissions';
import { recordClaimIssued, recordPreActionItem, recordPsedAssessment, prepareNotice, sendPreIssueWarning, serveNotice } from './legal-actions';
import { claimGateFor, legalSituation } from './legal-case';

describe('the legal pipeline up to the claim (application, on the database)', () => {
  let db: Db;
  let seed: SeededWeb;
  let ctx: CaseContext;
  beforeEach(async () => {
    db = await createTestDatabase();
    seed = await seedWeb(db);
    const actor: Actor = { id: seed.users.officerNorth.id, username: 'officer.northgate', displayName: 'Olive Officer', role: 'officer', extraRoles: [], patchId: seed.patches.north, patchName: 'Northgate' };
    ctx = { db, actor, audit: { actor: actor.username, origin: null, now: new Date('2026-11-23T10:00:00Z') }, today: '2026-11-23' };
  });
  afterEach(async () => db.close());

  const psed = (stage: 'notice' | 'claim', date = '2026-11-23') =>
    recordPsedAssessment(ctx, stage === 'notice' ? 'TEN-N001' : 'TEN-N002', { stage, date, considered: ['disability'], consideredNotes: 'Anxiety', adjustments: 'Email contact', reasoning: 'Proportionate after support offered', decision: 'proceed' });

  it('serves a notice only with a notice-stage PSED and no guardrail, applying deemed service, and stores the PDF', async () => {
    const request = { actedOn: '2026-11-23', method: 'first_class_post' as const };
    const first = await prepareNotice(ctx, 'TEN-N001', request);
    expect(first).toMatchObject({ draft: { type: 'nosp', servedOn: '2026-11-25', earliestProceedingsDate: '2026-12-28', expiresOn: '2027-12-28', grounds: ['1'] } });
    const refusals = (first as { refusals: string[] }).refusals;
    expect(refusals.join(' ')).toContain('vulnerability'); // seeded vulnerability with no review
    expect(refusals.join(' ')).toContain('No equality and proportionality assessment (notice stage)');
    expect(await serveNotice(ctx, 'TEN-N001', request)).toMatchObject({ kind: 'refused' });

    await psed('notice');
    await appendCaseEvents(db, [{ tenancyId: seed.tenancies['TEN-N001']!, eventDate: '2026-11-23', type: 'vulnerability_review', recordedBy: 'officer.northgate' }]);
    // The Protocol notice checklist (policy noticeChecklist) is not done: refused, the missing items named.
    const checklistRefused = await serveNotice(ctx, 'TEN-N001', request);
    expect(checklistRefused).toMatchObject({ kind: 'refused' });
    const why = (checklistRefused as { reasons: string[] }).reasons.join(' ');
    expect(why).toContain('Protocol notice checklist is not complete');
    expect(why).toContain('Initial contact about the arrears');
    expect(why).toContain('Income and expenditure assessment offered');
    expect(why).toContain('Help with benefit claims offered');
    for (const item of ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'] as const) {
      expect(await recordPreActionItem(ctx, 'TEN-N001', { item, date: '2026-11-23', evidence: { kind: 'statement', id: '2026-11-23' }, note: null })).toMatchObject({ kind: 'recorded' });
    }
    const served = await serveNotice(ctx, 'TEN-N001', request);
    expect(served).toMatchObject({ kind: 'recorded', draft: { servedOn: '2026-11-25', earliestProceedingsDate: '2026-12-28' } });
    const [event] = await db.query<{ event_date: string; details: Record<string, unknown>; recorded_by: string }>(`SELECT event_date, details, recorded_by FROM case_events WHERE type = 'notice_served' AND tenancy_id = $1`, [seed.tenancies['TEN-N001']]);
    expect(event).toMatchObject({ event_date: '2026-11-25', details: { notice: 'nosp', method: 'first_class_post', earliestProceedingsDate: '2026-12-28' }, recorded_by: 'officer.northgate' });
    const letter = await findLetter(db, (served as { letterId: number }).letterId);
    const text = pdfText(await renderLetterPdf((letter!.content as { letter: Letter }).letter, { compress: false }));
    expect(text).toContain('Alice Smith');
    expect(text).toContain('12 Example Road');
    expect(text).toContain('£200.00');
    expect(text).toContain('28 December 2026');
    const situation = await legalSituation(db, seed.tenancies['TEN-N001']!, '2026-12-28');
    expect(situation.stage).toBe('notice_served');
    expect(situation.claimGate.noticeValidity).toBe('valid');
  });

  it('refuses the claim with every missing item, then records it once the gate is open', async () => {
    const id = seed.tenancies['TEN-N002']!;
    const before = await claimGateFor(db, id, '2026-11-23');
    expect(before.open).toBe(false);
    expect(before.missingItems).toEqual(['initial_contact', 'income_expenditure_offered', 'rent_statement_sent', 'benefit_advice_given', 'debt_advice_referral', 'post_notice_contact']);
    const claim = { issuedOn: '2026-12-14', claimNumber: 'K00NT123', court: 'Northtown County Court', hearingDate: '2027-01-20' };
    const refused = await recordClaimIssued(ctx, 'TEN-N002', claim);
    expect(refused).toMatchObject({ kind: 'refused' });
    expect((refused as { reasons: string[] }).reasons.join('\n')).toContain('A manager has not approved');

    const [contactId] = await appendCaseEvents(db, [{ tenancyId: id, eventDate: '2026-10-05', type: 'contact', details: { channel: 'phone', outcome: 'spoke' } }]);
    const evidence = { kind: 'contact', id: String(contactId) };
    for (const item of ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given', 'debt_advice_referral', 'post_notice_contact'] as const) {
      expect(await recordPreActionItem(ctx, 'TEN-N002', { item, date: '2026-10-05', evidence, note: null })).toMatchObject({ kind: 'recorded' });
    }
    expect(await recordPreActionItem(ctx, 'TEN-N002', { item: 'rent_statement_sent', date: '2026-11-20', evidence: { kind: 'letter', id: '999' }, note: null })).toMatchObject({ kind: 'bad_evidence' });
    await recordPreActionItem(ctx, 'TEN-N002', { item: 'rent_statement_sent', date: '2026-11-20', evidence: { kind: 'statement', id: '2026-11-20' }, note: null });
    // An arrangement in the episode makes the warning (with its time limit) a required item.
    await appendCaseEvents(db, [{ tenancyId: id, eventDate: '2026-10-12', type: 'arrangement', details: { instalmentPence: 500, frequency: 'weekly' } }]);
    expect((await claimGateFor(db, id, '2026-12-14')).missingItems).toEqual(['pre_issue_warning']);
    const warning = await sendPreIssueWarning(ctx, 'TEN-N002', { date: '2026-11-23', timeLimitDays: 14 });
    expect(warning).toMatchObject({ kind: 'recorded', deadline: '2026-12-07' });
    const tasks = await openTasksOf(db, id);
    expect(tasks.find((t) => t.kind === 'pre_issue_warning_expiry')).toMatchObject({ due_on: '2026-12-07' });
    const warningLetter = await findLetter(db, (warning as { letterId: number }).letterId);
    const warningText = pdfText(await renderLetterPdf((warningLetter!.content as { letter: Letter }).letter, { compress: false }));
    expect(warningText).toContain('Bob Jones');
    expect(warningText).toContain('Carol Jones');
    expect(warningText).toContain('7 December 2026');

    await psed('claim');
    const approvalId = await insertApproval(db, { tenancyId: id, action: 'apply_for_possession', assessmentId: null, recommendedAction: 'apply_for_possession', requestedBy: seed.users.officerNorth.id, note: null, at: new Date('2026-11-23T09:00:00Z') });
    // Decided on the workspace's day, 23 November, at a moment the clock already read 30 November: the gate
    // goes by the business day of the decision (it went by the clock's day, and refused the claim until then).
    await decideApproval(db, { id: approvalId!, status: 'approved', decidedBy: seed.users.manager.id, reason: null, at: new Date('2026-11-30T11:00:00Z'), on: '2026-11-23', actionEventId: null });
    expect((await claimGateFor(db, id, '2026-11-22')).reasons.join(' ')).toContain('A manager has not approved');
    expect((await claimGateFor(db, id, '2026-11-23')).reasons.join(' ')).not.toContain('A manager has not approved');
    expect((await claimGateFor(db, id, '2026-12-06')).reasons.join(' ')).toContain('the claim can be issued from 2026-12-07');
    const gate = await claimGateFor(db, id, '2026-12-14');
    expect(gate).toMatchObject({ open: true, reasons: [] });
    expect(await recordClaimIssued(ctx, 'TEN-N002', claim)).toMatchObject({ kind: 'recorded' });
    // The hearing date came with the claim: the statement task is raised at once, 10 days before.
    const statementTasks = await db.query<{ kind: string; due_on: string }>(`SELECT kind, due_on::text AS due_on FROM tasks WHERE tenancy_id = $1 AND kind = 'hearing_statement_due'`, [id]);
    expect(statementTasks).toEqual([{ kind: 'hearing_statement_due', due_on: '2027-01-10' }]);
    const situation = await legalSituation(db, id, '2026-12-14');
    expect(situation.stage).toBe('hearing_listed');
  });

  it('refuses the claim during a breathing space, naming it', async () => {
    const id = seed.tenancies['TEN-N002']!;
    await appendCaseEvents(db, [{ tenancyId: id, eventDate: '2026-11-20', type: 'breathing_space', details: { kind: 'standard' } }]);
    const gate = await claimGateFor(db, id, '2026-11-23');
    expect(gate.guardrails.map((g) => g.code)).toContain('breathing_space');
    expect(gate.reasons.join(' ')).toContain('breathing space');
  });

  it('serves a section 128 notice on an introductory tenancy with the review right and dates in the PDF', async () => {
    const senior: CaseContext = { ...ctx, actor: { ...ctx.actor, id: seed.users.senior.id, username: 'senior', displayName: 'Sam Senior', role: 'senior_officer', patchId: null, patchName: null } };
    await recordPsedAssessment(senior, 'TEN-S002', { stage: 'notice', date: '2026-11-23', considered: [], consideredNotes: '', adjustments: 'None needed', reasoning: 'Proportionate', decision: 'proceed' });
    for (const item of ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'] as const) {
      await recordPreActionItem(senior, 'TEN-S002', { item, date: '2026-11-20', evidence: { kind: 'statement', id: '2026-11-20' }, note: null });
    }
    const served = await serveNotice(senior, 'TEN-S002', { actedOn: '2026-11-21', method: 'left_at_property' }); // a Saturday: served Monday
    expect(served).toMatchObject({ kind: 'recorded', draft: { type: 'section_128', servedOn: '2026-11-23', earliestProceedingsDate: '2026-12-21', expiresOn: null, grounds: [] } });
    const letter = await findLetter(db, (served as { letterId: number }).letterId);
    const text = pdfText(await renderLetterPdf((letter!.content as { letter: Letter }).letter, { compress: false })).replace(/\s+/g, ' ');
    expect(text).toContain('right to a review');
    expect(text).toContain('7 December 2026');
    expect(text).toContain('21 December 2026');
  });

  it('refuses officers acting off their patch', async () => {
    expect(await recordClaimIssued(ctx, 'TEN-S001', { issuedOn: '2026-11-23', claimNumber: 'X', court: 'Y', hearingDate: null })).toEqual({ kind: 'forbidden' });
  });
});
