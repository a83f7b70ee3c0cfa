import { createDemoLandlord } from '/work/main/src/domain/demo/generate-demo';
const n = Number(process.argv[2] ?? 500);
const t0 = performance.now();
const l = createDemoLandlord({ tenancies: n, seed: 1, asOf: '2026-11-23' });
const counts = new Map<string, { n: number; fell: number }>();
let rows = 0; let events = 0;
for (const t of l.tenancies()) {
  rows += t.transactions.length; events += t.events.length;
  const c = counts.get(t.scenario) ?? { n: 0, fell: 0 }; c.n++; counts.set(t.scenario, c);
  if (t.fellBack) { const k = 'FELLBACK'; const f = counts.get(k) ?? { n: 0, fell: 0 }; f.n++; counts.set(k, f); }
}
const cpu = process.cpuUsage(); console.log("cpu ms", Math.round((cpu.user + cpu.system) / 1000), "ms", Math.round(performance.now() - t0), 'rows', rows, 'events', events);
console.log([...counts].map(([k, v]) => `${k}:${v.n}`).join(' '));
