import { SCENARIOS } from './src/domain/demo/scenarios';
import { createDemoLandlord } from './src/domain/demo/generate-demo';
let dumped = 0;
for (const s of SCENARIOS as any[]) {
  const orig = s.write;
  s.write = (story: any, a: number) => {
    const r = orig(story, a);
    if (s.name === process.argv[2] && !r && dumped < 1 && story.sim) {
      dumped++;
      const A = story.asOfDay;
      console.log(story.paymentProfile, (globalThis as any).__why);
      for (const t of story.sim.sortedTxs()) if (t.day > A - 70) console.log(story.ctx.date(t.day), t.kind, t.method, t.amount, t.subAccount);
      const v = story.arrears();
      for (let d = A - 70; d <= A; d++) console.log(story.ctx.date(d), v.cashOn(d), v.realOn(d), v.transit[d - v.base]);
    }
    return r;
  };
}
(globalThis as any).__why = [];
const l = createDemoLandlord({ tenancies: 2000, seed: 1, asOf: '2026-11-23' });
for (let i = 0; i < 2000 && dumped < 1; i++) l.tenancy(i);
