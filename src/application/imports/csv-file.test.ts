import { describe, expect, it } from 'vitest';
import { decodeField, decodeWindows1252 } from './csv-file';

describe('a field that is not UTF-8 is read as Windows-1252', () => {
  it.each([
    ['a pound sign', [0xa3, 0x35], '£5'],
    ['a euro sign', [0x80, 0x31, 0x30], '€10'],
    ['curly quotes and an apostrophe', [0x93, 0x52, 0x65, 0x6e, 0x74, 0x94, 0x20, 0x69, 0x74, 0x92, 0x73], '“Rent” it’s'],
    ['an en and an em dash, an ellipsis', [0x96, 0x97, 0x85], '–—…'],
    ['the letters of 0x8A–0x9F', [0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f, 0x83], 'ŠŒŽšœžŸƒ'],
    ['its five unassigned bytes, as the control character of the same number', [0x81, 0x8d, 0x8f, 0x90, 0x9d], '\u0081\u008d\u008f\u0090\u009d'],
    ['Latin-1 above 0x9F', [0xe9, 0xa0, 0xff], 'é\u00a0ÿ'],
  ])('%s', (_name, bytes, text) => {
    expect(decodeWindows1252(Uint8Array.from(bytes))).toBe(text);
    expect(decodeField(Buffer.from(bytes))).toBe(text);
  });

  it('maps 0x80–0x9F as the WHATWG Encoding Standard does', () => {
    // index-windows-1252.txt, pointers 0–31
    const index = [
      0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
      0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
    ];
    const bytes = Uint8Array.from(index, (_, i) => 0x80 + i);
    expect([...decodeWindows1252(bytes)].map((c) => c.codePointAt(0))).toEqual(index);
  });

  it('a field that is UTF-8 is read as UTF-8', () => {
    expect(decodeField(Buffer.from('“Rent” – €5 é', 'utf8'))).toBe('“Rent” – €5 é');
  });
});
