import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/**
 * Steps the journeys take on many pages: downloading a file a link or button gives, filling a GOV.UK date input and
 * filling the equality and proportionality assessment form.
 */

/** Clicks `target` (a selector or a locator) and returns the bytes of the file it downloads. */
export async function download(page: Page, target: string | Locator): Promise<Buffer> {
  const click = typeof target === 'string' ? page.click(target) : target.click();
  const [file] = await Promise.all([page.waitForEvent('download'), click]);
  return readFile((await file.path())!);
}

/** Fills the GOV.UK date input whose fields are `#<name>-day`, `-month` and `-year` with an ISO date. */
export async function fillDate(page: Page, name: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  await page.fill(`#${name}-day`, String(Number(day)));
  await page.fill(`#${name}-month`, String(Number(month)));
  await page.fill(`#${name}-year`, year!);
}

/** Fills the equality and proportionality assessment form for `stage` (disability considered, to proceed) and saves it. */
export async function saveEqualityAssessment(page: Page, stage: string, words: { adjustments: string; reasoning: string }): Promise<void> {
  await page.check(`input[name=stage][value=${stage}]`);
  await page.check('input[name=considered][value=disability]');
  await page.fill('#adjustments', words.adjustments);
  await page.fill('#reasoning', words.reasoning);
  await page.check('input[name=decision][value=proceed]');
  await page.click('[data-qa=save-psed]');
}
