import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Statement } from '../../domain/statements/statement';

/**
 * A letter to render: what `buildLetter` produces and `renderLetterPdf` draws. Paragraphs are plain
 * text; a paragraph starting `## ` is drawn as a subheading.
 */
export interface Letter {
  title: string;
  date: BusinessDate;
  /** The names the letter is addressed to (one tenant, or every joint tenant). */
  recipients: string[];
  /** The property on one line (split at commas for the address block), null when unknown. */
  address: string | null;
  /** Our reference: the tenancy ref. */
  reference: string;
  /** `Dear …,`; defaults to the recipients' names. */
  salutation?: string;
  paragraphs: string[];
  /** Key figures shown in a box after the first paragraph (e.g. the amount owed). */
  figures?: { label: string; value: string }[];
  /** Appended on a new page as a statement of the account. */
  statement?: Statement;
  /** Lines after the last paragraph, `\n` between them. */
  signOff: string;
}

/** `Alex`, `Alex and Sam`, `Alex, Sam and Kim`. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function defaultSalutation(recipients: readonly string[]): string {
  return recipients.length > 0 ? `Dear ${joinNames(recipients)},` : 'Dear tenant,';
}
