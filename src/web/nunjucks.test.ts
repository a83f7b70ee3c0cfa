import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import { describe, expect, it, vi } from 'vitest';
import { createNunjucksEnvironment, GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR, TemplateLoader, trimFilter, WEB_DIR } from './nunjucks';

const require = createRequire(import.meta.url);
/** Nunjucks' own filter, which ours replaces. */
const builtInTrim = (require('nunjucks/src/filters') as { trim: (value: unknown) => unknown }).trim;

describe('the trim filter', () => {
  it.each([
    ['plain', '  <p>text</p>\n  '],
    ['nothing to trim', 'a b'],
    ['empty', ''],
    ['only whitespace', ' \t\n\r\v\f '],
    ['unicode spaces', '\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff x \u00a0\ufeff'],
    ['inner whitespace kept', '\n  <td>\n   1 </td>\n  <td> 2 </td>\n'],
  ])('trims as the built-in filter does: %s', (_name, text) => {
    expect(trimFilter(text)).toBe(builtInTrim(text));
  });

  it('keeps markup marked safe safe, and plain text plain', () => {
    const safe = trimFilter(new nunjucks.runtime.SafeString('  <b>x</b> '));
    expect(safe).toBeInstanceOf(nunjucks.runtime.SafeString);
    expect(String(safe)).toBe('<b>x</b>');
    expect(trimFilter('  <b>x</b> ')).toBe('<b>x</b>');
    const env = createNunjucksEnvironment();
    expect(env.renderString('[{{ html | trim }}][{{ text | trim }}]', { html: new nunjucks.runtime.SafeString(' <b>x</b> '), text: ' <b>x</b> ' })).toBe('[<b>x</b>][&lt;b&gt;x&lt;/b&gt;]');
  });

  it('is the filter the pages use', () => {
    expect(createNunjucksEnvironment().getFilter('trim')).toBe(trimFilter);
  });
});

describe('the template loader', () => {
  const page = `{% from "govuk/components/button/macro.njk" import govukButton %}{% from "govuk/components/summary-list/macro.njk" import govukSummaryList %}
{{ govukButton({ text: "Save" }) }}{{ govukSummaryList({ rows: [{ key: { text: "Balance" }, value: { text: "£1.00" } }] }) }}`;

  it('resolves each relative name once, and renders what Nunjucks\' own loader renders', () => {
    const env = createNunjucksEnvironment();
    const resolve = vi.spyOn(nunjucks.Loader.prototype, 'resolve');
    try {
      const first = env.renderString(page, {});
      const resolvedByFirst = resolve.mock.calls.length;
      expect(resolvedByFirst).toBeGreaterThan(0); // GOV.UK Frontend's macros import their neighbours by relative name
      const second = env.renderString(page, {});
      expect(resolve.mock.calls.length).toBe(resolvedByFirst);
      expect(second).toBe(first);
      const own = new nunjucks.Environment(new nunjucks.FileSystemLoader([WEB_DIR, GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR]), { autoescape: true });
      expect(own.renderString(page, {})).toBe(first);
    } finally {
      resolve.mockRestore();
    }
  });

  it('is the loader of the pages', () => {
    const env = createNunjucksEnvironment() as unknown as { loaders: unknown[] };
    expect(env.loaders).toHaveLength(1);
    expect(env.loaders[0]).toBeInstanceOf(TemplateLoader);
  });
});
