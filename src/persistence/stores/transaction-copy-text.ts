/**
 * Ledger rows (and charge schedules) read with `COPY (…) TO STDOUT` (text format) for assessing: the daily
 * run and every re-assessment read each account's recent transactions this way, about 650,000 rows for
 * 10,000 accounts, so the parse is written for speed. Numbers are read from the text's character codes, the
 * ledger's words (kinds, sub-accounts, methods) are matched in place and shared, dates are shared too (the
 * same few hundred recur in every account), and only free text is cut out as new strings.
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { TRANSACTION_KINDS } from '../../domain/case-file/case-file';
import { PAYMENT_METHODS } from '../../domain/imports/parse-payment-row';
import { SUB_ACCOUNTS } from '../../domain/rent/charges-due';
import { unescapeCopyField } from '../database';
import type { ChargeScheduleRows } from './charge-store';

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
const BACKSLASH = 92;
const CAPITAL_N = 78;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** Known words indexed by their length, matched where they stand in the text instead of cut out of it. */
function wordsByLength(words: readonly string[]): (string[] | undefined)[] {
  const by: (string[] | undefined)[] = [];
  for (const w of words) (by[w.length] ??= []).push(w);
  return by;
}
const KIND_WORDS = wordsByLength(TRANSACTION_KINDS);
const SUB_ACCOUNT_WORDS = wordsByLength(SUB_ACCOUNTS);
const METHOD_WORDS = wordsByLength([...PAYMENT_METHODS, 'fta_transfer']);

/*
 * The field readers below are plain functions of the text and positions: the position is a local of the loop in
 * transactionRows, not a variable shared with closures (V8 keeps such a variable in memory, not a register,
 * and the parse ran ~45 % longer that way).
 */

/** Where the field starting at `at` ends: its tab, or (the last field) the line's end. */
function fieldEnd(text: string, at: number, last: boolean): number {
  const end = text.indexOf(last ? '\n' : '\t', at);
  return end === -1 ? text.length : end;
}

function isNull(text: string, at: number, end: number): boolean {
  return end - at === 2 && text.charCodeAt(at) === BACKSLASH && text.charCodeAt(at + 1) === CAPITAL_N;
}

function textOf(text: string, at: number, end: number): string {
  const raw = text.slice(at, end);
  return raw.includes('\\') ? unescapeCopyField(raw) : raw;
}

/** Dates already cut out, by their digits as a number (yyyymmdd): one string for each date, however many rows name it. */
const DATES = new Map<number, string>();
const DATES_KEPT = 50_000;

/** The date field at [at, end): the shared string for it when it is a yyyy-mm-dd date, else its text. */
function dateOf(text: string, at: number, end: number): string {
  if (end - at === 10 && text.charCodeAt(at + 4) === MINUS && text.charCodeAt(at + 7) === MINUS) {
    let key = 0;
    for (let i = at; i < end; i++) {
      if (i === at + 4 || i === at + 7) continue;
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return textOf(text, at, end);
      key = key * 10 + (c - ZERO);
    }
    const known = DATES.get(key);
    if (known !== undefined) return known;
    const date = text.slice(at, end);
    if (DATES.size >= DATES_KEPT) DATES.clear();
    DATES.set(key, date);
    return date;
  }
  return textOf(text, at, end);
}

function wordOf(known: readonly (string[] | undefined)[], text: string, at: number, end: number): string {
  const candidates = known[end - at];
  if (candidates !== undefined) {
    for (const w of candidates) if (text.startsWith(w, at)) return w;
  }
  return textOf(text, at, end);
}

/** Where the integer read by integerAt ended (its separator): a second result without an object for it. */
let integerEnd = 0;

/**
 * The integer at `at`, up to the tab that must follow it (no integer column is a line's last); sets
 * integerEnd. Throws if the field is not an integer, or (as the driver's bigint parser does) is beyond the
 * safe range.
 */
function integerAt(text: string, at: number): number {
  const negative = text.charCodeAt(at) === MINUS;
  let i = negative ? at + 1 : at;
  let value = 0;
  let c = text.charCodeAt(i);
  while (c >= ZERO && c <= NINE) {
    value = value * 10 + (c - ZERO);
    c = text.charCodeAt(++i);
  }
  const digits = i - (negative ? at + 1 : at);
  if (digits === 0 || c !== TAB) throw new Error(`COPY text: not an integer at offset ${at}`);
  if (digits > 15) {
    // Exact above 15 digits only by reading the digits as a whole.
    value = Number(text.slice(negative ? at + 1 : at, i));
    if (!Number.isSafeInteger(value)) throw new RangeError(`bigint value ${text.slice(at, i)} is beyond the safe integer range`);
  }
  integerEnd = i;
  return negative ? -value : value;
}

