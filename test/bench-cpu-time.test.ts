import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAILY_RUN_STEPS, OTHER_TIME, parseProcStat, profileCpu, timeBySteps, treeTicks, type CpuProfile, type ProcessTicks } from '../bench/cpu-time';

/** A profile from a list of frames (id, function, address, parent) and samples (frame id, microseconds). */
function profileOf(frames: [number, string, string, number | null][], samples: [number, number][]): CpuProfile {
  return {
    nodes: frames.map(([id, functionName, url]) => ({
      id,
      callFrame: { functionName, url },
      children: frames.filter(([, , , parent]) => parent === id).map(([child]) => child),
    })),
    samples: samples.map(([id]) => id),
    timeDeltas: samples.map(([, us]) => us),
  };
}

const SRC = 'file:///app/src';
const STEPS = [
  { name: 'case files', functions: ['caseFileOf'] },
  { name: 'lines', functions: ['stagedAssessmentLine'] },
  { name: 'charges', functions: ['postCharges'] },
  { name: 'reading', functions: ['slice@case-data-store'] },
];

describe("the daily run's CPU profile by step", () => {
  const profile = profileOf(
    [
      [1, '(root)', '', null],
      [2, 'assessInSlices', `${SRC}/application/assessment/assess-tenancies.ts`, 1],
      [3, 'caseFileOf', `${SRC}/application/case-file/build-case-file.ts`, 2],
      [4, 'isBusinessDate', `${SRC}/domain/calendar/business-date.ts`, 3],
      [5, 'stagedAssessmentLine', `${SRC}/persistence/stores/assessment-store.ts`, 2],
      [6, 'update', 'node:internal/crypto/hash', 5],
      [7, '(garbage collector)', '', 1],
      [8, '(idle)', '', 1],
      [9, 'postCharges', `${SRC}/application/charges/post-charges.ts`, 1],
      [10, 'query', 'file:///app/node_modules/pg/lib/client.js', 9],
      [11, 'writev', '', 10],
      [12, 'slice', 'node:buffer', 2],
      [13, 'slice', `${SRC}/persistence/stores/case-data-store.ts`, 2],
      [14, 'execProtocol', 'file:///app/node_modules/@electric-sql/pglite/dist/index.js', 9],
      [15, 'caseFileOf', `${SRC}/application/case-file/build-case-file.ts`, 10],
      [16, 'ExecInsert', 'wasm://wasm/0157a8b2', 14],
      [17, 'heap_insert', 'wasm://wasm/0157a8b2', 16],
      [18, 'profileCpu', `file:///app/bench/cpu-time.ts`, 1],
      [19, 'post', 'node:inspector', 18],
      [20, 'dispatch', '', 19],
    ],
    [
      [3, 1000],
      [4, 2000],
      [6, 500],
      [5, 500],
      [7, 3000],
      [8, 1500],
      [9, 250],
      [11, 750],
      [12, 100],
      [13, 400],
      [14, 600],
      [15, 50],
      [2, 350],
      [17, 400],
      [20, 5000],
    ],
  );
  const byName = Object.fromEntries(timeBySteps(profile, STEPS).map((s) => [s.name, s.ms]));

  it("gives each sample to the nearest frame that belongs to a step, the driver or the embedded database, leaving out the profiler's own", () => {
    expect(byName).toEqual({
      'case files': 3.05, // its own time, isBusinessDate's below it, and its call from under the driver
      lines: 1, // with the hash it calls
      charges: 0.25, // its own time only: the driver's frames below it are the driver's
      reading: 0.4, // slice in case-data-store; Buffer's slice is not
      [OTHER_TIME.embedded]: 1, // its JavaScript, and its WebAssembly below it
      [OTHER_TIME.driver]: 0.75, // writev has no address: the pg frame above it decides
      [OTHER_TIME.garbageCollection]: 3,
      [OTHER_TIME.idle]: 1.5,
      [OTHER_TIME.other]: 0.45, // assessInSlices' own time and Buffer's slice
    });
  });

  it('lists the steps in the order given, then the rest, with shares of the whole', () => {
    const steps = timeBySteps(profile, STEPS);
    expect(steps.map((s) => s.name)).toEqual(['case files', 'lines', 'charges', 'reading', OTHER_TIME.embedded, OTHER_TIME.driver, OTHER_TIME.garbageCollection, OTHER_TIME.idle, OTHER_TIME.other]);
    expect(steps.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 10);
    expect(steps[0]!.share).toBeCloseTo(3050 / 11400, 10);
  });

  it('leaves out a step with no samples, and an empty profile is empty', () => {
    expect(timeBySteps(profile, [...STEPS, { name: 'never', functions: ['neverCalled'] }]).map((s) => s.name)).not.toContain('never');
    expect(timeBySteps({ nodes: [], samples: [], timeDeltas: [] }, STEPS)).toEqual([]);
  });

  it("names only functions the daily run's code still declares, each where it says", () => {
    const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const texts = files.map((f) => ({ path: f, text: readFileSync(join('src', f), 'utf8') }));
    for (const entry of DAILY_RUN_STEPS.flatMap((s) => s.functions)) {
      const [name, file = ''] = entry.split('@') as [string, string?];
      const declared = new RegExp(`(function\\s+${name}\\b|^\\s*(async\\s+)?${name}\\s*\\()`, 'm');
      expect(texts.some((t) => t.path.includes(file) && declared.test(t.text)), entry).toBe(true);
    }
  });

  it("profiles a run with V8's sampler: a function busy for a while is seen", async () => {
    function busyForAWhile(): number {
      let n = 0;
      const started = performance.now();
      while (performance.now() - started < 60) n++;
      return n;
    }
    const { value, profile: sampled } = await profileCpu(async () => busyForAWhile());
    expect(value).toBeGreaterThan(0);
    const busy = timeBySteps(sampled, [{ name: 'busy', functions: ['busyForAWhile'] }]).find((s) => s.name === 'busy');
    expect(busy?.ms ?? 0).toBeGreaterThan(0);
  });
});

