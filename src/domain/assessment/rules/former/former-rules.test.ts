/** §7: former tenancies (endDate on or before asOf), the first rule that matches decides. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../calendar/business-date';
import {
  aBreathingSpace,
  aCaseFile,
  aCharge,
  anAction,
  anArrangement,
  anEvent,
  aPayment,
  aTransaction,
  type CaseFileOverrides,
} from '../../../../../test/builders/case-file';
import type { CaseEvent, Transaction } from '../../../case-file/case-file';
import { assessCase } from '../../assess-case';
import type { AssessmentOutput } from '../../types';

interface FormerOptions extends CaseFileOverrides {
  owedPence?: number;
  extra?: Transaction[];
}

/** Ended Sunday 2025-10-12 owing `owedPence` (default 60000); asOf 2026-01-14; a forwarding address known. */
function former(options: FormerOptions = {}): AssessmentOutput {
  const { owedPence = 60000, extra = [], tenancy, ...overrides } = options;
  const transactions: Transaction[] = [];
  for (let d = '2025-06-02'; d <= '2025-10-06'; d = addDays(d, 7)) transactions.push(aCharge(d), aPayment(d));
  transactions.push(aTransaction('adjustment', '2025-10-06', owedPence));
  return assessCase(
    aCaseFile({
      asOf: '2026-01-14',
      tenancy: { startDate: '2020-01-06', endDate: '2025-10-12', tenants: [{ name: 'A', forwardingAddress: true }], ...tenancy },
      transactions: [...transactions, ...extra],
      ...overrides,
    }),
  ).output;
}

const letter = anAction('2025-11-03', 'send_fta_letter');

describe('§7 former tenancies', () => {
  it.each<[string, FormerOptions, object]>([
    ['1 in credit → refund_credit', { owedPence: -2500 }, { recommendation: { action: 'refund_credit' }, balancePence: -2500 }],
    ['1 clear → none', { owedPence: 0 }, { recommendation: { action: 'none' }, priority: 0 }],
    ['2 bankruptcy → write off', { events: [anEvent('insolvency', '2025-12-01', { kind: 'bankruptcy' })] }, { recommendation: { action: 'propose_write_off', writeOffReason: 'insolvency', needsApproval: true } }],
    ['2 an IVA has no effect', { events: [anEvent('insolvency', '2025-12-01', { kind: 'iva' })] }, { recommendation: { action: 'send_fta_letter' } }],
    ['3 deceased → write off', { events: [anEvent('tenant_deceased', '2025-10-12')] }, { recommendation: { action: 'propose_write_off', writeOffReason: 'deceased' } }],
    ['3 a surviving joint tenant', { events: [anEvent('tenant_deceased', '2025-10-12', { survivingJointTenant: true })] }, { recommendation: { action: 'send_fta_letter' } }],
    ['5 4999 → uneconomic', { owedPence: 4999 }, { recommendation: { action: 'propose_write_off', writeOffReason: 'uneconomic' } }],
    ['5 5000 is worth pursuing', { owedPence: 5000 }, { recommendation: { action: 'send_fta_letter' } }],
    [
      '6 returned untraceable → write off',
      { events: [anEvent('agency_referral', '2025-11-01', { agency: 'trace', returnedOn: '2025-12-01', result: 'untraceable' })] },
      { recommendation: { action: 'propose_write_off', writeOffReason: 'uncollectable' } },
    ],
    [
      '6 not yet returned (returnedOn after asOf)',
      { events: [anEvent('agency_referral', '2025-11-01', { agency: 'debt_collection', returnedOn: '2026-02-01', result: 'uncollectable' }), letter] },
      { recommendation: { action: 'monitor' } },
    ],
    [
      '7 an arrangement after the end, kept → monitor_arrangement',
      { events: [anArrangement('2025-12-01', 1000)], extra: [aPayment('2025-12-01', 7000), aPayment('2026-01-05', 7000)] },
      { recommendation: { action: 'monitor_arrangement' }, arrangement: { status: 'kept', shortfallPence: 0 }, notice: null },
    ],
    [
      '7 broken → goes on',
      { events: [anArrangement('2025-12-01', 1000)], extra: [aPayment('2025-12-01', 1000)] },
      { recommendation: { action: 'send_fta_letter' }, arrangement: { status: 'broken', shortfallPence: 6000 } },
    ],
    ['7 one dated on the end date is not after it', { events: [anArrangement('2025-10-12', 1000)] }, { arrangement: { status: 'none' } }],
    ['8 no forwarding address → trace_referral', { tenancy: { tenants: [{ name: 'A', forwardingAddress: false }] } }, { recommendation: { action: 'trace_referral' } }],
    ['8 a forwarding_address event', { tenancy: { tenants: [] }, events: [anEvent('forwarding_address', '2025-12-01')] }, { recommendation: { action: 'send_fta_letter' } }],
    ['8 already referred for tracing', { tenancy: { tenants: [] }, events: [anEvent('agency_referral', '2025-12-01', { agency: 'trace' })] }, { recommendation: { action: 'send_fta_letter' } }],
    ['9 no letter since the end → send_fta_letter', { events: [anAction('2025-10-11', 'send_fta_letter')] }, { recommendation: { action: 'send_fta_letter' } }],
    ['10 letter 28 days ago, nothing paid → debt_agency_referral', { events: [anAction('2025-12-17', 'send_fta_letter')] }, { recommendation: { action: 'debt_agency_referral' } }],
    ['10 letter 27 days ago → monitor', { events: [anAction('2025-12-18', 'send_fta_letter')] }, { recommendation: { action: 'monitor' } }],
    ['10 a payment after the letter → monitor', { events: [letter], extra: [aPayment('2025-11-04', 100)] }, { recommendation: { action: 'monitor' } }],
    ['10 a payment on the letter day does not count', { events: [letter], extra: [aPayment('2025-11-03', 100)] }, { recommendation: { action: 'debt_agency_referral' } }],
    ['10 already with a debt collector → monitor', { events: [letter, anEvent('agency_referral', '2025-12-01', { agency: 'debt_collection' })] }, { recommendation: { action: 'monitor' } }],
    ['BS: the letter is held', { events: [aBreathingSpace('2026-01-01')] }, { recommendation: { action: 'hold' }, blockedBy: [{ code: 'breathing_space', until: '2026-03-01' }] }],
    [
      'BS: a trace referral is not a step it stops',
      { tenancy: { tenants: [] }, events: [aBreathingSpace('2026-01-01')] },
      { recommendation: { action: 'trace_referral' }, blockedBy: [] },
    ],
    ['no other guardrail, no benefit suggestions', { events: [anEvent('dispute', '2025-12-01')], benefits: [] }, { recommendation: { action: 'send_fta_letter' }, alsoConsider: [], blockedBy: [] }],
  ])('%s', (_name, options, expected) => {
    expect(former(options)).toMatchObject(expected);
  });

  it('ending on asOf makes a former tenancy', () => {
    expect(former({ asOf: '2025-10-12' }).recommendation.action).toBe('send_fta_letter');
    expect(former({ asOf: '2025-10-11' }).recommendation.action).not.toBe('send_fta_letter');
  });
});

