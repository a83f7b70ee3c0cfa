import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDaily } from '../../src/application/daily-run/run-daily';
import { buildDemoLandlord } from '../../src/application/demo/build-demo';
import { seedDemoUsers, type DemoUser } from '../../src/application/users/seed-demo-users';
import { addDays, type BusinessDate } from '../../src/domain/calendar/business-date';
import { formatPounds } from '../../src/domain/money/pence';
import { formatLongDate } from '../../src/domain/statements/dates';
import { startWebServer } from '../../src/main/web-server';
import type { Db } from '../../src/persistence/database';
import { findTenancyByRef } from '../../src/persistence/stores/tenancy-store';
import { anyPdfText } from '../support/pdf-text';
import { createTestDatabase } from '../support/test-database';
import { axeLog } from './support/axe-log';
import { launchBrowser, watchConsole } from './support/browser';
import { download, fillDate, saveEqualityAssessment } from './support/page-steps';

const LADDER = ['send_letter_1', 'send_letter_2', 'home_visit', 'send_final_warning'];
const NOTICE_CHECKLIST = ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'];

/**
 * From first letter to eviction, in Chromium, on one case of a small demo landlord (60 tenancies, a fixed
 * seed, built as of 23 November 2026, then the daily run). The business date moves on by re-running the
 * daily run at later dates (the pages' "today" and clock follow it). The officer of the case's patch
 * confirms the ladder the engine recommends, completes the Protocol notice checklist with evidence,
 * records the notice-stage equality assessment and serves the notice (PDF read); after the notice, the
 * claim checklist with evidence, the warning letter and the claim-stage assessment; asks for approval of
 * possession, a manager approves, the claim is recorded with a hearing date (the statement task appears),
 * the bundle is downloaded; at the hearing an outright order; after the possession date, the warrant-stage
 * assessment and the warrant request, a manager approves (the warrant is requested at once), the bailiffs'
 * date, the safeguards checklist, the eviction: a former tenancy with the balance in former tenant
 * arrears. A senior reads the legal and court pages on the way. axe on every page: zero violations.
 */
