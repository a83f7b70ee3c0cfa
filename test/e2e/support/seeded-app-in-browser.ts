import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startSeededApp } from './app-server';
import { launchBrowser, signInPage } from './browser';

export type SeededApp = Awaited<ReturnType<typeof startSeededApp>>;

export interface SeededAppInBrowser {
  /** The app started in beforeAll. */
  app: () => SeededApp;
  /** The browser launched in beforeAll. */
  browser: () => Browser;
  /** Signs in as a seeded user (the seed's password) in a new page of `context`; the page after sign-in. */
  signIn: (context: BrowserContext, username: string) => Promise<Page>;
}

/**
 * The seeded app on a random port and the system's Chromium for the journeys of a describe block: registers
 * the beforeAll that starts both and the afterAll that closes them. Call it first in the describe block: a
 * hook the block registers after it runs after this beforeAll and before this afterAll (Vitest's default
 * hook order, "stack").
 */
export function seededAppInBrowser(): SeededAppInBrowser {
  let app: SeededApp | undefined;
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;

  beforeAll(async () => {
    app = await startSeededApp();
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
    await app?.stop();
  });

  const started = (): SeededApp => {
    if (!app) throw new Error('The app starts in beforeAll');
    return app;
  };
  return {
    app: started,
    browser: () => {
      if (!launched) throw new Error('The browser is launched in beforeAll');
      return launched.browser;
    },
    signIn: (context, username) => signInPage(context, started().url, username, started().seed.password),
  };
}
