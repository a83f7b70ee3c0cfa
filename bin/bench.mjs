#!/usr/bin/env node
// `npm run bench -- [--tenancies N] [--json FILE]`: see docs/performance.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/run-bench.ts');
await main(process.argv.slice(2));
