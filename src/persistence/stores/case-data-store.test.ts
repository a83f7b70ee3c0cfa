import { describe, expect, it } from 'vitest';
import { linesByTenancy } from './case-data-store';

describe('linesByTenancy: where the lines of each tenancy are in a COPY text', () => {
  it.each([
    { name: 'empty', text: '', runs: {} },
    { name: 'grouped, one run each', text: '7\ta\n7\tb\n12\tc\n', runs: { 7: [0, 8], 12: [8, 13] } },
    { name: 'a tenancy in two runs', text: '7\ta\n12\tb\n7\tc\n', runs: { 7: [0, 4, 9, 13], 12: [4, 9] } },
    { name: 'no newline at the end', text: '7\ta\n8\tb', runs: { 7: [0, 4], 8: [4, 7] } },
    { name: 'escaped tabs and newlines inside a field', text: '7\ta\\tb\\nc\n', runs: { 7: [0, 10] } },
  ])('$name', ({ text, runs }) => {
    expect(Object.fromEntries(linesByTenancy(text))).toEqual(runs);
  });

  it('refuses a line that does not begin with a tenancy id', () => {
    expect(() => linesByTenancy('7\ta\n\\N\tb\n')).toThrow(/no tenancy id at offset 4/);
  });
});
