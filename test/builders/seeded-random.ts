/**
 * A small deterministic generator for the tests that build many histories or rows (no Math.random: the
 * same cases every run, so a failure names a seed that reproduces it).
 */
export function seededRandom(seed: number) {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return {
    next,
    int: (n: number): number => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}
