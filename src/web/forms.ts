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
