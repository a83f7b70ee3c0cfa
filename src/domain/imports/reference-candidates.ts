/**
 * Finding the payer's rent reference inside a bank statement's description.
 *
 * Banks write the payer's reference somewhere in a free-text description: `J SMITH 100123 RENT BGC`,
 * `FASTER PAYMENT REF:TEN-000123`, `SO 100123`. The rule (documented in payment-formats/bank-statement):
 *
 * 1. split the description into words at anything that is not a letter, a digit, `-` or `/`, and trim
 *    `-` and `/` from each word's ends;
 * 2. a **candidate** is a word of 4 to 30 characters with at least one digit that is not a date
 *    (`12/03/2026`, `2026-03-12`); candidates keep their order in the description;
 * 3. the import takes the first candidate that is some account's payment reference (compared as written,
 *    then in capitals); when none is, the row is held in suspense quoting the first candidate (or the
 *    whole description when there is none) for an officer to allocate.
 */
export function referenceCandidates(description: string): string[] {
  const candidates: string[] = [];
  for (const raw of description.split(/[^A-Za-z0-9\-/]+/)) {
    const word = raw.replace(/^[-/]+|[-/]+$/g, '');
    if (word.length < 4 || word.length > 30 || !/\d/.test(word)) continue;
    if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(word) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(word)) continue;
    for (const form of [word, word.toUpperCase()]) if (!candidates.includes(form)) candidates.push(form);
  }
  return candidates;
}
