import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { anyPdfText } from '../support/pdf-text';
import { axeLog } from './support/axe-log';
import { watchConsole } from './support/browser';
import { seededAppInBrowser } from './support/seeded-app-in-browser';
import { download, saveEqualityAssessment } from './support/page-steps';

/**
 * The legal pipeline up to the claim in Chromium: PSED (notice) → notice prepared, previewed, recorded and
 * downloaded → a claim refused with the missing Protocol items → the items with evidence, the warning
 * letter, PSED (claim), a manager's approval → the claim recorded. axe on every page; one form without
 * JavaScript.
 */
describe('legal pipeline journey', () => {
  const { app, browser, signIn } = seededAppInBrowser();
  const { check, audited, expectNoViolations } = axeLog();

  async function recordPsed(page: Page, ref: string, stage: string): Promise<void> {
    await page.goto(`${app().url}/tenancies/${ref}/legal`);
    await page.click('[data-qa=record-psed]');
    await page.waitForURL(/\/legal\/psed$/);
    await check(page, `psed-form-${stage}`);
    await saveEqualityAssessment(page, stage, {
      adjustments: 'Letters in large print; support worker copied in',
      reasoning: 'Support and an arrangement were offered and refused; the step is proportionate',
    });
    await page.waitForURL(new RegExp(`/tenancies/${ref}/legal$`));
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('assessment recorded');
  }

  it('an officer serves a notice, is refused a claim, completes the Protocol and records the claim', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const consoleErrors = watchConsole(context);
    const page = await signIn(context, 'officer.northgate');

    // The legal page of a case with no notice.
    await page.goto(`${app().url}/tenancies/TEN-N003/legal`);
    expect(await page.locator('[data-qa=stage]').getAttribute('data-stage')).toBe('pre_action');
    expect(await page.locator('[data-qa=notice-gate]').textContent()).toContain('notice stage');
    await check(page, 'legal-no-notice');

    // PSED (notice); the notice is still refused until the Protocol notice checklist is done.
    await recordPsed(page, 'TEN-N003', 'notice');
    const gateText = await page.locator('[data-qa=notice-gate]').textContent();
    expect(gateText).toContain('Protocol notice checklist is not complete');
    expect(gateText).toContain('Initial contact about the arrears');
    for (const item of ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given']) {
      await page.check(`input[name=preItem][value=${item}]`);
      await page.check('input[name=evidenceKind][value=statement]');
      await page.fill('#evidenceId', '2026-11-23');
      await page.click('[data-qa=record-step]');
      await page.waitForURL(/\/tenancies\/TEN-N003\/legal$/);
    }
    expect(await page.locator('[data-qa=notice-gate]').count()).toBe(0);

    // The notice: form → preview with the dates → record as served → PDF.
    await page.click('[data-qa=prepare-notice]');
    await page.waitForURL(/\/legal\/notice$/);
    expect(await page.locator('[data-qa=notice-type]').textContent()).toContain('section 8 notice');
    await check(page, 'notice-form');
    await page.click('[data-qa=preview-notice]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select how the notice was served');
    await check(page, 'notice-form-errors');
    await page.check('input[name=method][value=hand]');
    await page.click('[data-qa=preview-notice]');
    const preview = await page.locator('[data-qa=notice-preview]').textContent();
    expect(preview).toContain('Dev Patel');
    expect(preview).toContain('7 December 2026'); // S + 14 days
    expect(preview).toContain('23 November 2027'); // S + 12 months
    await check(page, 'notice-preview');
    await page.click('[data-qa=record-served]');
    await page.waitForURL(/\/tenancies\/TEN-N003\/legal$/);
    expect(await page.locator('[data-qa=notice-validity]').textContent()).toBe('Not yet valid');
    await check(page, 'legal-notice-served');
    const text = anyPdfText(await download(page, '[data-qa=notice-pdf]'));
    expect(text).toContain('Dev Patel');
    expect(text).toContain('7 Mill Lane');
    expect(text).toContain('£220.00');
    expect(text).toContain('7 December 2026');
    expect(text).toContain('Ground 10');

    // A claim on the possession case: refused with the missing items shown.
    await page.goto(`${app().url}/tenancies/TEN-N002/legal`);
    await check(page, 'legal-claim-case');
    await page.fill('#claimNumber', 'K00NT123');
    await page.fill('#court', 'Northtown County Court');
    await page.click('[data-qa=record-claim]');
    const refused = await page.locator('[data-qa=claim-refused]').textContent();
    expect(refused).toContain('initial contact about the arrears');
    expect(refused).toContain('contact after the notice was served');
    expect(refused).toContain('equality and proportionality assessment (claim stage)');
    expect(refused).toContain('A manager has not approved');
    await check(page, 'legal-claim-refused');

    // A contact to use as evidence, then the items.
    await page.goto(`${app().url}/tenancies/TEN-N002/record/contact`);
    await page.check('input[name=channel][value=phone]');
    await page.check('input[name=outcome][value=spoke]');
    await page.click('[data-qa=record-save]');
    await page.waitForURL(/\/timeline$/);
    await page.goto(`${app().url}/tenancies/TEN-N002/legal`);
    const contacts = await page.locator('[data-qa=evidence-contacts] li').allTextContents();
    const contactId = /^(\d+):/.exec(contacts.at(-1)!.trim())![1]!;
    const items: [string, string, string][] = [
      ['initial_contact', 'contact', contactId],
      ['income_expenditure_offered', 'contact', contactId],
      ['rent_statement_sent', 'statement', '2026-11-23'],
      ['benefit_advice_given', 'contact', contactId],
      ['debt_advice_referral', 'contact', contactId],
      ['post_notice_contact', 'contact', contactId],
    ];
    for (const [item, kind, id] of items) {
      await page.check(`input[name=preItem][value=${item}]`);
      await page.check(`input[name=evidenceKind][value=${kind}]`);
      await page.fill('#evidenceId', id);
      await page.click('[data-qa=record-step]');
      await page.waitForURL(/\/tenancies\/TEN-N002\/legal$/);
      expect(await page.locator(`[data-qa=checklist-item][data-item=${item}]`).getAttribute('data-status')).toBe('Done');
    }
    await check(page, 'legal-items-done');

    // The warning letter with its time limit (a task is raised for its end).
    await page.click('[data-qa=send-warning]');
    await page.waitForURL(/\/tenancies\/TEN-N002\/legal$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('7 December 2026');
    const warningText = anyPdfText(await download(page, page.locator('[data-qa=checklist-item][data-item=pre_issue_warning] a')));
    expect(warningText).toContain('Bob Jones');
    expect(warningText).toContain('Carol Jones');

    // PSED (claim), then ask a manager to approve the possession claim.
    await recordPsed(page, 'TEN-N002', 'claim');
    await page.goto(`${app().url}/tenancies/TEN-N002`);
    await page.click('[data-qa=confirm-recommendation]');
    await page.waitForURL(/\/tenancies\/TEN-N002$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('sent to a manager for approval');

    const managerContext = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const manager = await signIn(managerContext, 'manager');
    await manager.goto(`${app().url}/approvals`);
    await manager.click('[data-qa=decide-link]');
    await manager.check('#decision');
    await manager.click('[data-qa=approval-save]');
    await manager.waitForURL(/\/approvals$/);
    await managerContext.close();

    // The gate is open: the claim is recorded.
    await page.goto(`${app().url}/tenancies/TEN-N002/legal`);
    expect(await page.locator('[data-qa=gate-open]').count()).toBe(1);
    await check(page, 'legal-gate-open');
    await page.fill('#claimNumber', 'K00NT123');
    await page.fill('#court', 'Northtown County Court');
    await page.fill('#hearingDate-day', '20');
    await page.fill('#hearingDate-month', '1');
    await page.fill('#hearingDate-year', '2027');
    await page.click('[data-qa=record-claim]');
    await page.waitForURL(/\/tenancies\/TEN-N002\/legal$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('Claim recorded as issued');
    expect(await page.locator('[data-qa=stage]').getAttribute('data-stage')).toBe('hearing_listed');
    expect(await page.locator('[data-qa=legal-history]').textContent()).toContain('K00NT123');
    expect(await page.locator('[data-qa=court-link]').getAttribute('href')).toBe('/tenancies/TEN-N002/court');
    await check(page, 'legal-claim-recorded');
    // The hearing date came with the claim: the statement task (10 days before) is on the account at once.
    await page.goto(`${app().url}/tenancies/TEN-N002`);
    expect(await page.locator('body').textContent()).toContain('before the hearing on 2027-01-20');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('records an equality assessment without JavaScript', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await signIn(context, 'senior');
    await page.goto(`${app().url}/tenancies/TEN-N001/legal/psed?stage=warrant`);
    await page.click('[data-qa=save-psed]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the adjustments considered');
    await page.fill('#adjustments', 'None needed');
    await page.fill('#reasoning', 'Proportionate');
    await page.check('input[name=decision][value=do_not_proceed]');
    await page.click('[data-qa=save-psed]');
    await page.waitForURL(/\/tenancies\/TEN-N001\/legal$/);
    expect(await page.locator('[data-qa=psed-list]').textContent()).toContain('Do not proceed');
    await context.close();
  });

  it('every page passed axe (WCAG 2.2 AA) with zero violations', () => {
    expect(new Set(audited).size).toBeGreaterThan(10);
    expectNoViolations();
  });
});
