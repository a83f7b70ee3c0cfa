#!/usr/bin/env node
// The `rentwise` command. It runs the bundle `npm ci` built from the sources (dist/, scripts/build.mjs)
// while the sources are unchanged since, and otherwise the TypeScript sources themselves through tsx's
// loader, so the command is always the code in the repository (docs/adr/0009).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBundle } from './bundle.mjs';

const bundle = freshBundle(join(dirname(fileURLToPath(import.meta.url)), '..'));
let main;
if (bundle) {
  // Errors name the sources' files and lines, not the bundle's (dist/*.mjs.map).
  process.setSourceMapsEnabled(true);
  try {
    ({ main } = await import(bundle));
  } catch (error) {
    // A bundle that cannot be loaded (a file of it removed, a build under way): the sources, as without one.
    process.stderr.write(`rentwise: the bundle in dist/ could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); running the sources (npm run build rebuilds it)\n`);
  }
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main/cli.ts'));
}
await main(process.argv);
