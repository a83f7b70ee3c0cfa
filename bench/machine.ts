import { availableParallelism, cpus, totalmem } from 'node:os';
import type { Db } from '../src/persistence/database';
import { withServerSettings } from './bare-scan';

/**
 * The database server's settings that move the benchmark's figures: memory for pages and sorts, what a
 * commit waits for, checkpoints, parallel scans (the bare scan's) and JIT compilation (ADR 0011).
 */
export const REPORTED_SETTINGS = [
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'max_wal_size',
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'max_parallel_workers_per_gather',
  'jit',
] as const;

/** What the benchmark ran on, so that its figures can be read and compared (docs/performance.md). */
export interface MachineDescription {
  /** The cores Node may use (os.availableParallelism) and the processor's model. */
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  database: {
    kind: Db['kind'];
    version: string;
    /** Each of REPORTED_SETTINGS as the server gives it to any client (`SHOW`), JIT as a client without Rentwise's own setting has it. */
    settings: Record<(typeof REPORTED_SETTINGS)[number], string>;
  };
}

export async function describeMachine(db: Db): Promise<MachineDescription> {
  const rows = await withServerSettings(db, (tx) =>
    tx.query<{ name: string; value: string }>(
      `SELECT 'server_version' AS name, current_setting('server_version') AS value
       UNION ALL SELECT n, current_setting(n) FROM unnest($1::text[]) AS n`,
      [[...REPORTED_SETTINGS]],
    ),
  );
  const value = new Map(rows.map((r) => [r.name, r.value]));
  const setting = (name: string) => value.get(name) ?? '';
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    database: {
      kind: db.kind,
      version: setting('server_version'),
      settings: Object.fromEntries(REPORTED_SETTINGS.map((name) => [name, setting(name)])) as MachineDescription['database']['settings'],
    },
  };
}

/** One line for the benchmark's table: the machine, then the settings that differ most between servers. */
export function machineLine(m: MachineDescription): string {
  const s = m.database.settings;
  return (
    `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; ${m.database.kind} ${m.database.version}: ` +
    `shared_buffers ${s.shared_buffers}, work_mem ${s.work_mem}, fsync ${s.fsync}, synchronous_commit ${s.synchronous_commit}, ` +
    `full_page_writes ${s.full_page_writes}, parallel workers per gather ${s.max_parallel_workers_per_gather}, jit ${s.jit}`
  );
}
