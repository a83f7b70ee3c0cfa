/**
 * What the shared notice letter (src/application/notices/draft-notice.ts `noticeLetter`) leaves out for a
 * tenure, added before the notice is stored and served:
 * - section 128 (introductory): the reasons, and the right to ask for a review of the decision within 14
 *   days of service (domain reference §1: HA 1996 s128/s129 — "state the right to ask for a review within
 *   14 days; point to advice sources").
 */
import { addDays } from '../../domain/calendar/business-date';
import { formatPounds } from '../../domain/money/pence';
import { formatLongDate } from '../../domain/statements/dates';
import type { Letter } from '../letters/letter';
import type { NoticeDraft } from '../notices/draft-notice';

/** HA 1996 s129(1): a review must be asked for within 14 days of service of the s128 notice. */
export const SECTION_128_REVIEW_DAYS = 14;

export function completeNoticeLetter(letter: Letter, draft: NoticeDraft): Letter {
  if (draft.type !== 'section_128') return letter;
  const reviewBy = addDays(draft.servedOn, SECTION_128_REVIEW_DAYS);
  const extra = [
    '## Why the court will be asked for possession',
    `The court will be asked to make an order for possession of your home because rent lawfully due has not been paid: the arrears on the date of this notice are ${formatPounds(draft.arrearsPence)}.`,
    '## Your right to a review',
    `You have the right to ask us to review our decision to seek possession. Your request must reach us within 14 days of the date this notice is served, that is by ${formatLongDate(reviewBy)}. You may ask for the review to be by oral hearing. If you need help or advice about this notice, contact Citizens Advice, a solicitor, a housing aid centre or a law centre.`,
  ];
  const at = letter.paragraphs.indexOf('## What you should do');
  const paragraphs = at < 0 ? [...letter.paragraphs, ...extra] : [...letter.paragraphs.slice(0, at), ...extra, ...letter.paragraphs.slice(at)];
  return { ...letter, paragraphs, figures: [...(letter.figures ?? []), { label: 'Ask for a review by', value: formatLongDate(reviewBy) }] };
}
