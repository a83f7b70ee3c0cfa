/**
 * Checks the demo landlord against the assessment engine, without a database: generates it, assesses
 * every account as a case file, and prints for each story the actions it gets, then the count of every
 * action (the demo should exercise all of them).
 *   npx tsx scripts/demo-stories.ts --tenancies 2000 --seed 1 --as-of 2026-11-23
 */
import { parseArgs } from 'node:util';
import { assessCase } from '../src/domain/assessment/assess-case';
import { parseCaseFile } from '../src/domain/case-file/parse-case-file';
import { createDemoLandlord } from '../src/domain/demo/generate-demo';
import type { DemoTenancy } from '../src/domain/demo/types';

const { values } = parseArgs({
  options: {
    tenancies: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: '2026-11-23' },
  },
});
const asOf = values['as-of'] as string;
const landlord = createDemoLandlord({ tenancies: Number(values.tenancies), seed: Number(values.seed), asOf });

/** The case file of a demo tenancy (as `rentwise export-case` would write it from the database). */
function caseFile(t: DemoTenancy): unknown {
  const dates = [...new Set(t.charges.map((c) => c.effectiveFrom))].sort();
  const charges = dates.map((from) => {
    const latest = new Map<string, number>();
    for (const c of [...t.charges].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))) if (c.effectiveFrom <= from) latest.set(c.subAccount, c.weeklyPence);
    return { from, weeklyPence: [...latest.values()].reduce((a, b) => a + b, 0) };
  });
  return {
    version: 1,
    asOf,
    landlord: { type: t.landlordType },
    tenancy: {
      ref: t.ref,
      tenure: t.tenure,
      startDate: t.startDate,
      endDate: t.endDate,
      endReason: t.endReason,
      rentFrequency: t.rentFrequency,
      tenants: t.tenants.map((p) => ({ name: p.name, forwardingAddress: p.hasForwardingAddress })),
    },
    charges,
    rentFreeWeeks: landlord.rentFreeWeeks.filter((m) => m >= t.startDate),
    transactions: t.transactions.map((x) => ({ date: x.date, kind: x.kind, amountPence: x.amountPence, method: x.method, periodFrom: x.periodFrom, periodTo: x.periodTo })),
    benefits: t.benefits,
    events: t.events.map((e) => ({ ...e.details, date: e.date, type: e.type })),
  };
}

const byStory = new Map<string, Map<string, number>>();
const byAction = new Map<string, number>();
for (const t of landlord.tenancies()) {
  const parsed = parseCaseFile(caseFile(t));
  if (!parsed.ok) throw new Error(`${t.ref}: ${parsed.path}: ${parsed.message}`);
  const { recommendation } = assessCase(parsed.value).output;
  const action = recommendation.action + (recommendation.writeOffReason ? ` (${recommendation.writeOffReason})` : '');
  byAction.set(action, (byAction.get(action) ?? 0) + 1);
  const story = t.fellBack ? `${t.scenario} (fallback)` : t.scenario;
  const m = byStory.get(story) ?? new Map<string, number>();
  m.set(action, (m.get(action) ?? 0) + 1);
  byStory.set(story, m);
}
const line = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
for (const [story, m] of [...byStory].sort()) console.log(`${story.padEnd(38)} ${line(m)}`);
console.log(`\nactions: ${line(byAction)}`);
