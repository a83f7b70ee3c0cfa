import type { TraceEntry, TraceFigures } from './types';

/** Collects trace entries in the order the rules and measures are considered. */
export class Trace {
  readonly entries: TraceEntry[] = [];

  add(rule: string, matched: boolean, detail: string, figures: TraceFigures = {}): void {
    this.entries.push({ rule, matched, detail, figures });
  }
}
