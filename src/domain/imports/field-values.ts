import type { BusinessDate } from '../calendar/business-date';
import { parseUkOrIsoDate } from '../calendar/business-date';
import type { Pence } from '../money/pence';
import { formatPounds, isWithinAmountLimit, MAX_AMOUNT_PENCE, parsePoundsToPenceUnlimited } from '../money/pence';

/**
 * Readers for the values of one CSV field, shared by the payment and tenancy rows. Each returns the
 * value, or a message (without the field name: the caller names the field).
 */
export type FieldRead<T> = { ok: true; value: T } | { ok: false; message: string };

/** The text of a field: trimmed; empty or missing is null. */
export function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export function readDate(value: string): FieldRead<BusinessDate> {
  const date = parseUkOrIsoDate(value);
  if (date !== null) return { ok: true, value: date };
  const looksLikeDate = /^\d{4}-\d{1,2}-\d{1,2}$/.test(value) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value);
  return {
    ok: false,
    message: looksLikeDate ? `"${value}" is not a real calendar date` : `"${value}" is not a date (write YYYY-MM-DD or DD/MM/YYYY)`,
  };
}

/** Pounds and pence (`112.50`, `£1,234.50`, `-5`, `(12.00)`): exact, never through floating point. */
export function readPounds(value: string): FieldRead<Pence> {
  const pence = parsePoundsToPenceUnlimited(value);
  if (pence !== null) {
    if (isWithinAmountLimit(pence)) return { ok: true, value: pence };
    return { ok: false, message: `"${value}" is more than ${formatPounds(MAX_AMOUNT_PENCE)}, the most one transaction may be` };
  }
  if (/^[-+(]?£?\s*[\d,]*\.\d{3,}\)?$/.test(value.trim())) {
    return { ok: false, message: `"${value}" has more than two decimal places (write pounds and pence, e.g. 112.50)` };
  }
  return { ok: false, message: `"${value}" is not an amount in pounds and pence (e.g. 112.50)` };
}

/** A code from a list, read leniently: case, spaces and hyphens do not matter (`Direct Debit` = `direct_debit`). */
export function readCode<T extends string>(value: string, codes: readonly T[]): T | null {
  const normalised = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return codes.find((c) => c === normalised) ?? null;
}
