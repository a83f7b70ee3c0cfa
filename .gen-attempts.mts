import { SCENARIOS } from './src/domain/demo/scenarios';
import { createDemoLandlord } from './src/domain/demo/generate-demo';
const stats = new Map<string, { calls: number; ok: number; ms: number }>();
for (const s of SCENARIOS as any[]) {
  const orig = s.write;
  s.write = (story: any, a: number) => {
    const t = performance.now();
    const r = orig(story, a);
    const st = stats.get(s.name) ?? { calls: 0, ok: 0, ms: 0 };
    st.calls++; if (r) st.ok++; st.ms += performance.now() - t; stats.set(s.name, st);
    return r;
  };
}
const n = Number(process.argv[2] ?? 2000);
const l = createDemoLandlord({ tenancies: n, seed: Number(process.argv[3] ?? 1), asOf: process.argv[4] ?? '2026-11-23' });
for (const t of l.tenancies()) void t;
console.log([...stats].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => `${k.padEnd(36)} calls ${String(v.calls).padStart(5)} ok ${String(v.ok).padStart(5)} ms ${v.ms.toFixed(0)}`).join('\n'));
