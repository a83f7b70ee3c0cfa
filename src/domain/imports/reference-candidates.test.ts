import { describe, expect, it } from 'vitest';
import { referenceCandidates } from './reference-candidates';

describe('referenceCandidates', () => {
  it.each([
    ['J SMITH 100123 RENT', ['100123']],
    ['FASTER PAYMENT REF:TEN-000123', ['TEN-000123']],
    ['SO 100123 / 200456', ['100123', '200456']],
    ['rent ten-000123', ['ten-000123', 'TEN-000123']],
    ['PAID 12/03/2026 REF 100123', ['100123']],
    ['PAID 2026-03-12 100123', ['100123']],
    ['A1 B2 C33 D444 E5555', ['D444', 'E5555']],
    ['HOUSING BENEFIT', []],
    ['', []],
    ['--100123--', ['100123']],
  ])('%j → %j', (description, expected) => {
    expect(referenceCandidates(description)).toEqual(expected);
  });
});
