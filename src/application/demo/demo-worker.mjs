// Starts demo-worker.ts in a worker thread: the TypeScript sources run through tsx's loader, as in
// bin/rentwise.mjs (a worker does not inherit the loader registered in the main thread).
import { register } from 'tsx/esm/api';

register();
await import('./demo-worker.ts');