function notNull(text: string, at: number, end: number, column: string): void {
  if (isNull(text, at, end)) throw new Error(`COPY text: ${column} is null`);
}

/**
 * Parses the COPY text of TRANSACTION_COLUMNS: one row per line, fields separated by tabs, `\N` for null,
 * backslash escapes in text. Throws on a field that is not the integer its column holds, and (as the
 * driver's bigint parser does) on an integer beyond the safe range. Given `from` and `to`, parses the whole
 * lines between those offsets only.
 */
export function transactionRows(text: string, from = 0, to = text.length): TransactionRow[] {
  const rows: TransactionRow[] = [];
  const length = to;
  let at = from;
  let end: number;
  while (at < length) {
    const tenancyId = integerAt(text, at);
    at = integerEnd + 1;
    const id = integerAt(text, at);
    at = integerEnd + 1;
    end = fieldEnd(text, at, false);
    notNull(text, at, end, 'business_date');
    const businessDate = dateOf(text, at, end);
    at = end + 1;
    end = fieldEnd(text, at, false);
    notNull(text, at, end, 'kind');
    const kind = wordOf(KIND_WORDS, text, at, end);
    at = end + 1;
    end = fieldEnd(text, at, false);
    const method = isNull(text, at, end) ? null : wordOf(METHOD_WORDS, text, at, end);
    at = end + 1;
    const amountPence = integerAt(text, at);
    at = integerEnd + 1;
    end = fieldEnd(text, at, false);
    const periodFrom = isNull(text, at, end) ? null : dateOf(text, at, end);
    at = end + 1;
    end = fieldEnd(text, at, false);
    const periodTo = isNull(text, at, end) ? null : dateOf(text, at, end);
    at = end + 1;
    end = fieldEnd(text, at, false);
    const note = isNull(text, at, end) ? null : textOf(text, at, end);
    at = end + 1;
    end = fieldEnd(text, at, false);
    notNull(text, at, end, 'sub_account');
    const subAccount = wordOf(SUB_ACCOUNT_WORDS, text, at, end);
    at = end + 1;
    let reversesId: number | null = null;
    if (text.charCodeAt(at) === BACKSLASH) {
      end = fieldEnd(text, at, false);
      if (!isNull(text, at, end)) throw new Error(`COPY text: not an integer at offset ${at}`);
      at = end + 1;
    } else {
      reversesId = integerAt(text, at);
      at = integerEnd + 1;
    }
    end = fieldEnd(text, at, true);
    const reason = isNull(text, at, end) ? null : textOf(text, at, end);
    at = end + 1;
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

/** The columns a ChargeScheduleRow is read from, in this order (the integer first: no integer may end a line). */
export const CHARGE_SCHEDULE_COLUMNS = 'tenancy_id, weekly_pence, sub_account, effective_from';

/** A charge schedule row as read (charge-store's ChargeScheduleRows). */
export type ChargeScheduleRow = ChargeScheduleRows['schedules'][number];

/**
 * Parses the COPY text of CHARGE_SCHEDULE_COLUMNS (charge_schedules: about 17 rows an account on the
 * 20,000-tenancy demo, its rent changes over the years). Throws as transactionRows does.
 */
export function chargeScheduleRows(text: string): ChargeScheduleRow[] {
  const rows: ChargeScheduleRow[] = [];
  let at = 0;
  let end: number;
  while (at < text.length) {
    const tenancyId = integerAt(text, at);
    at = integerEnd + 1;
    const weeklyPence = integerAt(text, at);
    at = integerEnd + 1;
    end = fieldEnd(text, at, false);
    notNull(text, at, end, 'sub_account');
    const subAccount = wordOf(SUB_ACCOUNT_WORDS, text, at, end);
    at = end + 1;
    end = fieldEnd(text, at, true);
    notNull(text, at, end, 'effective_from');
    const effectiveFrom = dateOf(text, at, end);
    at = end + 1;
    rows.push({ tenancy_id: tenancyId, sub_account: subAccount, effective_from: effectiveFrom, weekly_pence: weeklyPence });
  }
  return rows;
}
