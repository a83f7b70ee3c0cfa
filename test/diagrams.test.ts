import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { legalStagesDocument } from '../scripts/generate-diagrams';

it('docs/diagrams/legal-case-stages.md matches the code (run npm run diagrams)', () => {
  expect(readFileSync(new URL('../docs/diagrams/legal-case-stages.md', import.meta.url), 'utf8')).toBe(legalStagesDocument());
});
