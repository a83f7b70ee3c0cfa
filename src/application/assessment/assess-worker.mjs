// The entry of an assessment worker thread (parallel-assessment.ts). A worker thread starts without the
// TypeScript loader of the thread that started it: register it here (tsx, as bin/rentwise.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./assess-worker.ts');
