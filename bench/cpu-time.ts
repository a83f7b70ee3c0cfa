/**
 * Where a run's CPU goes: this process's and the PostgreSQL server's CPU over it, and this process's split
 * into the run's steps from a sampling profile (V8's, through node:inspector). Used by
 * `bench/profile-daily-run.ts` and the benchmark's daily run (docs/performance.md, "Where the time goes").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** What one line of Linux's `/proc/<pid>/stat` says of its process. */
export interface ProcessTicks {
  pid: number;
  parentPid: number;
  command: string;
  /** CPU ticks (100 a second) the process used, user and system, with what its exited children used once reaped. */
  ticks: number;
}

/** Reads a `/proc/<pid>/stat` line (proc(5)). */
export function parseProcStat(stat: string): ProcessTicks {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  // After the command's closing bracket: state is field 3, the parent's pid 4, utime 14, stime 15, and the CPU of
  // the children it has waited for (a server's backends, a cluster's workers, once they have exited) cutime 16 and
  // cstime 17.
  const fields = stat.slice(close + 2).split(' ');
  return {
    pid: Number(stat.slice(0, open).trim()),
    parentPid: Number(fields[1]),
    command: stat.slice(open + 1, close),
    ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
  };
}

/** Every process on this machine as `/proc` shows it now, or null without `/proc`. */
function readProcesses(): ProcessTicks[] | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc');
  } catch {
    return null;
  }
  const processes: ProcessTicks[] = [];
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      processes.push(parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8')));
    } catch {
      // the process ended meanwhile
    }
  }
  return processes;
}

/** The ticks of the process `rootPid` and of every process descended from it (0 when it is not among them). */
export function treeTicks(processes: readonly ProcessTicks[], rootPid: number): number {
  const children = new Map<number, ProcessTicks[]>();
  for (const p of processes) {
    const siblings = children.get(p.parentPid);
    if (siblings) siblings.push(p);
    else children.set(p.parentPid, [p]);
  }
  let ticks = 0;
  const pending = processes.filter((p) => p.pid === rootPid);
  for (let p = pending.pop(); p !== undefined; p = pending.pop()) {
    ticks += p.ticks;
    pending.push(...(children.get(p.pid) ?? []));
  }
  return ticks;
}

/**
 * CPU milliseconds used so far by the processes named postgres on this machine, with what their exited children
 * used (the server's backends, once the server has reaped them), or null when there are none to see (the
 * embedded database, a server elsewhere, no /proc). Every PostgreSQL server on the machine counts: measure with
 * only the one in use busy.
 */
function postgresCpuMs(processes: readonly ProcessTicks[] | null): number | null {
  const postgres = (processes ?? []).filter((p) => p.command.startsWith('postgres'));
  return postgres.length === 0 ? null : postgres.reduce((ticks, p) => ticks + p.ticks, 0) * 10;
}

/** This process's CPU milliseconds so far (user and system, every thread). */
function processCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** The CPU used so far, read at one moment: this process's and every process's on this machine (null without /proc). */
export interface CpuSnapshot {
  at: number;
  nodeMs: number;
  processes: ProcessTicks[] | null;
}

export function cpuSnapshot(): CpuSnapshot {
  return { at: performance.now(), nodeMs: processCpuMs(), processes: readProcesses() };
}

/**
 * The CPU used between two snapshots, with the elapsed time: this process's, the PostgreSQL server's, and, given
 * `processTree`, that process's and its descendants' (a server in child processes: `rentwise serve` and its
 * workers); null for what is not to be seen.
 */
export function cpuBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  processTree: number | null = null,
): { elapsedMs: number; nodeCpuMs: number; postgresCpuMs: number | null; processTreeCpuMs: number | null } {
  const postgresBefore = postgresCpuMs(before.processes);
  const postgresAfter = postgresCpuMs(after.processes);
  const [was, is] = [before.processes, after.processes];
  const treeSeen = processTree !== null && was !== null && is !== null && is.some((p) => p.pid === processTree);
  return {
    elapsedMs: after.at - before.at,
    nodeCpuMs: after.nodeMs - before.nodeMs,
    postgresCpuMs: postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
    processTreeCpuMs: treeSeen ? (treeTicks(is, processTree) - treeTicks(was, processTree)) * 10 : null,
  };
}

/** The CPU this process and the PostgreSQL server used over `fn`, with its elapsed time. */
export async function cpuOver<T>(fn: () => Promise<T>): Promise<{ value: T; elapsedMs: number; nodeCpuMs: number; postgresCpuMs: number | null }> {
  const before = cpuSnapshot();
  const value = await fn();
  const { elapsedMs, nodeCpuMs, postgresCpuMs } = cpuBetween(before, cpuSnapshot());
  return { value, elapsedMs, nodeCpuMs, postgresCpuMs };
}

/** The parts of a V8 CPU profile (`Profiler.stop`'s) read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Samples `fn` with V8's profiler every `intervalUs` microseconds. */
export async function profileCpu<T>(fn: () => Promise<T>, intervalUs = 500): Promise<{ value: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    const value = await fn(); // if it throws, disconnecting stops the profiler
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return { value, profile };
  } finally {
    session.disconnect();
  }
}

