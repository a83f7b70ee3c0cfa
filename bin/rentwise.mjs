#!/usr/bin/env node
// The `rentwise` command. The TypeScript sources run through tsx's loader (no build step),
// so the installed command is always the code in the repository.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli.ts');
await main(process.argv);
