import { describe, expect, it } from 'vitest';
import { runDaily } from '../../src/application/daily-run/run-daily';
import { importPayments } from '../../src/application/imports/import-payments';
import { anyPdfText } from '../support/pdf-text';
import { tempDir } from '../support/temp-files';
import { axeLog } from './support/axe-log';
import { watchConsole } from './support/browser';
import { seededAppInBrowser } from './support/seeded-app-in-browser';
import { download } from './support/page-steps';

/**
 * Money workflows in Chromium on the seeded TEN-N001 (Alice Smith, £100.00 a week, £200.00 arrears on
 * Monday 23 November 2026): the officer records an income and expenditure (a negative income first:
 * errors), sees the surplus, agrees £10.00 a week from 30 November (over the surplus: warned, then
 * confirmed), downloads and reads the confirmation letter; then time passes: a payment file pays rent
 * and instalment on 30 November and only the rent on 7 December → the worklist shows the early warning
 * on 7 December, and the breach on 14 December. axe on every page (with JavaScript: axe runs in the page); the I&E form once without JavaScript.
 */
describe('money journey', () => {
  const { app, browser, signIn } = seededAppInBrowser();
  const { check, expectNoViolations } = axeLog();
  const REF = 'TEN-N001';

  async function importFile(rows: string[], today: string): Promise<void> {
    const temp = tempDir();
    try {
      const path = temp.file(`payments-${today}.csv`, ['date,reference,amount,method,transaction_id', ...rows].join('\n') + '\n');
      const summary = await importPayments(app().db, { path, today, importedBy: 'e2e' });
      expect(summary).toMatchObject({ rejected: 0 });
    } finally {
      temp.cleanup();
    }
  }

  it('agrees an arrangement from an income and expenditure, then warns and reports the breach', async () => {
    const [{ payment_reference: reference } = { payment_reference: '' }] = await app().db.query<{ payment_reference: string }>(`SELECT payment_reference FROM tenancies WHERE ref = $1`, [REF]);
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const consoleErrors = watchConsole(context);
    const page = await signIn(context, 'officer.northgate');
    const money = `${app().url}/tenancies/${REF}/money`;

    await page.goto(money);
    expect(await page.locator('[data-qa=no-ie]').count()).toBe(1);
    await check(page, 'money (empty)');

    // The income and expenditure: a negative income and too many decimals first.
    await page.click('[data-qa=record-ie]');
    await check(page, 'income and expenditure form');
    await page.fill('#amount-earnings', '-1200');
    await page.fill('#amount-utilities', '10.999');
    await page.click('[data-qa=save-ie]');
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('Earnings (take-home pay) cannot be negative');
    expect(summary).toContain('Gas and electricity must be in pounds and pence, with no more than 2 decimal places');
    await check(page, 'income and expenditure errors');
    await page.fill('#amount-earnings', '1200');
    await page.fill('#amount-food_and_housekeeping', '100');
    await page.selectOption('#period-food_and_housekeeping', 'weekly');
    await page.fill('#amount-council_tax', '100');
    await page.fill('#amount-utilities', '600');
    await page.fill('#amount-energy_arrears', '50');
    await page.click('[data-qa=save-ie]');
    await page.waitForURL(money);
    // 1,200.00 − 433.33 − 100.00 − 600.00 − 50.00 = 16.67 a month; 16.67 × 12 / 52 = 3.84 a week (down)
    expect(await page.locator('[data-qa=surplus]').textContent()).toBe('£16.67');
    expect(await page.locator('[data-qa=largest]').textContent()).toContain('£3.84 a week');
    await check(page, 'money (income and expenditure)');

    // The arrangement: £10.00 a week is over the surplus: warned, then confirmed.
    await page.click('[data-qa=agree-arrangement]');
    expect(await page.locator('[data-qa=suggested-starts]').textContent()).toContain('usually pays on');
    await check(page, 'arrangement form');
    await page.fill('#instalment', '10');
    await page.check('#frequency');
    await page.fill('#startDate-day', '30');
    await page.fill('#startDate-month', '11');
    await page.fill('#startDate-year', '2026');
    await page.click('[data-qa=agree]');
    expect(await page.locator('[data-qa=warnings]').textContent()).toContain('can afford (£3.84)');
    expect(await page.locator('[data-qa=preview-clears]').textContent()).toContain('20 instalments; the arrears clear on 12 April 2027');
    await check(page, 'arrangement warning');
    await page.click('[data-qa=confirm-arrangement]');
    await page.waitForURL(money);
    expect(await page.locator('[data-qa=clears-on]').textContent()).toBe('12 April 2027');
    await check(page, 'money (arrangement)');

    // The confirmation letter.
    const letter = anyPdfText(await download(page, '[data-qa=confirmation-letter]'));
    expect(letter).toContain('Alice Smith');
    expect(letter).toContain('£10.00 every week');
    expect(letter).toContain('30 November 2026: £10.00 plus your rent');
    expect(letter).toContain('12 April 2027');
    expect(letter).toContain('If you miss a payment');

    // Time passes: rent and instalment on 30 November; only the rent on 7 December.
    await importFile([`2026-11-30,${reference},110.00,bank_transfer,E2E-1`], '2026-11-30');
    await runDaily(app().db, '2026-11-30');
    await importFile([`2026-12-07,${reference},100.00,bank_transfer,E2E-2`], '2026-12-07');
    await runDaily(app().db, '2026-12-07');
    await page.goto(`${app().url}/worklist`);
    const warning = page.locator('[data-qa=task-row][data-kind=arrangement_early_warning]');
    expect(await warning.count()).toBe(1);
    expect(await warning.textContent()).toContain('7 December 2026');
    await check(page, 'worklist (early warning)');
    await page.goto(money);
    expect(await page.locator('[data-qa=watch]').getAttribute('data-state')).toBe('late');
    expect(await page.locator('[data-qa=engine-status]').getAttribute('data-status')).toBe('kept');
    await check(page, 'money (early warning)');

    // Nothing more paid by the next instalment date: broken.
    await runDaily(app().db, '2026-12-14');
    await page.goto(`${app().url}/worklist`);
    expect(await page.locator('[data-qa=task-row][data-kind=arrangement_breached]').count()).toBe(1);
    await check(page, 'worklist (breach)');
    await page.goto(money);
    expect(await page.locator('[data-qa=engine-status]').getAttribute('data-status')).toBe('broken');
    expect(await page.locator('[data-qa=engine-status]').textContent()).toContain('shortfall');

    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('records an income and expenditure without JavaScript', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await signIn(context, 'officer.northgate');
    await page.goto(`${app().url}/tenancies/TEN-N004/money/income-expenditure`);
    await page.click('[data-qa=save-ie]');
    await page.waitForLoadState('load');
    expect(await page.locator('#amount-earnings-error').textContent()).toContain('Enter at least one amount of income');
    await page.fill('#amount-earnings', '250');
    await page.selectOption('#period-earnings', 'weekly');
    await page.click('[data-qa=save-ie]');
    await page.waitForURL(`${app().url}/tenancies/TEN-N004/money`);
    expect(await page.locator('[data-qa=surplus]').textContent()).toBe('£1,083.33');
    await context.close();
  });

  it('has no axe violations on any page visited', () => {
    expectNoViolations();
  });
});
