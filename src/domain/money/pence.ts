/**
 * Money is integer pence everywhere inside Rentwise (ADR 0002). Pounds appear only at the edges:
 * parsing a file or a form, and formatting for a page, a CSV or a PDF.
 */
export type Pence = number;

export function isPence(value: unknown): value is Pence {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertPence(value: number, what = 'amount'): Pence {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of pence, got ${value}`);
  return value;
}

/**
 * The most one ledger line may hold either way: £10,000,000.00. No rent-account transaction comes near it, and
 * so a balance stays a number JavaScript holds exactly (2^53 pence, about £90 trillion) however an account's
 * lines add up: nine million lines at the limit would be needed to pass it. A line beyond it is a mistake (an
 * account number in the amount column) and is refused where it comes in; the ledger's own check
 * (migration 0034) refuses it from any writer.
 */
export const MAX_AMOUNT_PENCE: Pence = 1_000_000_000;

/** Whether `pence` is an amount one ledger line may hold (MAX_AMOUNT_PENCE). */
export function isWithinAmountLimit(pence: Pence): boolean {
  return Math.abs(pence) <= MAX_AMOUNT_PENCE;
}

export function sumPence(values: Iterable<Pence>): Pence {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Parses pounds and pence as written by people and banks: `112.50`, `-5`, `£1,234.5`, `(12.00)` for a
 * negative. Returns null when the text is not an amount, has more than two decimal places, or is more than
 * one ledger line may hold (MAX_AMOUNT_PENCE, either way). Exact: works on the digits, never through floating point.
 */
export function parsePoundsToPence(text: string): Pence | null {
  const pence = parsePoundsToPenceUnlimited(text);
  return pence !== null && isWithinAmountLimit(pence) ? pence : null;
}

/** parsePoundsToPence without the limit of one ledger line: for naming an amount refused for its size. */
export function parsePoundsToPenceUnlimited(text: string): Pence | null {
  let t = text.trim().replace(/[£\s]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.startsWith('+')) {
    t = t.slice(1);
  }
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(t) ?? /^()\.(\d{1,2})$/.exec(t);
  if (!m) return null;
  const pounds = m[1] === '' || m[1] === undefined ? 0 : Number(m[1]);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  const pence = pounds * 100 + Number(fraction);
  if (!Number.isSafeInteger(pence)) return null;
  return negative && pence !== 0 ? -pence : pence;
}

/** `12345` → `123.45`; `-5` → `-0.05`. No currency sign, no thousands separator (for CSV). */
export function formatPenceAsDecimal(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `123456` → `£1,234.56`; `-5` → `-£0.05`. For pages, letters and PDFs. */
export function formatPounds(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  // Thousands grouped by commas, as en-GB writes them: written out, not `toLocaleString` (ICU's formatter, a
  // few microseconds a call, and a page formats hundreds of amounts).
  const pounds = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** Integer division rounded half-up (away from zero for halves of positives), on exact integers. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  return 2 * r >= denominator ? q + 1 : q;
}