describe('the whole legal pipeline: from first letter to eviction', () => {
  let db: Db;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let users: DemoUser[];
  let today: BusinessDate = '2026-11-23';
  let clockBase = Date.now();
  const { check, audited, expectNoViolations } = axeLog();

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'silent';
    void pino;
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 60, seed: 20261123, asOf: today, worker: false });
    await runDaily(db, today);
    users = await seedDemoUsers(db);
    // The pages' business date and clock follow the daily run (sessions and approvals are dated by it).
    server = await startWebServer(db, {
      port: 0,
      host: '127.0.0.1',
      today: () => today,
      now: () => new Date(Date.parse(`${today}T09:00:00Z`) + (Date.now() - clockBase)),
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 120_000);
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    await db?.close();
  });

  /** Moves the business date on and runs the daily run for it (charges posted, every case re-assessed). */
  async function moveTo(date: BusinessDate): Promise<void> {
    if (date <= today) return;
    today = date;
    clockBase = Date.now();
    await runDaily(db, today);
  }

  /** Signs in (again: moving the date on ends the sessions) in the given context. */
  async function signIn(context: BrowserContext, username: string): Promise<Page> {
    const page = context.pages()[0] ?? (await context.newPage());
    await context.clearCookies();
    await page.goto(`${server.url}/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', users.find((u) => u.username === username)!.password);
    await page.click('[data-qa=sign-in-button]');
    await page.waitForLoadState('load');
    return page;
  }

  it('walks one case from letter 1 to the eviction as officer, senior and manager', async () => {
    const officerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const managerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const seniorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const consoleErrors = [...[officerContext, managerContext, seniorContext].map((c) => watchConsole(c))];

    // The senior picks a current secure tenancy in arrears whose recommendation is letter 1.
    let senior = await signIn(seniorContext, 'senior');
    await senior.goto(`${server.url}/worklist?patch=all&tenure=secure&action=send_letter_1`);
    await check(senior, 'worklist-letter-1');
    const firstRow = senior.locator('[data-qa=worklist-row]').first();
    const ref = (await firstRow.locator('[data-qa=tenancy-link]').textContent())!.trim();
    const tenancy = await findTenancyByRef(db, ref);
    expect(tenancy!.end_date).toBeNull();
    const tenants = (await db.query<{ name: string }>(`SELECT name FROM tenants WHERE tenancy_id = $1 ORDER BY position`, [tenancy!.id])).map((t) => t.name);
    const officerName = users.find((u) => u.role === 'officer' && u.patch === tenancy!.patch_name)!.username;
    const base = `${server.url}/tenancies/${ref}`;
    const legal = `${base}/legal`;
    const court = `${base}/court`;

    let page = await signIn(officerContext, officerName);
    const recommendation = async (): Promise<string> => {
      await page.goto(base);
      return (await page.locator('[data-qa=recommended-action]').getAttribute('data-action')) ?? 'none';
    };
    const recordStep = async (item: string, kind: 'statement' | 'contact' | 'letter', id: string) => {
      await page.goto(legal);
      await page.check(`input[name=preItem][value=${item}]`);
      await page.check(`input[name=evidenceKind][value=${kind}]`);
      await page.fill('#evidenceId', id);
      await page.click('[data-qa=record-step]');
      await page.waitForURL(new RegExp(`/tenancies/${ref}/legal$`));
      expect(await page.locator(`[data-qa=checklist-item][data-item=${item}]`).getAttribute('data-status')).toBe('Done');
    };
    const recordPsed = async (stage: string) => {
      await page.goto(`${legal}/psed?stage=${stage}`);
      await check(page, `psed-${stage}`);
      await saveEqualityAssessment(page, stage, {
        adjustments: 'Letters in large print; a support worker copied in',
        reasoning: 'Support, advice and an arrangement were offered and not taken up; the step is proportionate',
      });
      await page.waitForURL(new RegExp(`/tenancies/${ref}/legal$`));
    };
    const approveAsManager = async (action: string) => {
      const [approval] = await db.query<{ id: number }>(`SELECT id FROM approvals WHERE tenancy_id = $1 AND action = $2 AND status = 'pending'`, [tenancy!.id, action]);
      expect(approval).toBeDefined();
      const manager = await signIn(managerContext, 'manager');
      await manager.goto(`${server.url}/approvals`);
      await check(manager, `approvals-${action}`);
      await manager.goto(`${server.url}/approvals/${approval!.id}`);
      await check(manager, `approval-${action}`);
      await manager.check('input[name=decision][value=approve]');
      await manager.click('[data-qa=approval-save]');
      await manager.waitForURL(/\/approvals$/);
    };

    // 1. The ladder, as the engine recommends it: confirm each step; the notice checklist with evidence.
    let guard = 0;
    for (let action = await recommendation(); action !== 'serve_notice'; action = await recommendation()) {
      guard += 1;
      expect(guard, `stuck at ${action} on ${today}`).toBeLessThan(20);
      if (LADDER.includes(action)) {
        await check(page, `account-${action}`);
        await page.click('[data-qa=confirm-recommendation]');
        await page.waitForURL(new RegExp(`/tenancies/${ref}(/timeline)?$`)); // a letter: its timeline
        expect(await page.locator('[data-qa=flash]').count()).toBe(1);
        await check(page, `after-${action}`);
        if (action === 'send_final_warning') {
          // The Protocol notice checklist, with evidence (a rent statement of today).
          for (const item of NOTICE_CHECKLIST) await recordStep(item, 'statement', today);
          await check(page, 'legal-notice-checklist-done');
        }
        await moveTo(addDays(today, 7));
        page = await signIn(officerContext, officerName);
      } else if (action === 'complete_pre_action') {
        const [row] = await db.query<{ missing: string[] }>(`SELECT a.result->'missing' AS missing FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.tenancy_id = $1`, [tenancy!.id]);
        for (const item of row!.missing.filter((m) => m !== 'psed_assessment')) await recordStep(item, 'statement', today);
      } else {
        expect(['monitor', 'none'], `unexpected recommendation ${action}`).toContain(action === 'none' ? 'none' : action);
        await moveTo(addDays(today, 7));
        page = await signIn(officerContext, officerName);
      }
    }
    const letters = await db.query<{ template: string }>(`SELECT template FROM letters WHERE tenancy_id = $1 ORDER BY id`, [tenancy!.id]);
    expect(letters.map((l) => l.template)).toEqual(expect.arrayContaining(['send_letter_1']));

    // 2. PSED (notice), then the notice: preview → record as served → the PDF.
    await recordPsed('notice');
    await page.goto(legal);
    expect(await page.locator('[data-qa=notice-gate]').count()).toBe(0);
    await check(page, 'legal-before-notice');
    await page.click('[data-qa=prepare-notice]');
    await page.waitForURL(/\/legal\/notice$/);
    await check(page, 'notice-form');
    await fillDate(page, 'actedOn', today);
    await page.check('input[name=method][value=hand]');
    await page.click('[data-qa=preview-notice]');
    const preview = (await page.locator('[data-qa=notice-preview]').textContent())!;
    await check(page, 'notice-preview');
    const arrearsAtService = /Arrears on the date of service\s*(£[\d,]+\.\d\d)/.exec(preview)![1]!;
    await page.click('[data-qa=record-served]');
    await page.waitForURL(new RegExp(`/tenancies/${ref}/legal$`));
    const servedOn = today;
    const [notice] = await db.query<{ details: { earliestProceedingsDate: BusinessDate } }>(`SELECT details FROM case_events WHERE tenancy_id = $1 AND type = 'notice_served'`, [tenancy!.id]);
    const earliest = notice!.details.earliestProceedingsDate;
    expect(await page.locator('[data-qa=notice-validity]').textContent()).toBe('Not yet valid');
    expect(await page.locator('[data-qa=court-link]').getAttribute('href')).toBe(`/tenancies/${ref}/court`);
    await check(page, 'legal-notice-served');
    const noticePdf = anyPdfText(await download(page, '[data-qa=notice-pdf]'));
    for (const expected of [...tenants, tenancy!.address!, arrearsAtService, formatLongDate(servedOn), formatLongDate(earliest)]) expect(noticePdf).toContain(expected);

    // The worklist shows the notice with its validity.
    senior = await signIn(seniorContext, 'senior');
    await senior.goto(`${server.url}/worklist?patch=all`);
    const noticeCell = senior.locator('[data-qa=worklist-row]', { has: senior.locator(`[data-qa=tenancy-link]:text-is("${ref}")`) }).locator('[data-qa=notice-validity]');
    if ((await noticeCell.count()) > 0) expect(await noticeCell.textContent()).toContain(`not yet valid (from ${formatLongDate(earliest)})`);
    await check(senior, 'worklist-with-notice');

    // 3. After service: a contact, then the claim checklist with evidence, the warning letter, PSED (claim).
    await page.goto(`${base}/record/contact`);
    await page.check('input[name=channel][value=phone]');
    await page.check('input[name=outcome][value=spoke]');
    await page.click('[data-qa=record-save]');
    await page.waitForURL(/\/timeline$/);
    const [contact] = await db.query<{ id: number }>(`SELECT id FROM case_events WHERE tenancy_id = $1 AND type = 'contact' ORDER BY id DESC LIMIT 1`, [tenancy!.id]);
    await moveTo(earliest);
    page = await signIn(officerContext, officerName);
    await recordStep('rent_statement_sent', 'statement', today);
    await recordStep('debt_advice_referral', 'contact', String(contact!.id));
    await recordStep('post_notice_contact', 'contact', String(contact!.id));
    await page.goto(legal);
    await page.click('[data-qa=send-warning]');
    await page.waitForURL(new RegExp(`/tenancies/${ref}/legal$`));
    expect(await page.locator('[data-qa=checklist-item][data-item=pre_issue_warning]').getAttribute('data-status')).not.toBe('Missing');
    await recordPsed('claim');
    await check(page, 'legal-claim-ready');

    // 4. The engine recommends possession (the worklist row shows the notice valid until its expiry): ask
    // for approval; a manager approves; the claim is recorded.
    expect(await recommendation()).toBe('apply_for_possession');
    senior = await signIn(seniorContext, 'senior');
    await senior.goto(`${server.url}/worklist?patch=all&action=apply_for_possession`);
    const [inForce] = await db.query<{ expires: string | null }>(`SELECT a.result->'notice'->>'expiresOn' AS expires FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.tenancy_id = $1`, [tenancy!.id]);
    const validCell = senior.locator('[data-qa=worklist-row]', { has: senior.locator(`[data-qa=tenancy-link]:text-is("${ref}")`) }).locator('[data-qa=notice-validity]');
    expect(await validCell.textContent()).toContain(`valid until ${formatLongDate(inForce!.expires!)}`);
    await check(senior, 'worklist-notice-valid');
    await check(page, 'account-apply-for-possession');
    await page.click('[data-qa=confirm-recommendation]');
    await page.waitForURL(new RegExp(`/tenancies/${ref}$`));
    expect(await page.locator('[data-qa=flash]').textContent()).toContain('sent to a manager for approval');
    await approveAsManager('apply_for_possession');
    await page.goto(legal);
    expect(await page.locator('[data-qa=gate-open]').count()).toBe(1);
    const issuedOn = today;
    const hearingDate = addDays(today, 28);
    await page.fill('#claimNumber', 'K00DM001');
    await page.fill('#court', 'Demo County Court');
    await fillDate(page, 'hearingDate', hearingDate);
    await page.click('[data-qa=record-claim]');
    await page.waitForURL(new RegExp(`/tenancies/${ref}/legal$`));
    expect(await page.locator('[data-qa=stage]').getAttribute('data-stage')).toBe('hearing_listed');
    await check(page, 'legal-claim-recorded');
    await page.goto(base);
    expect(await page.locator('[data-qa=account-task][data-kind=hearing_statement_due]').count()).toBe(1);
    await check(page, 'account-hearing-task');

    // 5. The court page: the bundle.
    await page.goto(legal);
    await page.click('[data-qa=court-link]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=claim-issued]').textContent()).toContain(formatLongDate(issuedOn));
    await check(page, 'court-claim');
    const particulars = anyPdfText(await download(page, '[data-qa=particulars-pdf]'));
    for (const expected of [...tenants, formatLongDate(servedOn)]) expect(particulars).toContain(expected);
    expect((await download(page, '[data-qa=schedule-csv]')).toString('utf8')).toContain('balance');
    expect((await download(page, '[data-qa=pcol-csv]')).toString('utf8')).toContain(ref);
    senior = await signIn(seniorContext, 'senior');
    await senior.goto(court);
    await check(senior, 'court-senior');

    // 6. The hearing: an outright order, possession in 14 days.
    await moveTo(hearingDate);
    page = await signIn(officerContext, officerName);
    const possessionDate = addDays(hearingDate, 14);
    await page.goto(`${court}/order`);
    await check(page, 'court-order-type');
    await page.check('input[name=type][value=outright]');
    await page.click('[data-qa=order-type-continue]');
    await fillDate(page, 'date', hearingDate);
    await fillDate(page, 'possessionDate', possessionDate);
    await check(page, 'court-order-outright');
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    await check(page, 'court-order-made');

    // 7. After the possession date (the engine recommends a warrant): PSED (warrant), request, approval.
    await moveTo(addDays(possessionDate, 1));
    page = await signIn(officerContext, officerName);
    expect(await recommendation()).toBe('apply_for_warrant');
    await recordPsed('warrant');
    await page.goto(`${court}/warrant`);
    await check(page, 'court-warrant');
    await page.click('[data-qa=warrant-request]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=warrant-pending]').count()).toBe(1);
    await approveAsManager('apply_for_warrant');
    await page.goto(court);
    expect(await page.locator('[data-qa=warrant-requested]').textContent()).toContain(formatLongDate(today));
    await check(page, 'court-warrant-requested');
    await page.goto(`${court}/warrant`);
    expect(await page.locator('[data-qa=warrant-sent]').count()).toBe(0);
    const requested = await db.query(`SELECT 1 FROM case_events WHERE tenancy_id = $1 AND type = 'warrant_requested'`, [tenancy!.id]);
    expect(requested).toHaveLength(1);

    // 8. The bailiffs' date (today), the safeguards, the eviction.
    await page.goto(court);
    await page.click('[data-qa=eviction-link]');
    await check(page, 'court-eviction');
    await fillDate(page, 'evictionDate', today);
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    await page.goto(`${court}/safeguards`);
    await check(page, 'court-safeguards');
    for (const item of ['housing_options_referral', 'childrens_services_checked', 'adults_services_checked', 'pre_eviction_visit', 'benefits_rechecked', 'agencies_notified']) {
      await page.check(`input[name=items][value=${item}]`);
    }
    await page.check('input[name=consent][value=yes]');
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=safeguards]').textContent()).not.toContain('To do');
    const [{ before }] = (await db.query<{ before: number }>(`SELECT sum(amount_pence)::bigint AS before FROM ledger_transactions WHERE tenancy_id = $1`, [tenancy!.id])) as [{ before: number }];
    expect(before).toBeGreaterThan(0);
    await page.goto(`${court}/outcome`);
    await check(page, 'court-outcome');
    await page.check('input[name=outcome][value=evicted]');
    await page.click('[data-qa=court-save]');
    await page.waitForURL(/\/court$/);
    expect(await page.locator('[data-qa=evicted]').textContent()).toContain(formatLongDate(today));
    await check(page, 'court-evicted');

    // The account: a former tenancy, the balance in former tenant arrears; the legal page's history.
    await page.goto(base);
    expect(await page.locator('[data-qa=account-ref]').textContent()).toContain('former tenancy');
    // Rent charged for days after the eviction was credited before the balance moved.
    const [{ credited }] = (await db.query<{ credited: number }>(
      `SELECT coalesce(-sum(amount_pence), 0)::bigint AS credited FROM ledger_transactions WHERE tenancy_id = $1 AND kind = 'reversal' AND idempotency_key LIKE 'charge_after_end:%'`,
      [tenancy!.id],
    )) as [{ credited: number }];
    const fta = page.locator('[data-qa=ledger-table][data-sub-account=former_tenant_arrears]');
    expect(await fta.textContent()).toContain(formatPounds(before - credited));
    await check(page, 'account-former');
    await page.goto(legal);
    const history = (await page.locator('[data-qa=legal-history]').textContent())!;
    for (const expected of ['Notice served', 'Claim issued', 'Court order', 'Warrant requested', 'Eviction scheduled', 'Evicted', 'Tenancy ended']) expect(history).toContain(expected);
    await check(page, 'legal-closed');
    const balances = await db.query<{ sub_account: string; total: number }>(`SELECT sub_account, sum(amount_pence)::bigint AS total FROM ledger_transactions WHERE tenancy_id = $1 GROUP BY sub_account`, [tenancy!.id]);
    expect(balances.find((b) => b.sub_account === 'former_tenant_arrears')?.total).toBe(before - credited);
    expect(balances.filter((b) => b.sub_account !== 'former_tenant_arrears').every((b) => b.total === 0)).toBe(true);

    await Promise.all([officerContext.close(), managerContext.close(), seniorContext.close()]);
    for (const errors of consoleErrors) expect(errors).toEqual([]);
  }, 300_000);

  it('axe: zero violations on every page visited', () => {
    expect(audited.length).toBeGreaterThan(20);
    expectNoViolations();
  });
});
