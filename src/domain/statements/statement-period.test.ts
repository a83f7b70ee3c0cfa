import { describe, expect, it } from 'vitest';
import type { StatementTransaction } from './describe-transaction';
import { arrearsBeganOn, statementPeriod, StatementPeriodError, thirteenWeeksFrom } from './statement-period';

function tx(businessDate: string, amountPence: number, subAccount: StatementTransaction['subAccount'] = 'rent'): StatementTransaction {
  return { businessDate, amountPence, subAccount, kind: amountPence > 0 ? 'charge' : 'payment', method: null };
}

describe('thirteen weeks', () => {
  it.each([
    ['a Monday: 13 Mondays, the last one asOf', '2026-11-23', '2026-08-31'],
    ['a Sunday: the 13 whole weeks ending that day', '2026-11-22', '2026-08-24'],
    ['a Wednesday', '2026-11-25', '2026-08-31'],
    ['across a year end', '2027-01-04', '2026-10-12'],
  ])('%s', (_name, asOf, from) => {
    expect(thirteenWeeksFrom(asOf)).toBe(from);
    expect(statementPeriod('thirteen-weeks', asOf, [], '2019-06-03')).toEqual({ mode: 'thirteen-weeks', from, to: asOf, arrearsBegan: null });
  });

  it('never starts before the tenancy', () => {
    expect(statementPeriod('thirteen-weeks', '2026-11-23', [], '2026-10-07').from).toBe('2026-10-07');
  });

  it('a tenancy that starts after asOf gets the one day, not an inverted period', () => {
    const p = statementPeriod('thirteen-weeks', '2026-11-23', [], '2026-12-07');
    expect([p.from, p.to]).toEqual(['2026-11-23', '2026-11-23']);
  });
});

describe('arrears began (cash balance of the rent account)', () => {
  const paidUp = [tx('2020-01-06', 10000), tx('2020-01-08', -10000)];
  const cases: { name: string; transactions: StatementTransaction[]; startDate: string; asOf: string; began: string | null }[] = [
    {
      name: 'the day after the balance was last <= 0',
      transactions: [...paidUp, tx('2026-06-01', 10000), tx('2026-06-03', -10000), tx('2026-09-07', 10000), tx('2026-09-14', 10000)],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: '2026-09-07',
    },
    {
      name: 'a partial payment does not end the episode',
      transactions: [...paidUp, tx('2026-09-07', 10000), tx('2026-09-10', -5000), tx('2026-09-14', 10000)],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: '2026-09-07',
    },
    {
      name: 'a charge and a payment netting to 0 on one day leave the balance at 0 that day',
      transactions: [...paidUp, tx('2026-09-07', 10000), tx('2026-09-07', -10000), tx('2026-09-14', 10000)],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: '2026-09-14',
    },
    {
      name: 'in credit, then in arrears',
      transactions: [tx('2026-01-05', -50000), tx('2026-01-05', 10000), tx('2026-02-02', 50000)],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: '2026-02-02',
    },
    { name: 'not in arrears on asOf', transactions: [...paidUp], startDate: '2020-01-06', asOf: '2026-11-23', began: null },
    { name: 'in credit on asOf', transactions: [tx('2026-01-05', -500)], startDate: '2020-01-06', asOf: '2026-11-23', began: null },
    { name: 'in arrears since the start', transactions: [tx('2025-06-02', 10000)], startDate: '2025-06-02', asOf: '2026-11-23', began: '2025-06-02' },
    {
      name: 'a debt brought forward before the start: days before the start are not examined',
      transactions: [tx('2025-05-01', 5000), tx('2025-06-02', 10000), tx('2025-06-03', -10000)],
      startDate: '2025-06-02',
      asOf: '2026-11-23',
      began: '2025-06-02',
    },
    {
      name: 'paid up the day before asOf, charged on asOf',
      transactions: [...paidUp, tx('2026-11-23', 10000)],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: '2026-11-23',
    },
    {
      name: 'other debts (garage, rechargeable repairs) are not rent arrears',
      transactions: [...paidUp, tx('2026-03-02', 2000, 'garage'), tx('2026-04-06', 9000, 'rechargeable_repairs')],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: null,
    },
    {
      name: 'court costs and service charges count (the rent account)',
      transactions: [...paidUp, tx('2026-03-02', 35500, 'court_costs'), tx('2026-04-06', 900, 'service_charge')],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: '2026-03-02',
    },
    {
      name: 'transactions after asOf are ignored',
      transactions: [...paidUp, tx('2026-09-07', 10000), tx('2026-12-01', -10000)],
      startDate: '2020-01-06',
      asOf: '2026-11-23',
      began: '2026-09-07',
    },
  ];
  it.each(cases)('$name', ({ transactions, startDate, asOf, began }) => {
    expect(arrearsBeganOn(transactions, asOf, startDate)).toBe(began);
  });
});

