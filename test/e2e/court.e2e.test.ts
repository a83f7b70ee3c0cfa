import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { reassessTenancies } from '../../src/application/assessment/reassess';
import { formatPounds } from '../../src/domain/money/pence';
import { appendCaseEvents } from '../../src/persistence/stores/case-event-store';
import { pdfText } from '../support/pdf-text';
import { axeLog } from './support/axe-log';
import { watchConsole } from './support/browser';
import { seededAppInBrowser } from './support/seeded-app-in-browser';
import { download, fillDate } from './support/page-steps';

/**
 * Court to eviction in Chromium on the seeded TEN-N002 (Bob and Carol Jones, secure, £90.00 a week, a
 * NOSP served on 28 September 2026, nothing paid since August), with the claim issued on 27 October
 * 2026 seeded: the court page → the bundle (particulars PDF, schedule CSV, PCOL CSV, read) → the hearing
 * date → a suspended order with terms and costs → (no payments: terms broken) → the warrant refused
 * without an equality assessment, then asked for → a manager approves in another context → the warrant
 * recorded → the bailiffs' date → the safeguards (without JavaScript) → the eviction (the rest of the
 * week's rent credited) → the account is a former tenancy with the balance in former tenant arrears. axe on every page, zero violations.
 */
describe('court and eviction journey', () => {
  const { app, browser, signIn } = seededAppInBrowser();
  const { check, audited, expectNoViolations } = axeLog();
  const REF = 'TEN-N002';

  beforeAll(async () => {
    const tenancyId = app().seed.tenancies[REF]!;
    await appendCaseEvents(app().db, [{ tenancyId, eventDate: '2026-10-27', type: 'claim_issued', details: {}, recordedBy: 'officer.northgate', idempotencyKey: 'e2e:claim' }]);
    await reassessTenancies(app().db, [tenancyId], app().seed.asOf, 'decision');
  });

  it('takes a case from the claim to the eviction', async () => {
    const tenancyId = app().seed.tenancies[REF]!;
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const consoleErrors = watchConsole(context);
    const page = await signIn(context, 'officer.northgate');
    const court = `${app().url}/tenancies/${REF}/court`;

    // The court page and the claim bundle.
    await page.goto(court);
    expect(await page.locator('[data-qa=claim-issued]').textContent()).toContain('27 October 2026');
    await check(page, 'court');
    const [{ owed }] = await app().db.query<{ owed: number }>(
      `SELECT sum(amount_pence)::bigint AS owed FROM ledger_transactions WHERE tenancy_id = $1 AND business_date <= '2026-10-27'`,
      [tenancyId],
    ) as [{ owed: number }];
    const particulars = pdfText(await download(page, '[data-qa=particulars-pdf]'));
    for (const expected of ['Bob Jones', 'Carol Jones', '4 Mill Lane, Northtown, NT2 9ZZ', '£12.86', '28 September 2026', '27 October 2026', formatPounds(owed), 'Secure tenancy']) {
      expect(particulars).toContain(expected);
    }
    const schedule = (await download(page, '[data-qa=schedule-csv]')).toString('utf8');
    const scheduleRows = parse(schedule, { columns: true }) as Record<string, string>[];
    expect(scheduleRows[0]!.date).toBe('2026-06-01'); // the tenancy began less than two years ago
    expect(scheduleRows.at(-1)!.balance).toMatch(/^\d+\.\d\d$/);
    const pcol = parse((await download(page, '[data-qa=pcol-csv]')).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(pcol).toHaveLength(1);
    expect(pcol[0]).toMatchObject({ claimant_reference: REF, defendant_1_name: 'Bob Jones', defendant_2_name: 'Carol Jones', daily_rate: '12.86', notice_type: 'nosp', notice_served_date: '2026-09-28' });

    // The hearing date: first with an error.
    await page.click('[data-qa=record-hearing]');
    await check(page, 'court-hearing');
    await page.click('[data-qa=court-save]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the date of the hearing');
    await check(page, 'court-hearing-errors');
    await fillDate(page, 'hearingDate', '2026-11-20');
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=hearing-date]').textContent()).toContain('20 November 2026');
    expect(await page.locator('[data-qa=statement-due]').textContent()).toContain('10 November 2026');

    // A suspended order: the type, then only its terms.
    await page.click('[data-qa=record-order]');
    await check(page, 'court-order-type');
    await page.check('input[name=type][value=suspended]');
    await page.click('[data-qa=order-type-continue]');
    expect(await page.locator('#possessionDate-day').count()).toBe(0);
    await check(page, 'court-order-terms');
    await page.fill('#date-day', '20');
    await page.fill('#date-month', '11');
    await page.fill('#date-year', '2026');
    await page.click('[data-qa=court-save]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the instalment towards the arrears');
    await check(page, 'court-order-errors');
    await page.fill('#instalment', '5.00');
    await page.check('input[name=frequency][value=weekly]');
    await page.fill('#costs', '355.00');
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=order-terms]').textContent()).toContain('rent plus £5.00 weekly');
    expect(await page.locator('[data-qa=order-terms]').textContent()).toContain('costs of £355.00');
    await check(page, 'court-with-order');

    // The warrant: refused without an equality assessment for the warrant stage.
    await page.click('[data-qa=warrant-link]');
    expect(await page.locator('[data-qa=n325-order-type]').textContent()).toContain('Suspended possession order');
    expect(await page.locator('[data-qa=warrant-refusals]').textContent()).toContain('No equality assessment is recorded for the warrant stage');
    await check(page, 'court-warrant');
    await page.click('[data-qa=warrant-request]');
    expect(await page.locator('[data-qa=warrant-reasons]').textContent()).toContain('No equality assessment');
    await check(page, 'court-warrant-refused');
    await appendCaseEvents(app().db, [{ tenancyId, eventDate: '2026-11-23', type: 'psed_assessment', details: { stage: 'warrant' }, recordedBy: 'senior', idempotencyKey: 'e2e:psed' }]);
    await page.goto(`${court}/warrant`);
    const n325 = pdfText(await download(page, '[data-qa=n325-pdf]'));
    expect(n325).toContain('Suspended possession order');
    expect(n325).toContain('20 November 2026');
    expect(n325).toContain('Carol Jones');
    await page.click('[data-qa=warrant-request]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=warrant-pending]').textContent()).toContain("waiting for a manager's approval");

    // A manager approves, in another browser context.
    const managerContext = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const managerErrors = watchConsole(managerContext);
    const manager = await signIn(managerContext, 'manager');
    await manager.goto(`${app().url}/approvals`);
    await check(manager, 'approvals-warrant');
    await manager.click('[data-qa=decide-link]');
    await check(manager, 'approval-decide-warrant');
    await manager.check('input[name=decision][value=approve]');
    await manager.click('[data-qa=approval-save]');
    await manager.waitForURL(/\/approvals$/);
    await managerContext.close();
    expect(managerErrors).toEqual([]);

    // The manager's approval records the warrant as requested; the bailiffs' date.
    await page.goto(`${court}/warrant`);
    await check(page, 'court-warrant-approved');
    expect(await page.locator('[data-qa=warrant-sent]').count()).toBe(0);
    await page.goto(court);
    expect(await page.locator('[data-qa=warrant-requested]').textContent()).toContain('23 November 2026');
    await page.click('[data-qa=eviction-link]');
    await check(page, 'court-eviction');
    await fillDate(page, 'evictionDate', '2026-11-23');
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=eviction-date]').textContent()).toContain('23 November 2026');
    await check(page, 'court-eviction-scheduled');

    // Recording the eviction is refused until the safeguards are complete.
    await page.click('[data-qa=outcome-link]');
    expect(await page.locator('[data-qa=checklist-incomplete]').textContent()).toContain('Housing Options referral');
    await check(page, 'court-outcome-incomplete');
    await page.check('input[name=outcome][value=evicted]');
    await page.click('[data-qa=court-save]');
    expect(await page.locator('[data-qa=refusals]').textContent()).toContain('The eviction safeguards checklist is not complete');
    await check(page, 'court-outcome-refused');

    // The safeguards page (axe needs JavaScript), then the form submitted in a browser without JavaScript.
    await page.goto(`${court}/safeguards`);
    await check(page, 'court-safeguards');
    await page.click('[data-qa=court-save]');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the safeguards you have completed');
    await check(page, 'court-safeguards-errors');
    const noJs = await browser().newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const plain = await signIn(noJs, 'officer.northgate');
    await plain.goto(`${court}/safeguards`);
    for (const item of ['housing_options_referral', 'childrens_services_checked', 'adults_services_checked', 'pre_eviction_visit', 'benefits_rechecked', 'agencies_notified']) {
      await plain.check(`input[name=items][value=${item}]`);
    }
    await plain.click('[data-qa=court-save]');
    await plain.waitForLoadState('load');
    expect(await plain.locator('.govuk-error-summary').textContent()).toContain('Confirm the tenant consented');
    for (const item of ['housing_options_referral', 'childrens_services_checked', 'adults_services_checked', 'pre_eviction_visit', 'benefits_rechecked', 'agencies_notified']) {
      await plain.check(`input[name=items][value=${item}]`);
    }
    await plain.check('input[name=consent][value=yes]');
    await plain.fill('#note', 'Housing Options appointment booked; school and GP told');
    await plain.click('[data-qa=court-save]');
    await plain.waitForURL(/\/court$/);
    expect(await plain.locator('[data-qa=safeguards]').textContent()).not.toContain('To do');
    await noJs.close();

    // The eviction, and the account is now a former tenancy with its balance in former tenant arrears.
    const [{ before }] = (await app().db.query<{ before: number }>(`SELECT sum(amount_pence)::bigint AS before FROM ledger_transactions WHERE tenancy_id = $1`, [tenancyId])) as [{ before: number }];
    await page.goto(`${court}/outcome`);
    await check(page, 'court-outcome');
    await page.check('input[name=outcome][value=evicted]');
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=evicted]').textContent()).toContain('23 November 2026');
    await check(page, 'court-evicted');
    await page.goto(`${app().url}/tenancies/${REF}`);
    expect(await page.locator('[data-qa=account-ref]').textContent()).toContain('former tenancy');
    // The week's rent was charged on Monday 23 November, the eviction day: six of its seven days are
    // credited (a reversal of the charge) before the balance moves to former tenant arrears.
    const weekCharges = await app().db.query<{ amount_pence: number }>(`SELECT amount_pence FROM ledger_transactions WHERE tenancy_id = $1 AND kind = 'charge' AND business_date = '2026-11-23'`, [tenancyId]);
    const creditedPence = weekCharges.reduce((sum, c) => sum + c.amount_pence - Math.floor((c.amount_pence * 2 + 7) / 14), 0);
    expect(creditedPence).toBe(7714); // £90.00 a week: £12.86 due for the day, £77.14 credited
    const fta = page.locator('[data-qa=ledger-table][data-sub-account=former_tenant_arrears]');
    expect(await fta.count()).toBe(1);
    expect(await fta.textContent()).toContain(formatPounds(before - creditedPence));
    expect(await page.locator('[data-qa=ledger-table][data-sub-account=rent]').textContent()).toContain('Not due: the tenancy ended on 2026-11-23 (eviction)');
    await check(page, 'account-former');
    const balances = await app().db.query<{ sub_account: string; total: number }>(`SELECT sub_account, sum(amount_pence)::bigint AS total FROM ledger_transactions WHERE tenancy_id = $1 GROUP BY sub_account ORDER BY sub_account`, [tenancyId]);
    expect(balances).toEqual([
      { sub_account: 'court_costs', total: 0 },
      { sub_account: 'former_tenant_arrears', total: before - creditedPence },
      { sub_account: 'rent', total: 0 },
    ]);
    await context.close();
    expect(consoleErrors).toEqual([]);
  });

  it('axe: zero violations on every page visited', () => {
    expect(audited.length).toBeGreaterThan(15);
    expectNoViolations();
  });
});
