/**
 * Ledger rows read with `COPY (…) TO STDOUT` (text format) for assessing: the daily run and every
 * re-assessment read each account's recent transactions this way, about 650,000 rows for 10,000 accounts,
 * so the parse is written for speed. Numbers are read from the text's character codes, the ledger's
 * words (kinds, sub-accounts, methods) are matched in place and shared, and only dates and free text are
 * cut out as new strings: a row makes about half the strings it did (less for the garbage collector).
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { TRANSACTION_KINDS } from '../../domain/case-file/case-file';
import { PAYMENT_METHODS } from '../../domain/imports/parse-payment-row';
import { SUB_ACCOUNTS } from '../../domain/rent/charges-due';
import { unescapeCopyField } from '../database';

/** The columns a TransactionRow is read from, in this order. */
export const TRANSACTION_COLUMNS = 'tenancy_id, id, business_date, kind, method, amount_pence, period_from, period_to, note, sub_account, reverses_id, reason';

export interface TransactionRow {
  tenancy_id: number;
  id: number;
  business_date: BusinessDate;
  kind: string;
  method: string | null;
  amount_pence: number;
  period_from: BusinessDate | null;
  period_to: BusinessDate | null;
  note: string | null;
  sub_account: string;
  reverses_id: number | null;
  reason: string | null;
}

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const CAPITAL_N = 78;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** Known words by length, matched where they stand in the text instead of cut out of it. */
function wordsByLength(words: readonly string[]): Map<number, string[]> {
  const by = new Map<number, string[]>();
  for (const w of words) by.set(w.length, [...(by.get(w.length) ?? []), w]);
  return by;
}
const KIND_WORDS = wordsByLength(TRANSACTION_KINDS);
const SUB_ACCOUNT_WORDS = wordsByLength(SUB_ACCOUNTS);
const METHOD_WORDS = wordsByLength([...PAYMENT_METHODS, 'fta_transfer']);

/**
 * Parses the COPY text of TRANSACTION_COLUMNS: one row per line, fields separated by tabs, `\N` for null,
 * backslash escapes in text. Throws on a field that is not the integer its column holds, and (as the
 * driver's bigint parser does) on an integer beyond the safe range.
 */
export function transactionRows(text: string): TransactionRow[] {
  const rows: TransactionRow[] = [];
  let at = 0;

  /** The end of the field starting at `at`: its tab, or the line's end for the last field. */
  const endOf = (last: boolean): number => {
    const end = text.indexOf(last ? '\n' : '\t', at);
    return end === -1 ? text.length : end;
  };
  const isNull = (end: number): boolean => end - at === 2 && text.charCodeAt(at) === BACKSLASH && text.charCodeAt(at + 1) === CAPITAL_N;

  const integer = (last: boolean): number | null => {
    const start = at;
    let c = text.charCodeAt(at);
    if (c === BACKSLASH) {
      const end = endOf(last);
      if (!isNull(end)) throw new Error(`COPY text: not an integer at offset ${start}`);
      at = end + 1;
      return null;
    }
    const negative = c === MINUS;
    if (negative) c = text.charCodeAt(++at);
    let value = 0;
    let digits = 0;
    while (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digits++;
      c = text.charCodeAt(++at);
    }
    if (digits === 0 || c !== (last ? NEWLINE : TAB)) {
      if (!(last && digits > 0 && Number.isNaN(c))) throw new Error(`COPY text: not an integer at offset ${start}`);
    }
    if (digits > 15) {
      // Exact above 15 digits only by reading the digits as a whole.
      value = Number(text.slice(negative ? start + 1 : start, at));
      if (!Number.isSafeInteger(value)) throw new RangeError(`bigint value ${text.slice(start, at)} is beyond the safe integer range`);
    }
    at++;
    return negative ? -value : value;
  };

  const textField = (last: boolean): string | null => {
    const end = endOf(last);
    if (isNull(end)) {
      at = end + 1;
      return null;
    }
    const raw = text.slice(at, end);
    at = end + 1;
    return raw.includes('\\') ? unescapeCopyField(raw) : raw;
  };

  const word = (known: Map<number, string[]>, last: boolean): string | null => {
    const end = endOf(last);
    const candidates = known.get(end - at);
    if (candidates) {
      for (const w of candidates) {
        if (text.startsWith(w, at)) {
          at = end + 1;
          return w;
        }
      }
    }
    return textField(last);
  };

  const required = <T>(value: T | null, column: string): T => {
    if (value === null) throw new Error(`COPY text: ${column} is null`);
    return value;
  };

  while (at < text.length) {
    const tenancyId = required(integer(false), 'tenancy_id');
    const id = required(integer(false), 'id');
    const businessDate = required(textField(false), 'business_date');
    const kind = required(word(KIND_WORDS, false), 'kind');
    const method = word(METHOD_WORDS, false);
    const amountPence = required(integer(false), 'amount_pence');
    const periodFrom = textField(false);
    const periodTo = textField(false);
    const note = textField(false);
    const subAccount = required(word(SUB_ACCOUNT_WORDS, false), 'sub_account');
    const reversesId = integer(false);
    const reason = textField(true);
    rows.push({
      tenancy_id: tenancyId,
      id,
      business_date: businessDate,
      kind,
      method,
      amount_pence: amountPence,
      period_from: periodFrom,
      period_to: periodTo,
      note,
      sub_account: subAccount,
      reverses_id: reversesId,
      reason,
    });
  }
  return rows;
}
