import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { importPayments } from '../../src/application/imports/import-payments';
import { tempDir } from '../support/temp-files';
import { axeLog } from './support/axe-log';
import { watchConsole } from './support/browser';
import { seededAppInBrowser } from './support/seeded-app-in-browser';

/**
 * Direct debits and the annual rent change in a real browser, on the seeded landlord (23 November 2026):
 * an officer sets up a mandate on TEN-N001 (errors first); an ARUDD returns file is imported (bacs-arudd)
 * and the reversal and the re-presentation task show on the account; a senior officer previews and
 * applies a 2.7% rent change and sees the letters and the new direct-debit amount. axe on every page;
 * one mandate set up with JavaScript off.
 */
describe('direct debits and the rent change', () => {
  const { app, browser, signIn } = seededAppInBrowser();
  const { check, expectNoViolations } = axeLog();
  const files = tempDir('rentwise-dd-e2e-');

  afterAll(() => {
    files.cleanup();
  });

  async function fillMandate(page: Page, v: { sortCode: string; amount: string; day: string; month: string; year: string }): Promise<void> {
    await page.fill('#payerName', 'Alice Smith');
    await page.fill('#sortCode', v.sortCode);
    await page.fill('#accountNumber', '12345678');
    await page.check('input[name=collectionDay][value="monthly:8"]');
    await page.fill('#amount', v.amount);
    await page.fill('#startOn-day', v.day);
    await page.fill('#startOn-month', v.month);
    await page.fill('#startOn-year', v.year);
    await page.click('[data-qa=submit]');
    await page.waitForLoadState('load');
  }

  it('mandate → returned collection → rent change → letters and new DD amount', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const consoleErrors = watchConsole(context);
    const page = await signIn(context, 'officer.northgate');
    await page.goto(`${app().url}/tenancies/TEN-N001/direct-debits`);
    expect(await page.locator('[data-qa=no-mandate]').count()).toBe(1);
    await check(page, 'direct-debits-empty');
    await page.click('[data-qa=set-up]');
    await page.waitForURL(/\/direct-debits\/new$/);
    await check(page, 'direct-debit-form');

    await fillMandate(page, { sortCode: '00-00-00', amount: '0', day: '1', month: '11', year: '2026' });
    const summary = await page.locator('[data-qa=error-summary]').textContent();
    expect(summary).toContain('Enter a real sort code');
    expect(summary).toContain('Amount must be more than £0');
    expect(summary).toContain('Start date must be today or in the future');
    await check(page, 'direct-debit-form-errors');

    await fillMandate(page, { sortCode: '30-94-57', amount: '433.33', day: '1', month: '12', year: '2026' });
    await page.waitForURL(/\/direct-debits$/);
    expect(await page.locator('[data-qa=sort-code]').textContent()).toBe('**-**-57');
    expect(await page.locator('[data-qa=amount]').textContent()).toBe('£433.33');
    expect(await page.locator('[data-qa=collection]').first().textContent()).toContain('8 December 2026');
    await check(page, 'direct-debits-active');

    // The bank returns a collection: the ARUDD report imported with the bacs-arudd profile.
    const arudd = files.file('arudd.csv', 'ProcessingDate,Reference,Amount,ReturnCode,ReturnDescription,TransactionId\n2026-11-23,P0011,100.00,0,Refer to payer,E2E-1\n');
    const imported = await importPayments(app().db, { path: arudd, format: 'bacs-arudd', today: '2026-11-23', importedBy: 'e2e' });
    expect(imported.posted).toBe(1);
    await page.goto(`${app().url}/tenancies/TEN-N001`);
    const task = page.locator('[data-qa=account-task][data-kind=dd_re_presentation]');
    expect(await task.count()).toBe(1);
    expect(await task.textContent()).toContain('Re-present the returned direct debit');
    expect(await page.locator('body').textContent()).toContain('ARUDD 0');
    await check(page, 'account-after-return');
    await page.goto(`${app().url}/tenancies/TEN-N001/direct-debits`);
    expect(await page.locator('[data-qa=history]').first().textContent()).toContain('Collection returned');
    await check(page, 'direct-debits-returned');
    await context.close();

    // A senior officer runs the rent change.
    const seniorContext = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const seniorErrors = watchConsole(seniorContext);
    const senior = await signIn(seniorContext, 'senior');
    await senior.goto(`${app().url}/rent-change`);
    await check(senior, 'rent-change-form');
    await senior.fill('#effective-day', '4');
    await senior.fill('#effective-month', '1');
    await senior.fill('#effective-year', '2027');
    await senior.fill('#percent', '2.7');
    await senior.click('[data-qa=preview]');
    await senior.waitForLoadState('load');
    expect(await senior.locator('[data-qa=preview-row][data-ref=TEN-N001] [data-qa=new]').textContent()).toBe('£102.70');
    expect(await senior.locator('[data-qa=preview-row][data-ref=TEN-N001] [data-qa=dd]').textContent()).toContain('£433.33 to £445.03 a month');
    expect(await senior.locator('[data-qa=total-new]').textContent()).toBe('£600.81');
    await check(senior, 'rent-change-preview');
    await senior.check('input[name=confirm]');
    await senior.click('[data-qa=apply]');
    await senior.waitForLoadState('load');
    expect(await senior.locator('[data-qa=letter]').count()).toBe(6);
    await check(senior, 'rent-change-applied');
    const href = await senior.locator('[data-qa=letter]').first().getAttribute('href');
    const pdf = await senior.request.get(`${app().url}${href}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await senior.goto(`${app().url}/tenancies/TEN-N001/direct-debits`);
    const amounts = await senior.locator('[data-qa=collection-amount]').allTextContents();
    expect(amounts.slice(0, 2)).toEqual(['£433.33', '£445.03']); // 8 December old, 8 January new
    expect(await senior.locator('[data-qa=history]').first().textContent()).toContain('£433.33 to £445.03');
    await check(senior, 'direct-debits-after-rent-change');
    expect([...consoleErrors, ...seniorErrors]).toEqual([]);
    await seniorContext.close();
    expectNoViolations();
  });

  it('sets up a mandate with JavaScript off', { timeout: 40_000 }, async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await signIn(context, 'officer.northgate');
    await page.goto(`${app().url}/tenancies/TEN-N002/direct-debits/new`);
    await fillMandate(page, { sortCode: '309457', amount: '0', day: '1', month: '12', year: '2026' });
    expect(await page.locator('#amount-error').textContent()).toContain('more than £0');
    await fillMandate(page, { sortCode: '309457', amount: '90.00', day: '1', month: '12', year: '2026' });
    expect(page.url()).toMatch(/TEN-N002\/direct-debits$/);
    expect(await page.locator('[data-qa=reference]').textContent()).toBe('P0021-DD01');
    // axe is not run here: with JavaScript off it hangs on this page (not diagnosed); the same page is
    // checked with JavaScript on in the journey above.
    await context.close();
  });
});
