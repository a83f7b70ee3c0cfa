#!/usr/bin/env node
// `npm run bench -- [--tenancies N] [--json FILE]`: see docs/performance.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/run-bench.ts');
try {
  await main(process.argv.slice(2));
} catch (error) {
  // The reason first and plainly (a bad option, a database it cannot create); the stack after it, for a fault.
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) console.error(error.stack.split('\n').slice(1).join('\n'));
  process.exitCode = 1;
}
