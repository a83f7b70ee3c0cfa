import { describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { recordingTablesRead, tablesNamedIn } from './data-change-store';

describe('tablesNamedIn: the tables with tenancies a statement names', () => {
  it.each([
    ['SELECT 1', []],
    ['SELECT * FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id', ['assessments', 'current_assessments']],
    ['SELECT string_agg(tn.name, \' & \') FROM tenants tn WHERE tn.tenancy_id = $1', ['tenants']],
    // As words only: a column or alias that merely begins or ends alike is not the table.
    ['SELECT tasks_due, my_tenants, tenancies FROM patches', []],
    // A name in a comment counts too: more tables only make a kept page stale more often.
    ['SELECT 1 -- not the ledger_transactions', ['ledger_transactions']],
    ['SELECT 1 FROM tasks t, tasks u, "letters"', ['letters', 'tasks']],
  ])('%s', (sql, tables) => {
    expect(tablesNamedIn(sql)).toEqual(tables);
  });
});

describe('recordingTablesRead', () => {
  const fake: Db = {
    kind: 'pglite',
    query: async <T>() => [] as T[],
    exec: async () => undefined,
    transaction: async (fn) => fn(fake),
    copyCsv: async () => undefined,
    copyText: async () => undefined,
    copyOutText: async () => '',
    close: async () => undefined,
  };

  it('notes the tables each statement names, inside transactions and COPY too', async () => {
    const { db, tablesRead } = recordingTablesRead(fake);
    expect(tablesRead()).toEqual([]);
    await db.query('SELECT * FROM tenants');
    await db.transaction(async (tx) => tx.query('SELECT * FROM case_events'));
    await db.copyOutText('SELECT * FROM ledger_transactions');
    await db.query('SELECT * FROM tenants, patches');
    expect(tablesRead()).toEqual(['case_events', 'ledger_transactions', 'tenants']);
  });
});
