import { createDemoLandlord } from './src/domain/demo/generate-demo';
const n = Number(process.argv[2] ?? 2000);
const l = createDemoLandlord({ tenancies: n, seed: 1, asOf: '2026-11-23' });
const by = new Map<string, { n: number; arrears: number; pos: number; debit: number }>();
const byProfile = new Map<string, { n: number; arrears: number; pos: number }>();
let debit = 0, arrears = 0;
for (const t of l.tenancies()) {
  if (t.endDate) continue;
  const d = t.weeklyChargePence * 50; debit += d;
  const a = Math.max(0, t.balancePence); arrears += a;
  const k = t.scenario; const e = by.get(k) ?? { n: 0, arrears: 0, pos: 0, debit: 0 }; e.n++; e.arrears += a; e.pos += a > 0 ? 1 : 0; e.debit += d; by.set(k, e);
  if (k === 'paid_up' || k === 'in_credit' || k === 'late_but_steady') {
    const pk = t.paymentProfile.replace(/ (monthly|weekly|fortnightly|four_weekly)/g, '').replace(/direct_debit|standing_order|debit_card|payment_card|cash|bank_transfer/g, 'X');
    const p = byProfile.get(pk) ?? { n: 0, arrears: 0, pos: 0 }; p.n++; p.arrears += a; p.pos += a > 0 ? 1 : 0; byProfile.set(pk, p);
  }
}
console.log('arrears %', (100 * arrears / debit).toFixed(2));
for (const [k, v] of [...by].sort((a, b) => b[1].arrears - a[1].arrears)) console.log(k.padEnd(36), v.n, 'share of arrears%', (100 * v.arrears / arrears).toFixed(1), 'avg weeks', (v.arrears / (v.debit / 50)).toFixed(2), 'in debit', v.pos);
for (const [k, v] of [...byProfile].sort((a, b) => b[1].arrears - a[1].arrears)) console.log('  ', k.padEnd(50), v.n, 'avg £', (v.arrears / v.n / 100).toFixed(0), 'in debit', v.pos);