describe('statementPeriod: arrears-began', () => {
  const cases: { name: string; transactions: StatementTransaction[]; startDate: string; from: string; began: string | null }[] = [
    {
      name: 'recent arrears: at least two years, from a Monday',
      transactions: [tx('2020-01-06', 10000), tx('2020-01-08', -10000), tx('2026-09-07', 10000)],
      startDate: '2020-01-06',
      from: '2024-11-18',
      began: '2026-09-07',
    },
    {
      name: 'arrears older than two years: from the day they began',
      transactions: [tx('2020-01-06', 10000), tx('2020-01-08', -10000), tx('2023-03-06', 10000)],
      startDate: '2020-01-06',
      from: '2023-03-06',
      began: '2023-03-06',
    },
    { name: 'a tenancy younger than two years: from its start', transactions: [tx('2025-06-02', 10000)], startDate: '2025-06-02', from: '2025-06-02', began: '2025-06-02' },
    { name: 'no arrears: the two years', transactions: [], startDate: '2020-01-06', from: '2024-11-18', began: null },
  ];
  it.each(cases)('$name', ({ transactions, startDate, from, began }) => {
    expect(statementPeriod('arrears-began', '2026-11-23', transactions, startDate)).toEqual({ mode: 'arrears-began', from, to: '2026-11-23', arrearsBegan: began });
  });
});

describe('statementPeriod: explicit dates', () => {
  it.each([
    ['both dates', { from: '2026-01-01', to: '2026-03-31' }, '2026-01-01', '2026-03-31'],
    ['only from: to asOf', { from: '2026-01-01' }, '2026-01-01', '2026-11-23'],
    ['only to: the 13 weeks to it', { to: '2026-03-31' }, '2026-01-05', '2026-03-31'],
    ['one day', { from: '2026-03-31', to: '2026-03-31' }, '2026-03-31', '2026-03-31'],
  ])('%s', (_name, mode, from, to) => {
    const p = statementPeriod(mode, '2026-11-23', [], '2019-06-03');
    expect([p.mode, p.from, p.to]).toEqual(['explicit', from, to]);
  });

  it.each([
    ['from after to', { from: '2026-04-01', to: '2026-03-31' }, /after/],
    ['not a date', { from: '2026-02-30' }, /from: expected a date/],
    ['not a date (to)', { to: '31/03/2026' }, /to: expected a date/],
  ])('refuses %s', (_name, mode, message) => {
    expect(() => statementPeriod(mode, '2026-11-23', [], '2019-06-03')).toThrow(StatementPeriodError);
    expect(() => statementPeriod(mode, '2026-11-23', [], '2019-06-03')).toThrow(message);
  });

  it('refuses an unknown mode', () => {
    expect(() => statementPeriod('weekly' as 'thirteen-weeks', '2026-11-23', [], '2019-06-03')).toThrow(StatementPeriodError);
  });
});