/** A `/proc/<pid>/stat` line as proc(5) lays it out: the CPU ticks given, the fields between the parent and them zero. */
function statLine(pid: number, command: string, parentPid: number, [utime, stime, cutime, cstime]: [number, number, number, number]): string {
  const between = Array.from({ length: 9 }, () => '0').join(' '); // pgrp … cmajflt
  return `${pid} (${command}) S ${parentPid} ${between} ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 12345 0 0\n`;
}

describe("a serving process's CPU with its workers' (the pages' CPU by side)", () => {
  it('reads the parent and the ticks of a stat line, a command with spaces and brackets included', () => {
    expect(parseProcStat(statLine(4242, 'node (rentwise) serve', 4000, [120, 30, 7, 3]))).toEqual({ pid: 4242, parentPid: 4000, command: 'node (rentwise) serve', ticks: 160 });
  });

  it('reads this process as /proc shows it', () => {
    if (!existsSync('/proc/self/stat')) return; // not Linux
    const self = parseProcStat(readFileSync('/proc/self/stat', 'utf8'));
    expect(self.pid).toBe(process.pid);
    expect(self.parentPid).toBe(process.ppid);
  });

  const processes: ProcessTicks[] = [
    { pid: 1, parentPid: 0, command: 'init', ticks: 1000 },
    { pid: 10, parentPid: 1, command: 'node', ticks: 5 }, // rentwise serve, the cluster's primary
    { pid: 11, parentPid: 10, command: 'node', ticks: 300 }, // a worker
    { pid: 12, parentPid: 10, command: 'node', ticks: 200 }, // a worker
    { pid: 13, parentPid: 12, command: 'sh', ticks: 1 }, // a worker's child
    { pid: 20, parentPid: 1, command: 'postgres', ticks: 700 },
    { pid: 21, parentPid: 20, command: 'postgres', ticks: 90 },
  ];

  it('counts the process and every process descended from it, and no other', () => {
    expect(treeTicks(processes, 10)).toBe(506);
    expect(treeTicks(processes, 12)).toBe(201);
    expect(treeTicks(processes, 20)).toBe(790);
  });

  it('counts nothing for a process that is not there', () => {
    expect(treeTicks(processes, 99)).toBe(0);
  });
});
