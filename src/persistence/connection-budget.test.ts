import { describe, expect, it } from 'vitest';
import { freeConnections, poolsWithin, type ConnectionLimits } from './connection-budget';

const limits = (maxConnections: number, openConnections: number, reservedConnections = 3): ConnectionLimits => ({ maxConnections, reservedConnections, openConnections });

describe('connections within the server’s limit', () => {
  it.each([
    { max: 100, reserved: 3, open: 1, free: 96 },
    { max: 100, reserved: 3, open: 97, free: 0 },
    { max: 100, reserved: 3, open: 99, free: 0 }, // a superuser may use the reserved ones: never below 0
    { max: 200, reserved: 10, open: 40, free: 150 },
  ])('max $max, reserved $reserved, open $open: $free free', ({ max, reserved, open, free }) => {
    expect(freeConnections(limits(max, open, reserved))).toBe(free);
  });

  it.each([
    // serving processes: up to 10 connections each, at least 2
    { case: 'a default server, 2 cores', limits: limits(100, 1), wanted: { pools: 2, perPool: 10, minPerPool: 2 }, got: { pools: 2, perPool: 10 } },
    { case: 'a default server, 16 cores', limits: limits(100, 1), wanted: { pools: 16, perPool: 10, minPerPool: 2 }, got: { pools: 16, perPool: 4 } },
    { case: 'a default server, 64 cores', limits: limits(100, 1), wanted: { pools: 64, perPool: 10, minPerPool: 2 }, got: { pools: 36, perPool: 2 } },
    { case: 'a busy server', limits: limits(100, 90), wanted: { pools: 8, perPool: 10, minPerPool: 2 }, got: { pools: 2, perPool: 2 } },
    { case: 'a full server: one pool, as a single process would open', limits: limits(100, 97), wanted: { pools: 8, perPool: 10, minPerPool: 2 }, got: { pools: 1, perPool: 2 } },
    // assessment workers: three connections each
    { case: 'workers, 32 cores', limits: limits(100, 5), wanted: { pools: 31, perPool: 3, minPerPool: 3 }, got: { pools: 23, perPool: 3 } },
    { case: 'workers, 8 cores', limits: limits(100, 5), wanted: { pools: 7, perPool: 3, minPerPool: 3 }, got: { pools: 7, perPool: 3 } },
    { case: 'the embedded database: no limits read', limits: null, wanted: { pools: 4, perPool: 10, minPerPool: 2 }, got: { pools: 4, perPool: 10 } },
  ])('$case', ({ limits: l, wanted, got }) => {
    const plan = poolsWithin(l, wanted);
    expect(plan).toEqual(got);
    if (l && freeConnections(l) > 0) expect(plan.pools * plan.perPool).toBeLessThanOrEqual(Math.max(wanted.minPerPool, freeConnections(l)));
  });
});
