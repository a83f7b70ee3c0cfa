import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The system's Chromium, headless. Playwright's launch() always starts it with a fresh, temporary
 * profile (its own --user-data-dir, removed on close): passing one ourselves is refused, and
 * axe needs pages from browser.newContext(), which a persistent context cannot give.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core on the page as it is now (WCAG 2.2 AA): the violations, summarised for an assertion message. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Collects console errors and CSP violations of a context's pages. */
export function watchConsole(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('console', (msg) => {
      // A 4xx page the journey opens on purpose (403, 404, a form with errors) logs "Failed to load resource".
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource: the server responded with a status of 4')) errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
  });
  return errors;
}

/** Signs in through the sign-in page in a new page of `context`; the page after sign-in. */
export async function signInPage(context: BrowserContext, baseUrl: string, username: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-qa=sign-in-button]');
  await page.waitForLoadState('load');
  return page;
}
