import { describe, expect, it } from 'vitest';
import { aLongHistoryCase, anAction, anArrearsCase, aPreAction } from '../../../test/builders/case-file';
import { addDays } from '../calendar/business-date';
import { aCaseFile, aCharge, aPayment } from '../../../test/builders/case-file';
import { assessCase } from './assess-case';

describe('assessCase output shape', () => {
  it('gives every field of the contract, in order', () => {
    const { output } = assessCase(anArrearsCase());
    expect(Object.keys(output)).toEqual([
      'version',
      'tenancyRef',
      'asOf',
      'balancePence',
      'weeklyChargePence',
      'arrearsPence',
      'technicalArrearsPence',
      'realArrearsPence',
      'weeksInArrears',
      'episodeStart',
      'arrangement',
      'notice',
      'recommendation',
      'alsoConsider',
      'blockedBy',
      'reasons',
      'priority',
    ]);
    expect(Object.keys(output.recommendation)).toEqual(['action', 'needsApproval', 'missing']);
    expect(output.reasons.join(' ')).toContain('10.00 weeks');
  });

  it('keeps notice, grounds and proposedDates to serve_notice', () => {
    const events = [
      ...['send_letter_1', 'send_letter_2', 'home_visit', 'send_final_warning'].map((a) => anAction('2026-01-05', a)),
      ...['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'].map((i) => aPreAction('2026-01-05', i)),
    ];
    const { output } = assessCase(anArrearsCase({ events }));
    expect(Object.keys(output.recommendation).sort()).toEqual(['action', 'grounds', 'missing', 'needsApproval', 'notice', 'proposedDates']);
  });

  it('ignores transactions and events dated after asOf', () => {
    const base = anArrearsCase();
    const later = { ...base, transactions: [...base.transactions, aPayment('2026-03-05', 100000)], events: [anAction('2026-03-05', 'send_letter_1')] };
    expect(assessCase(later).output).toEqual(assessCase(base).output);
  });
});

describe('the trace', () => {
  it('lists the measures, the rules considered in order, the guardrails, the benefit checks and the priority', () => {
    const { trace } = assessCase(anArrearsCase());
    const rules = trace.map((t) => t.rule);
    expect(rules.slice(0, 3)).toEqual(['§1 balance', '§1 weekly charge', '§1 payments in transit: Housing Benefit']);
    const ruleNames = rules.filter((r) => r.startsWith('§4.'));
    expect(ruleNames).toEqual([
      '§4.1 tenant deceased',
      '§4.2 insolvency',
      '§4.3 eviction scheduled',
      '§4.4 court order',
      '§4.5 claim issued',
      '§4.6 no real arrears',
      '§4.7 arrangement in force',
      '§4.8 notice in force',
      '§4.9 ladder',
    ]);
    expect(trace.filter((t) => t.rule.startsWith('§4.')).map((t) => t.matched)).toEqual([false, false, false, false, false, false, false, false, true]);
    expect(rules).toContain('§5.1 breathing space');
    expect(rules).toContain('§6 offer_dhp_support');
    expect(rules[rules.length - 1]).toBe('§8 priority');
    for (const entry of trace) {
      for (const value of Object.values(entry.figures)) expect(['number', 'string', 'boolean'].includes(typeof value) || value === null).toBe(true);
    }
  });

  it('stops at the first rule that decides', () => {
    const { trace } = assessCase(anArrearsCase({ weeksBehind: 0 }));
    const rules = trace.filter((t) => t.rule.startsWith('§4.')).map((t) => t.rule);
    expect(rules[rules.length - 1]).toBe('§4.6 no real arrears');
  });
});

describe('performance', () => {
  // Five-year weekly histories (how long assessing takes is measured by the benchmark, bench/, not here:
  // timed assertions do not belong in tests).
  it.each([
    // a chronic case: a week behind for five years, so the episode search examines every day
    ['a week behind for five years', 'chronic', { episodeStart: '2021-03-08', weeksInArrears: 1, arrearsPence: 10_000, action: 'send_letter_1' }],
    ['paid up for five years', [5, 0], { episodeStart: null, weeksInArrears: 0, arrearsPence: 0, action: 'none' }],
    ['six weeks behind at the end of five years', [5, 6], { episodeStart: '2026-01-30', weeksInArrears: 6, arrearsPence: 60_000, action: 'send_letter_1' }],
    ['120 weeks behind at the end of five years', [5, 120], { episodeStart: '2023-11-24', weeksInArrears: 120, arrearsPence: 1_200_000, action: 'send_letter_1' }],
  ] as const)('assesses a five-year weekly history: %s', (_name, history, expected) => {
    let caseFile;
    if (history === 'chronic') {
      const first = addDays('2026-03-02', -7 * 260);
      const transactions = [];
      let i = 0;
      for (let d = first; d <= '2026-03-04'; d = addDays(d, 7), i++) {
        transactions.push(aCharge(d));
        if (i > 0) transactions.push(aPayment(d));
      }
      caseFile = aCaseFile({ tenancy: { startDate: first }, charges: [{ from: first, weeklyPence: 10000 }], transactions });
    } else {
      caseFile = aLongHistoryCase(history[0], history[1]);
    }
    const { output } = assessCase(caseFile);
    expect({ episodeStart: output.episodeStart, weeksInArrears: output.weeksInArrears, arrearsPence: output.arrearsPence, action: output.recommendation.action }).toEqual(expected);
    expect(assessCase(caseFile)).toEqual(assessCase(caseFile)); // pure: the same file, the same result and trace
  });
});
