// Writes docs/diagrams/legal-case-stages.md from the transition table in src/domain/legal-case.
import { writeFileSync } from 'node:fs';
import { LEGAL_TRANSITIONS, legalStagesMermaid } from '../src/domain/legal-case/legal-case-stages';

export function legalStagesDocument(): string {
  const rows = LEGAL_TRANSITIONS.map((t) => `| ${t.from} | ${t.event} | ${t.to} | ${t.guard ?? ''} |`).join('\n');
  return `# Legal case stages

Generated from \`src/domain/legal-case/legal-case-stages.ts\` by \`npm run diagrams\`; a test checks it is up to date.

\`\`\`mermaid
${legalStagesMermaid()}
\`\`\`

| stage | event | next stage | guard |
|---|---|---|---|
${rows}
`;
}

if (process.argv[1] && process.argv[1].endsWith('generate-diagrams.ts')) {
  writeFileSync(new URL('../docs/diagrams/legal-case-stages.md', import.meta.url), legalStagesDocument());
  console.log('wrote docs/diagrams/legal-case-stages.md');
}
