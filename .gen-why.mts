import { SCENARIOS } from './src/domain/demo/scenarios';
import { createDemoLandlord } from './src/domain/demo/generate-demo';
(globalThis as any).__why = [];
const want = process.argv[2];
const why = new Map<string, number>();
for (const s of SCENARIOS as any[]) {
  const orig = s.write;
  s.write = (story: any, a: number) => { (globalThis as any).__why = []; const r = orig(story, a); if (s.name === want) { const k = r ? 'ok' : ((globalThis as any).__why.join(',') || '?'); why.set(k, (why.get(k) ?? 0) + 1); if (!r && process.argv[3]) console.log(k); } return r; };
}
const l = createDemoLandlord({ tenancies: 2000, seed: 1, asOf: '2026-11-23' });
for (const t of l.tenancies()) void t;
console.log([...why].sort((a,b)=>b[1]-a[1]).slice(0,20));
