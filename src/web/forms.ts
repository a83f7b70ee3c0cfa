import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Zod issues → one message per field (the first), keyed by the field's name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** The GOV.UK error summary's list: each message links to its field (`#<id>`). */
export function errorList(errors: FieldErrors, ids: Record<string, string> = {}): { text: string; href: string }[] {
  return Object.entries(errors).map(([field, text]) => ({ text, href: `#${ids[field] ?? field}` }));
}

/** A form field's value as a string (express.urlencoded gives strings or arrays). */
export function bodyString(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function bodyStrings(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export function queryString(query: unknown, name: string): string {
  return bodyString(query, name).trim();
}

/** A GOV.UK date input (`<name>-day`, `-month`, `-year`) → `YYYY-MM-DD`, or what is wrong with it. */
export function dateField(
  body: unknown,
  name: string,
  what: string,
  options: { required: boolean },
): { value: string | null; error: string | null; raw: { day: string; month: string; year: string } } {
  const raw = { day: bodyString(body, `${name}-day`).trim(), month: bodyString(body, `${name}-month`).trim(), year: bodyString(body, `${name}-year`).trim() };
  if (raw.day === '' && raw.month === '' && raw.year === '') {
    return { value: null, error: options.required ? `Enter ${what}` : null, raw };
  }
  const missing = (['day', 'month', 'year'] as const).filter((k) => raw[k] === '');
  if (missing.length > 0) return { value: null, error: `${what.charAt(0).toUpperCase()}${what.slice(1)} must include a ${missing.join(' and ')}`, raw };
  if (!/^\d{1,2}$/.test(raw.day) || !/^\d{1,2}$/.test(raw.month) || !/^\d{4}$/.test(raw.year)) {
    return { value: null, error: `${what.charAt(0).toUpperCase()}${what.slice(1)} must be a real date`, raw };
  }
  const iso = `${raw.year}-${raw.month.padStart(2, '0')}-${raw.day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    return { value: null, error: `${what.charAt(0).toUpperCase()}${what.slice(1)} must be a real date`, raw };
  }
  return { value: iso, error: null, raw };
}

/** The date input's values for a date (to pre-fill a form). */
export function dateParts(iso: string | null): { day: string; month: string; year: string } {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
