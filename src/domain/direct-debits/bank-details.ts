/**
 * Form checks on bank details. What they check, honestly: the shape (a sort code of 6 digits, written
 * `nn-nn-nn`, `nn nn nn` or `nnnnnn`; an account number of 8 digits) and plausibility: a sort code whose
 * first two digits are `00` (no bank holds that range), or of one repeated digit (`11-11-11`,
 * `99-99-99`) is refused, and an account number of one repeated digit (`00000000`) is refused. This is
 * NOT the Vocalink modulus check (that needs Vocalink's licensed weight table); the bank's AUDDIS reply
 * is what finally confirms the account.
 */
export type BankDetailCheck<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseSortCode(text: string): BankDetailCheck<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a sort code' };
  if (!/^\d{2}([- ]?)\d{2}\1\d{2}$/.test(trimmed)) return { ok: false, message: 'Enter a valid sort code like 30-94-57' };
  const digits = trimmed.replace(/[- ]/g, '');
  if (digits.startsWith('00') || /^(\d)\1{5}$/.test(digits)) return { ok: false, message: 'Enter a real sort code: this one is not used by any bank' };
  return { ok: true, value: digits };
}

export function parseAccountNumber(text: string): BankDetailCheck<string> {
  const digits = text.trim().replace(/[- ]/g, '');
  if (digits === '') return { ok: false, message: 'Enter an account number' };
  if (!/^\d{8}$/.test(digits)) return { ok: false, message: 'Enter an account number of 8 digits' };
  if (/^(\d)\1{7}$/.test(digits)) return { ok: false, message: 'Enter a real account number' };
  return { ok: true, value: digits };
}

/** `nn-nn-nn` of six digits. */
export function formatSortCode(digits: string): string {
  return `${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
}

/** Masked for display: `**-**-57`. */
export function maskSortCode(digits: string): string {
  return `**-**-${digits.slice(4, 6)}`;
}

/** Masked for display: `****5678`. */
export function maskAccountNumber(digits: string): string {
  return `****${digits.slice(-4)}`;
}
