import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { createNunjucksEnvironment, trimFilter } from './nunjucks';

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
