import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeLog } from './support/axe-log';
import { watchConsole } from './support/browser';
import { seededAppInBrowser } from './support/seeded-app-in-browser';
import { download } from './support/page-steps';

/**
 * Benefits in a real browser: an officer records a UC claim with housing costs paid to the tenant on
 * TEN-N002 (15 weeks of arrears) → re-assessed → the DWP request tasks on the worklist and the benefits
 * page → the DWP requests page → the CSV downloaded and checked → marked as sent. axe on every page;
 * one submission with JavaScript off.
 */
describe('benefits journey', () => {
  const { app, browser, signIn } = seededAppInBrowser();
  const { check, expectNoViolations } = axeLog();

  async function fillUcClaim(page: Page, monthly: string): Promise<void> {
    await page.check('#type');
    await page.check('input[name=status][value=in_payment]');
    await page.fill('#from-day', '5');
    await page.fill('#from-month', '6');
    await page.fill('#from-year', '2026');
    await page.check('input[name=housingCostsTo][value=tenant]');
    await page.check('input[name=evidenceComplete][value=yes]');
    await page.fill('#monthlyHousing', monthly);
    await page.fill('#assessmentDay', '5');
  }

  it('records a UC claim, sees the DWP request, exports it and marks it sent', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const consoleErrors = watchConsole(context);
    const page = await signIn(context, 'officer.northgate');
    await page.goto(`${app().url}/tenancies/TEN-N002/benefits`);
    expect(await page.locator('[data-qa=no-claims]').count()).toBe(1);
    await check(page, 'benefits-empty');

    await page.click('[data-qa=record-benefit]');
    await page.waitForURL(/\/benefits\/new$/);
    await check(page, 'benefit-form');
    // A bad submission first: every field named.
    await fillUcClaim(page, '-10');
    await page.fill('#assessmentDay', '32');
    await page.click('[data-qa=save-benefit]');
    await page.waitForLoadState('load');
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('The monthly housing costs cannot be negative');
    expect(summary).toContain('from 1 to 31');
    await check(page, 'benefit-form-errors');
    await fillUcClaim(page, '360.00');
    await page.click('[data-qa=save-benefit]');
    await page.waitForURL(/\/tenancies\/TEN-N002\/benefits$/);
    expect(await page.locator('[data-qa=claim]').getAttribute('data-status')).toBe('in_payment');
    expect(await page.locator('[data-qa=paid-to]').textContent()).toBe('To the tenant');
    const kinds = await page.locator('[data-qa=benefit-task]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['dwp_managed_payment', 'dwp_third_party_deduction']));
    await check(page, 'benefits-recorded');

    // Re-assessed at once: the account page's recommendation and the worklist's tasks.
    await page.goto(`${app().url}/worklist`);
    const taskKinds = await page.locator('[data-qa=task-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(taskKinds).toEqual(expect.arrayContaining(['dwp_managed_payment', 'dwp_third_party_deduction']));
    await check(page, 'worklist-with-dwp-tasks');

    // Every task due on its own page: through "See all" when the worklist shows only some, else directly.
    const seeAll = page.locator('[data-qa=see-all-tasks]');
    if ((await seeAll.count()) > 0) await seeAll.click();
    else await page.goto(`${app().url}/worklist/tasks`);
    await page.waitForURL(/\/worklist\/tasks/);
    const allKinds = await page.locator('[data-qa=task-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(allKinds).toEqual(expect.arrayContaining(['dwp_managed_payment', 'dwp_third_party_deduction']));
    expect(await page.locator('h1').textContent()).toContain('Tasks due');
    await check(page, 'tasks-due');
    await page.goto(`${app().url}/worklist/follow-ups`);
    expect(await page.locator('[data-qa=follow-up-row]').count()).toBe(1);
    await check(page, 'follow-ups-due');

    await page.goto(`${app().url}/benefits/dwp-requests`);
    expect(await page.locator('[data-qa=dwp-request]').count()).toBe(2);
    await check(page, 'dwp-requests');
    const csv = (await download(page, '[data-qa=export-csv]')).toString('utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('landlord_reference,request_type,tenancy_reference,tenant_name,date_of_birth,national_insurance_number,address,postcode,arrears_pounds,rent_frequency,weekly_rent_pounds,weekly_service_charges_pounds,monthly_rent_pounds,monthly_service_charges_pounds,reason,raised_on');
    const apa = lines.find((l) => l.includes(',APA,TEN-N002,'));
    expect(apa).toContain(',1350.00,weekly,90.00,0.00,390.00,0.00,15.0 weeks of rent in arrears,');
    expect(lines.some((l) => l.includes(',Third-party deduction,TEN-N002,'))).toBe(true);

    await page.reload();
    expect(await page.locator('[data-qa=export]').count()).toBe(1);
    await check(page, 'dwp-requests-exported');
    await page.locator('[data-qa=export] button').click();
    await page.waitForURL(/\/benefits\/dwp-requests$/);
    expect(await page.locator('[data-qa=no-requests]').count()).toBe(1);
    await check(page, 'dwp-requests-done');
    await page.goto(`${app().url}/tenancies/TEN-N002/benefits`);
    const left = await page.locator('[data-qa=benefit-task]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(left).not.toContain('dwp_managed_payment');
    await check(page, 'benefits-after');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('updates the claim with JavaScript off', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    const page = await signIn(context, 'officer.northgate');
    await page.goto(`${app().url}/tenancies/TEN-N002/benefits`);
    await page.locator('[data-qa^=update-]').first().click();
    await page.waitForURL(/\/edit$/);
    await page.fill('#monthlyHousing', '370.00');
    await page.check('input[name=spareBedrooms][value="1"]');
    await page.fill('#deductionsFrom-day', '5');
    await page.fill('#deductionsFrom-month', '6');
    await page.fill('#deductionsFrom-year', '2026');
    await page.click('[data-qa=save-benefit]');
    await page.waitForURL(/\/tenancies\/TEN-N002\/benefits$/);
    expect(await page.locator('[data-qa=under-occupancy]').textContent()).toContain('£12.60 a week (14%, one spare bedroom)');
    expect(await page.locator('[data-qa=benefit-history] li').count()).toBe(2);
    await context.close();
  });

  it('has no axe violations on any page', () => {
    expectNoViolations();
  });
});
