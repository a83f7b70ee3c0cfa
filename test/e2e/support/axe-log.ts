import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './browser';

/** axe on the pages of a journey: each page's violations are kept, and asserted once, at the end. */
export interface AxeLog {
  /** The names of the pages checked, in order (a name checked twice is there twice). */
  audited: string[];
  /** axe (WCAG 2.2 AA) on the page as it stands. */
  check: (page: Page, name: string) => Promise<void>;
  /** No page had a violation; the message lists those that had. */
  expectNoViolations: () => void;
}

export function axeLog(): AxeLog {
  const audited: string[] = [];
  // One entry a page with violations: its name, its address and the violations.
  const failures: string[] = [];
  return {
    audited,
    check: async (page, name) => {
      const violations = await axeViolations(page);
      audited.push(name);
      if (violations.length > 0) failures.push(`${name} (${page.url()}):\n  ${violations.join('\n  ')}`);
    },
    expectNoViolations: () => {
      expect(failures, failures.join('\n')).toEqual([]);
    },
  };
}
