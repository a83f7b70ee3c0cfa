import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeLog } from './support/axe-log';
import { watchConsole } from './support/browser';
import { seededAppInBrowser } from './support/seeded-app-in-browser';
import { download } from './support/page-steps';

/**
 * Officers' journeys in a real browser (the system's Chromium) against the app on a random port with a
 * small seeded landlord: sign-in → worklist → account → confirm an action → the letter (PDF), an
 * override, a manager's approval; and axe (WCAG 2.2 AA) on every page visited, with zero violations.
 */
describe('journeys', () => {
  const { app, browser, signIn } = seededAppInBrowser();
  const axe = axeLog();

  /** axe on the page as it stands; every page of the journeys goes through here. */
  async function check(page: Page, name: string, screenshot = false): Promise<void> {
    await axe.check(page, name);
    if (screenshot) await page.screenshot({ path: `/tmp/rentwise-${name}.png`, fullPage: true });
  }

  async function signOut(page: Page): Promise<void> {
    await page.click('[data-qa=sign-out]');
    await page.waitForURL(/\/sign-in/);
  }

  it('an officer works a case: worklist, account, a contact, a letter with its PDF, an override, a rejection', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const consoleErrors = watchConsole(context);
    const page = await context.newPage();
    await page.goto(`${app().url}/worklist`);
    await expect.poll(() => page.url()).toContain('/sign-in');
    await check(page, 'sign-in', true);

    // A wrong password: the error summary, then the real sign-in.
    await page.fill('#username', 'officer.northgate');
    await page.fill('#password', 'not-the-password');
    await page.click('[data-qa=sign-in-button]');
    await expect(page.locator('.govuk-error-summary')).toBeTruthy();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter a correct username and password');
    await check(page, 'sign-in-error');
    await page.fill('#username', 'officer.northgate');
    await page.fill('#password', app().seed.password);
    await page.click('[data-qa=sign-in-button]');
    await page.waitForURL(/\/worklist$/);
    expect(await page.locator('[data-qa=worklist-row]').count()).toBe(3);
    expect(await page.locator('[data-qa=follow-up-row]').count()).toBe(1);
    await check(page, 'worklist', true);

    // Filters (a GET form) and the action counts.
    await page.selectOption('#action', 'send_letter_1');
    await page.click('[data-qa=apply-filters]');
    await page.waitForURL(/action=send_letter_1/);
    expect(await page.locator('[data-qa=worklist-row]').count()).toBe(2);
    await check(page, 'worklist-filtered');
    await page.goto(`${app().url}/worklist?patch=all`);
    expect(await page.locator('[data-qa=worklist-row]').count()).toBe(5);
    await check(page, 'worklist-all-patches');

    // The account.
    await page.goto(`${app().url}/worklist`);
    await page.click('[data-qa=worklist-row][data-ref=TEN-N001] [data-qa=tenancy-link]');
    await page.waitForURL(/\/tenancies\/TEN-N001$/);
    expect(await page.locator('[data-qa=recommended-action]').textContent()).toContain('Send letter 1');
    await page.click('[data-qa=trace] summary');
    expect(await page.locator('[data-qa=trace-step]').count()).toBe(3);
    await check(page, 'account', true);
    await page.goto(`${app().url}/tenancies/TEN-N001/household`);
    expect(await page.locator('[data-qa=tenant-contact]').textContent()).toContain('07700 900001');
    await check(page, 'household');

    // Statement downloads.
    await page.goto(`${app().url}/tenancies/TEN-N001`);
    const statementPdf = await download(page, '[data-qa=statement-pdf]');
    expect(statementPdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Record a contact: first with errors, then properly.
    await page.goto(`${app().url}/tenancies/TEN-N001/record/contact`);
    await check(page, 'record-contact');
    await page.click('[data-qa=record-save]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select how you contacted the tenant');
    await check(page, 'record-contact-errors');
    await page.check('#channel');
    await page.check('#outcome');
    await page.fill('#note', 'Agreed to pay £20 extra a week');
    await page.click('[data-qa=record-save]');
    await page.waitForURL(/\/timeline$/);
    expect(await page.locator('[data-qa=timeline-item][data-type=contact]').count()).toBe(2);
    await check(page, 'timeline', true);
    await page.goto(`${app().url}/tenancies/TEN-N001/timeline?type=legal`);
    await check(page, 'timeline-filtered');

    // Every other recording form, and closing a follow-up.
    for (const kind of ['note', 'follow-up', 'vulnerability', 'vulnerability-review', 'dispute', 'breathing-space']) {
      await page.goto(`${app().url}/tenancies/TEN-N001/record/${kind}`);
      await check(page, `record-${kind}`);
    }
    await page.goto(`${app().url}/tenancies/TEN-N001/record/breathing-space`);
    await page.check('#kind');
    await page.fill('#endDate-day', '1');
    await page.fill('#endDate-month', '1');
    await page.fill('#endDate-year', '2020');
    await page.click('[data-qa=record-save]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('on or after the start date');
    await check(page, 'record-breathing-space-errors');
    await page.goto(`${app().url}/worklist`);
    await page.click('[data-qa=follow-up-row] >> text=Mark as done');
    await check(page, 'close-follow-up');
    await page.click('[data-qa=close-save]');
    await page.waitForURL(/\/timeline$/);
    await page.goto(`${app().url}/worklist`);
    expect(await page.locator('[data-qa=follow-up-row]').count()).toBe(0);

    // Confirm the recommendation: letter 1, then download the letter from the timeline.
    await page.goto(`${app().url}/tenancies/TEN-N001`);
    await page.click('[data-qa=confirm-recommendation]');
    await page.waitForURL(/\/tenancies\/TEN-N001\/timeline$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('Send letter 1 recorded');
    await check(page, 'timeline-after-letter');
    const letterPdf = await download(page, page.locator('[data-qa=timeline-letter-link]').first());
    expect(letterPdf.length).toBeGreaterThan(1000);
    expect(letterPdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Override on another case: a home visit instead of letter 1.
    await page.goto(`${app().url}/tenancies/TEN-N003`);
    await page.click('[data-qa=override-link]');
    await check(page, 'override');
    await page.click('[data-qa=decision-save]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the action you are taking instead');
    await check(page, 'override-errors');
    await page.selectOption('#action', 'home_visit');
    await page.fill('#reason', 'Tenant asked for a visit; no phone');
    await page.click('[data-qa=decision-save]');
    await page.waitForURL(/\/tenancies\/TEN-N003$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('Home visit recorded');
    await page.goto(`${app().url}/tenancies/TEN-N003/timeline`);
    expect(await page.locator('[data-qa=timeline-item][data-type=recommendation_override]').count()).toBe(1);

    // The rejection form (on the possession case), then ask for approval of the possession claim.
    await page.goto(`${app().url}/tenancies/TEN-N002/decision/reject`);
    await check(page, 'reject');
    await page.goto(`${app().url}/tenancies/TEN-N002`);
    await check(page, 'account-needs-approval');
    await page.click('[data-qa=confirm-recommendation]');
    await page.waitForURL(/\/tenancies\/TEN-N002$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('sent to a manager for approval');
    expect(await page.locator('[data-qa=pending-approval]').count()).toBe(1);
    await check(page, 'account-pending-approval');

    // Another patch's account: read-only.
    await page.goto(`${app().url}/tenancies/TEN-S001`);
    expect(await page.locator('[data-qa=read-only]').count()).toBe(1);
    expect(await page.locator('[data-qa=decision-buttons]').count()).toBe(0);
    await check(page, 'account-read-only');

    // Search.
    await page.goto(`${app().url}/search`);
    await check(page, 'search');
    await page.fill('#q', 'mill lane');
    await page.click('[data-qa=search-button]');
    expect(await page.locator('[data-qa=search-result]').count()).toBe(2);
    await check(page, 'search-results', true);
    await page.goto(`${app().url}/search?q=x`);
    await check(page, 'search-error');

    // Error pages.
    await page.goto(`${app().url}/tenancies/NOPE-1`);
    expect(await page.locator('[data-qa=error-page]').getAttribute('data-status')).toBe('404');
    await check(page, 'error-404');
    await page.goto(`${app().url}/approvals`);
    expect(await page.locator('[data-qa=error-page]').getAttribute('data-status')).toBe('403');
    await check(page, 'error-403');

    await signOut(page);
    await check(page, 'signed-out');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a manager approves the request (four-eyes), and the decision is on the timeline', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const consoleErrors = watchConsole(context);
    const page = await signIn(context, 'manager');
    await page.goto(`${app().url}/approvals`);
    expect(await page.locator('[data-qa=approval-row]').count()).toBe(1);
    await check(page, 'approvals', true);
    await page.click('[data-qa=decide-link]');
    await check(page, 'approval-decide');
    await page.click('[data-qa=approval-save]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select approve or decline');
    await check(page, 'approval-decide-errors');
    await page.check('#decision');
    await page.click('[data-qa=approval-save]');
    await page.waitForURL(/\/approvals$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('approved for TEN-N002');
    expect(await page.locator('[data-qa=approval-row]').count()).toBe(0);
    await check(page, 'approvals-after');
    await page.goto(`${app().url}/tenancies/TEN-N002/timeline?type=action`);
    const actions = await page.locator('[data-qa=timeline-item][data-type=action]').allTextContents();
    expect(actions.some((t) => t.includes('Apply for possession') && t.includes('Approved by'))).toBe(true);
    // Managers work every patch.
    await page.goto(`${app().url}/tenancies/TEN-S002`);
    expect(await page.locator('[data-qa=decision-buttons]').count()).toBe(1);
    await check(page, 'account-manager');
    await signOut(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("an administrator manages users, patches, the policy and the audit log, and sees no tenant's data", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const consoleErrors = watchConsole(context);
    const page = await signIn(context, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await check(page, 'admin-users', true);
    await page.goto(`${app().url}/admin/users/new`);
    await check(page, 'admin-user-new');
    await page.click('[data-qa=user-save]');
    await check(page, 'admin-user-new-errors');
    await page.fill('#username', 'new.officer');
    await page.fill('#name', 'New Officer');
    await page.check('#role');
    await page.selectOption('#patch', { label: 'Northgate' });
    await page.fill('#password', 'a-long-enough-password');
    await page.click('[data-qa=user-save]');
    await page.waitForURL(/\/admin\/users$/);
    expect(await page.locator('[data-qa=user-row][data-username="new.officer"]').count()).toBe(1);
    await page.click('[data-qa=user-row][data-username="new.officer"] a');
    await check(page, 'admin-user-edit');
    await page.goto(`${app().url}/admin/patches`);
    await check(page, 'admin-patches');
    await page.goto(`${app().url}/admin/policy`);
    await check(page, 'admin-policy');
    await page.goto(`${app().url}/admin/audit`);
    expect(await page.locator('[data-qa=audit-row]').count()).toBeGreaterThan(5);
    await check(page, 'admin-audit', true);
    await page.goto(`${app().url}/admin/audit?actor=officer.northgate&action=read`);
    await check(page, 'admin-audit-filtered');
    await page.goto(`${app().url}/worklist`); // no caseload: sent on to the users page
    await page.waitForURL(/\/admin\/users$/);
    expect(await page.content()).not.toContain('Alice Smith');
    for (const path of ['/worklist/tasks', '/tenancies/TEN-N001', '/search?q=smith']) {
      await page.goto(`${app().url}${path}`);
      expect(await page.locator('[data-qa=error-page]').getAttribute('data-status'), path).toBe('403');
      expect(await page.content()).not.toContain('Alice Smith');
    }
    await signOut(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: sign in, filter the worklist, open an account, confirm an action', async () => {
    // axe needs JavaScript, so these pages are checked above (with it); here only that they work without.
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await signIn(context, 'senior');
    await page.waitForURL(/\/worklist$/);
    await page.selectOption('#patch', 'all');
    await page.click('[data-qa=apply-filters]');
    await page.waitForURL(/patch=all/);
    expect(await page.locator('[data-qa=worklist-row]').count()).toBeGreaterThan(0);
    await page.goto(`${app().url}/tenancies/TEN-S002`);
    await page.click('[data-qa=trace] summary');
    expect(await page.locator('[data-qa=trace-step]').first().isVisible()).toBe(true);
    await page.click('[data-qa=confirm-recommendation]');
    await page.waitForURL(/\/timeline$/);
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('Send letter 2 recorded');
    await page.click('[data-qa=sign-out]');
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });

  it('every page passed axe (WCAG 2.2 AA) with zero violations', () => {
    expect(new Set(axe.audited).size).toBeGreaterThan(40);
    axe.expectNoViolations();
  });
});