/**
 * A step of a run: the functions whose time (with what they call) is the step's, each by its name, or as
 * `name@file` when the name alone is too common (`slice@case-data-store`: a function named slice in a file
 * whose address contains case-data-store).
 */
export interface Step {
  name: string;
  functions: readonly string[];
}

/** Names given to the time no step's function is on the stack for. */
export const OTHER_TIME = {
  garbageCollection: 'garbage collection',
  idle: 'idle (waiting)',
  embedded: 'the embedded database (PGlite, in this process)',
  driver: 'the database driver and the socket',
  other: 'everything else (V8, Node, the rest of the code)',
} as const;

/** The profiler's own work (starting and stopping it: node:inspector's session), left out of the times. */
const PROFILER = '(the profiler)';

function isDriverFrame(url: string): boolean {
  return /\/node_modules\/(pg|pg-protocol|pg-pool|pg-cursor|pg-copy-streams)\//.test(url) || /^node:(net|stream|internal\/stream)/.test(url);
}

/**
 * The profile's time by step: each sample goes to the innermost frame on its stack that belongs to a step's
 * function, to the driver (pg or Node's sockets and streams) or to the embedded database (PGlite), whichever
 * is nearer the sample; garbage collection and idle time by their own names; anything else to `other`. The
 * profiler's own work (node:inspector's session, stopping the profiler: ~0.1 s) is left out.
 * Steps come out in the order given, then the rest; milliseconds, with each one's share of the whole.
 */
export function timeBySteps(profile: CpuProfile, steps: readonly Step[]): { name: string; ms: number; share: number }[] {
  const stepsByFunction = new Map<string, { file: string; step: string }[]>();
  for (const step of steps) {
    for (const entry of step.functions) {
      const [fn, file = ''] = entry.split('@') as [string, string?];
      stepsByFunction.set(fn, [...(stepsByFunction.get(fn) ?? []), { file, step: step.name }]);
    }
  }
  const stepOf = (functionName: string, url: string): string | undefined => stepsByFunction.get(functionName)?.find((s) => url.includes(s.file))?.step;
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  // The part of the run a frame's own function makes its time (and its callees'), if it is one of them.
  const ownTime = (functionName: string, url: string): string | undefined => {
    if (url === 'node:inspector') return PROFILER;
    const step = stepOf(functionName, url);
    if (step !== undefined) return step;
    if (functionName === '(garbage collector)') return OTHER_TIME.garbageCollection;
    if (functionName === '(idle)') return OTHER_TIME.idle;
    // PGlite's JavaScript, and its PostgreSQL compiled to WebAssembly (the only WebAssembly Rentwise runs).
    if (url.includes('/@electric-sql/pglite/') || url.startsWith('wasm://')) return OTHER_TIME.embedded;
    if (isDriverFrame(url)) return OTHER_TIME.driver;
    return undefined;
  };
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const cache = new Map<number, string>();
  const classify = (id: number): string => {
    const known = cache.get(id);
    if (known !== undefined) return known;
    const { functionName, url } = nodeById.get(id)!.callFrame;
    const parent = parentOf.get(id);
    const name = ownTime(functionName, url) ?? (parent === undefined ? OTHER_TIME.other : classify(parent));
    cache.set(id, name);
    return name;
  };
  const totals = new Map<string, number>();
  let wholeUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const name = classify(id);
    if (name === PROFILER) return;
    wholeUs += us;
    totals.set(name, (totals.get(name) ?? 0) + us);
  });
  const order = [...steps.map((s) => s.name), OTHER_TIME.embedded, OTHER_TIME.driver, OTHER_TIME.garbageCollection, OTHER_TIME.idle, OTHER_TIME.other];
  return order
    .filter((name, i) => order.indexOf(name) === i && totals.has(name))
    .map((name) => ({ name, ms: totals.get(name)! / 1000, share: wholeUs === 0 ? 0 : totals.get(name)! / wholeUs }));
}

/**
 * The daily run's steps, by the functions that do them (bench/profile-daily-run.ts; a test checks that each
 * function is still declared where it says). The steps overlap in time (the pipeline), not in CPU.
 */
export const DAILY_RUN_STEPS: readonly Step[] = [
  { name: 'posting the charges', functions: ['postCharges', 'loadChargeableTenancies'] },
  {
    name: 'reading the case data (COPY text parsed into rows)',
    functions: ['loadCaseBatch', 'loadCompactTransactions', 'copyOutTextOn', 'linesByTenancy', 'transactionRowsIn', 'eventRowsIn', 'chargeScheduleRows', 'parseCopyText', 'slice@case-data-store', 'of@case-data-store'],
  },
  { name: 'building the typed case files', functions: ['caseFileOf'] },
  { name: 'assessing (the engine, with its trace)', functions: ['assessCaseData', 'assessCase'] },
  { name: 'writing the results as COPY text (JSON, hash)', functions: ['stagedAssessmentText', 'stagedAssessmentLine'] },
  { name: 'storing the results', functions: ['storeStagedAssessments'] },
  { name: 'the after-run steps (tasks)', functions: ['runAfterRunSteps'] },
];
