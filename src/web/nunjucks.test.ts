import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_FRAME_SET, createNunjucksEnvironment, frameSet, GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR, TemplateLoader, trimFilter, WEB_DIR } from './nunjucks';

const require = createRequire(import.meta.url);
/** Nunjucks' own filter, which ours replaces. */
const builtInTrim = (require('nunjucks/src/filters') as { trim: (value: unknown) => unknown }).trim;

describe("Nunjucks' frames set variables as the built-in does, each name split once", () => {
  type Frame = { variables: Record<string, unknown>; parent: Frame | null; push(isolateWrites?: boolean): Frame; set(name: string, val: unknown, resolveUp?: boolean): void };
  const FrameClass = (nunjucks.runtime as unknown as { Frame: new (parent?: Frame, isolateWrites?: boolean) => Frame }).Frame;
  /** Frames two deep (the inner one isolating writes or not), after `steps` of sets made with `set` at each. */
  const after = (set: typeof frameSet, isolateWrites: boolean, steps: [depth: 0 | 1, name: string, val: unknown, resolveUp?: boolean][]) => {
    const outer = new FrameClass();
    const inner = outer.push(isolateWrites);
    for (const [depth, name, val, resolveUp] of steps) set.call((depth === 0 ? outer : inner) as never, name, val, resolveUp);
    return { outer: outer.variables, inner: inner.variables };
  };
  it.each([
    ['a plain name', [[1, 'a', 1]]],
    ['a name with dots, nested', [[1, 'loop.index', 1], [1, 'loop.first', true], [1, 'loop.index', 2]]],
    ['deeper, over an object already there', [[1, 'a.b.c', 1], [1, 'a.b.d', 2], [1, 'a.e', 3]]],
    ['resolved up to the frame that holds it', [[0, 'x', 1], [1, 'x', 2, true], [1, 'y', 3, true]]],
    ['resolved up by its first part', [[0, 'm', { n: 1 }], [1, 'm.n', 2, true]]],
    ['not resolved up', [[0, 'x', 1], [1, 'x', 2, false]]],
  ] as [string, [0 | 1, string, unknown, boolean?][]][])('%s', (_name, steps) => {
    for (const isolateWrites of [false, true]) {
      expect(after(frameSet, isolateWrites, steps)).toEqual(after(BUILT_IN_FRAME_SET as typeof frameSet, isolateWrites, steps));
    }
  });

  it("is the frames' own, and Nunjucks is the version it copies", () => {
    expect((nunjucks.runtime as unknown as { Frame: { prototype: { set: unknown } } }).Frame.prototype.set).toBe(frameSet);
    expect((require('nunjucks/package.json') as { version: string }).version).toBe('3.2.4');
    expect(BUILT_IN_FRAME_SET).not.toBe(frameSet);
    expect(String(BUILT_IN_FRAME_SET)).toContain("name.split('.')");
  });
});

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
