import type { Db } from '../../src/persistence/database';
import { recordStatements } from './recorded-statements';

interface PlanNode {
  'Relation Name'?: string;
  Alias?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** The rows a scan of the relation examined: those it returned and those its filter or recheck removed, every loop. */
function rowsOf(node: PlanNode, relation: string, alias: string | null): number {
  const examined = (node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
  const own = node['Relation Name'] === relation && (alias === null || node.Alias === alias) ? examined * (node['Actual Loops'] ?? 0) : 0;
  return own + (node.Plans ?? []).reduce((n, child) => n + rowsOf(child, relation, alias), 0);
}

/**
 * How many rows the statements `fn` runs read from `relation` under `alias` (null: under any alias): each statement it sends is run
 * again under `EXPLAIN (ANALYZE, FORMAT JSON)`, and the rows the plan's scans of that relation examined (returned
 * or removed by a filter, times their loops) are summed: a sequential scan that filters for one row counts the
 * whole table. For tests that a query reads what its page needs, not the whole table, whatever
 * plan the database picks. For reads only: each statement runs twice (a write would be made twice).
 */
export async function rowsReadFrom(db: Db, relation: string, alias: string | null, fn: (db: Db) => Promise<unknown>): Promise<number> {
  const statements = await recordStatements(db, fn);
  let rows = 0;
  for (const s of statements) {
    const [row] = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.sql}`, s.params);
    const plan = typeof row?.['QUERY PLAN'] === 'string' ? (JSON.parse(row['QUERY PLAN']) as unknown) : row?.['QUERY PLAN'];
    for (const p of plan as { Plan: PlanNode }[]) rows += rowsOf(p.Plan, relation, alias);
  }
  return rows;
}
