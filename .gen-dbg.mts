import { createDemoLandlord } from './src/domain/demo/generate-demo';
const l = createDemoLandlord({ tenancies: 2000, seed: 1, asOf: '2026-11-23' });
let shown = 0;
for (const t of l.tenancies()) {
  if (t.scenario === 'paid_up' && t.paymentProfile.startsWith(process.argv[2]!) && t.balancePence > 20000 && shown < 1) {
    shown++;
    console.log(t.ref, t.paymentProfile, t.balancePence, t.startDate, JSON.stringify(t.benefits));
    let bal = 0;
    for (const x of t.transactions) { bal += x.amountPence; if (x.date >= (process.argv[3] ?? '2026-06-01')) console.log(x.date, x.kind, x.method, x.amountPence, x.periodFrom, x.periodTo, bal); }
  }
}
