/** Reads the shared worked examples (/work/shared/examples/cases): name, case file JSON, expected JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_CASES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/examples/cases');

export interface ExampleCase {
  name: string;
  caseFile: unknown;
  expected: Record<string, unknown>;
}

export function loadExampleCases(dir: string = EXAMPLE_CASES_DIR): ExampleCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace('.expected.json', '');
      return {
        name,
        caseFile: JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as unknown,
        expected: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>,
      };
    });
}