describe('§7 rule 4: statute-barred (asOf − 72 months)', () => {
  const history: Transaction[] = [aCharge('2018-03-05', 60000), aPayment('2018-03-12', 1000)];
  function barred(asOf: string, events: CaseEvent[] = [], extra: Transaction[] = []): string | undefined {
    const output = assessCase(
      aCaseFile({ asOf, tenancy: { startDate: '2015-01-05', endDate: '2018-04-01' }, transactions: [...history, ...extra], events }),
    ).output;
    return output.recommendation.writeOffReason;
  }
  it.each<[string, string, CaseEvent[], Transaction[], string | undefined]>([
    ['the last payment exactly six years ago is not barred', '2024-03-12', [], [], undefined],
    ['a day later it is', '2024-03-13', [], [], 'statute_barred'],
    ['an acknowledgment restarts the clock', '2024-06-01', [anEvent('acknowledgment', '2019-01-01')], [], undefined],
    ['a later debit is not barred', '2024-06-01', [], [aTransaction('court_costs', '2019-01-01', 100)], undefined],
    ['a credit that is not a payment does not restart it', '2024-06-01', [], [aTransaction('adjustment', '2019-01-01', -100)], 'statute_barred'],
  ])('%s', (_name, asOf, events, extra, reason) => {
    expect(barred(asOf, events, extra)).toBe(reason);
  });

  it('the month is clamped: 2024-02-29 − 72 months is 2018-02-28', () => {
    const output = assessCase(
      aCaseFile({ asOf: '2024-02-29', tenancy: { startDate: '2015-01-05', endDate: '2018-02-25' }, transactions: [aCharge('2018-02-26', 60000)] }),
    ).output;
    expect(output.recommendation.writeOffReason).toBe('statute_barred');
    const onCutoff = assessCase(
      aCaseFile({ asOf: '2024-02-29', tenancy: { startDate: '2015-01-05', endDate: '2018-02-25' }, transactions: [aCharge('2018-02-28', 60000)] }),
    ).output;
    expect(onCutoff.recommendation.writeOffReason).toBeUndefined();
  });
});
