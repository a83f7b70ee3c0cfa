import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { repositoryRoot } from '../config/source-root';
import { formatLongDate, formatShortDate } from '../domain/statements/dates';
import { formatPounds } from '../domain/money/pence';
import { actionLabel, eventTypeLabel } from './labels';

const require = createRequire(import.meta.url);

/** src/web: layouts are `layout/…`, pages `staff/<feature>/….njk`. */
export const WEB_DIR = join(repositoryRoot(import.meta.url), 'src/web');
export const GOVUK_FRONTEND_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const MOJ_FRONTEND_DIR = dirname(require.resolve('@ministryofjustice/frontend/package.json'));

function isoDate(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true });
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `2026-11-23T14:05:00Z` → `23 November 2026 at 2:05pm` (London time). */
export function formatDateTime(value: Date | string): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return `${formatLongDate(LONDON_DATE.format(d))} at ${TIME.format(d).replace(/\s/g, '').toLowerCase()}`;
}

/**
 * Nunjucks' `trim`, with the string's own trim: the built-in one runs `/^\s*|\s*$/g` over the whole
 * text, and GOV.UK Frontend's macros trim every block of HTML they are given (a page's tables, its
 * summary lists, then the layout's main content), ~0.6 ms for a 100 kB page each time. `\s` and
 * String.prototype.trim strip the same characters (ECMAScript's WhiteSpace and LineTerminator); markup
 * marked safe stays safe, as with the built-in.
 */
export function trimFilter(value: unknown): unknown {
  const trimmed = String(value).trim();
  return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed;
}

/**
 * The templates' loader: Nunjucks' own, reading our folder, GOV.UK Frontend's and MOJ Frontend's, with each
 * relative template name resolved once. GOV.UK Frontend's macros import their neighbours by relative name
 * (`../../macros/attributes.njk`), and Nunjucks resolves such a name against the importing template's path
 * (`path.resolve`) at every import of every render, although the compiled templates are cached: a seventh of a
 * worklist's rendering (1.70 → 1.45 ms; docs/performance-history.md, session 22).
 * A name and the template importing it always resolve to the same path, and the pairs are a fixed set (the
 * templates' own imports), so each pair's path is kept.
 */
export class TemplateLoader extends nunjucks.FileSystemLoader {
  private readonly resolved = new Map<string, string>();

  override resolve(from: string, to: string): string {
    const key = `${from}\n${to}`;
    let path = this.resolved.get(key);
    if (path === undefined) {
      path = super.resolve(from, to);
      this.resolved.set(key, path);
    }
    return path;
  }
}

/** Nunjucks' frame of variables (its runtime's `Frame`, not in its types). */
interface NunjucksFrame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): NunjucksFrame | undefined;
  set(name: string, val: unknown, resolveUp?: boolean): void;
}

const FRAME = (nunjucks.runtime as unknown as { Frame: { prototype: NunjucksFrame } }).Frame.prototype;
/** Where `frameSet` keeps the built-in it replaced, so that a second copy of this module (a test's) finds it too. */
const REPLACED = Symbol.for('rentwise.nunjucks.frameSet.replaced');
type FrameSet = NunjucksFrame['set'] & { [REPLACED]?: NunjucksFrame['set'] };
/** Nunjucks 3.2.4's own `Frame.prototype.set` (package.json pins the version), which `frameSet` replaces. */
export const BUILT_IN_FRAME_SET: NunjucksFrame['set'] = (FRAME.set as FrameSet)[REPLACED] ?? FRAME.set;
const namePartsOf = new Map<string, readonly string[]>();

/**
 * Nunjucks' `Frame.prototype.set` with each variable name's parts kept, where the built-in splits the name on its
 * dots at every call. A page sets its variables thousands of times (a `for` loop sets `loop.index`, `loop.first`
 * and five more at each row): 5 % of an account page's CPU (0.44 ms a page), a third of that with the parts kept
 * (docs/performance-history.md, session 35). The same writes, in the same order, as the built-in (a test compares
 * the two); the names are the templates' own, a fixed set.
 */
export function frameSet(this: NunjucksFrame, name: string, val: unknown, resolveUp?: boolean): void {
  let parts = namePartsOf.get(name);
  if (parts === undefined) {
    parts = name.split('.');
    if (namePartsOf.size < 10_000) namePartsOf.set(name, parts);
  }
  if (resolveUp) {
    const frame = this.resolve(parts[0]!, true);
    if (frame) {
      frame.set(name, val);
      return;
    }
  }
  let obj = this.variables;
  for (let i = 0; i < parts.length - 1; i++) {
    const id = parts[i]!;
    if (!obj[id]) obj[id] = {};
    obj = obj[id] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]!] = val;
}
(frameSet as FrameSet)[REPLACED] = BUILT_IN_FRAME_SET;
FRAME.set = frameSet;

/**
 * The one Nunjucks environment: our templates, GOV.UK Frontend's and MOJ Frontend's, autoescaped,
 * with the filters the pages use (money from pence, dates, labels). Compiled templates are cached;
 * RENTWISE_TEMPLATE_RELOAD=true re-reads them on every render while editing templates.
 */
export function createNunjucksEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new TemplateLoader([WEB_DIR, GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR], { noCache: process.env.RENTWISE_TEMPLATE_RELOAD === 'true' }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('trim', trimFilter);
  env.addFilter('pounds', (pence: unknown) => (typeof pence === 'number' && Number.isFinite(pence) ? formatPounds(pence) : ''));
  env.addFilter('longDate', (value: unknown) => {
    const d = isoDate(value);
    return d ? formatLongDate(d) : '';
  });
  env.addFilter('shortDate', (value: unknown) => {
    const d = isoDate(value);
    return d ? formatShortDate(d) : '';
  });
  env.addFilter('dateTime', (value: unknown) => (value instanceof Date || typeof value === 'string' ? formatDateTime(value) : ''));
  // MOJ timeline's `date` and `mojDate` filters, without moment.
  env.addFilter('date', (value: unknown) => {
    const d = isoDate(value);
    return d ? formatLongDate(d) : '';
  });
  env.addFilter('mojDate', (value: unknown, type?: string) => {
    if (type === 'datetime' && (value instanceof Date || typeof value === 'string')) return formatDateTime(value);
    const d = isoDate(value);
    return d ? (type === 'shortdate' ? formatShortDate(d) : formatLongDate(d)) : '';
  });
  env.addFilter('actionLabel', (code: unknown) => (typeof code === 'string' ? actionLabel(code) : ''));
  env.addFilter('eventTypeLabel', (code: unknown) => (typeof code === 'string' ? eventTypeLabel(code) : ''));
  env.addFilter('weeks', (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : ''));
  return env;
}

/** Renders a template to HTML (pages, and the template tests). */
export function renderTemplate(env: nunjucks.Environment, name: string, context: object): string {
  return env.render(name, context);
}
