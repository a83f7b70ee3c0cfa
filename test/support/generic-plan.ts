import type { Db } from '../../src/persistence/database';
import { recordStatements } from './recorded-statements';

interface PlanNode {
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexesOf(node: PlanNode): string[] {
  return [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexesOf)];
}

/** A parameter as a literal for EXECUTE (the prepared statement's types coerce it): numbers, text, dates, arrays of those, null. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return literal(`{${value.map((v) => `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** How many statements this module has prepared: each gets a name of its own. */
let prepared = 0;

/**
 * The indexes in the generic plans of the statements `fn` runs: each statement it sends is prepared on one
 * connection and explained as PostgreSQL would run it once it settles on a plan for every call (a prepared
 * statement, `plan_cache_mode = force_generic_plan`), with the statement's own parameters. A generic plan knows
 * nothing of the parameters' values: a partial index (`WHERE status = 'open'`) is in it only when the statement
 * names the value in its text. For tests that a statement the pages run at every request can be planned once.
 */
export async function indexesOfGenericPlans(db: Db, fn: (db: Db) => Promise<unknown>): Promise<string[][]> {
  const statements = await recordStatements(db, fn);
  const plans: string[][] = [];
  for (const s of statements) {
    // A name of its own each time: a prepared statement outlives its transaction, so one left by a failed EXPLAIN
    // (whose error is then the one reported) never stands in the way of the next.
    const name = `generic_plan_${++prepared}`;
    plans.push(
      await db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL plan_cache_mode = force_generic_plan`);
        await tx.exec(`PREPARE ${name} AS ${s.sql}`);
        const args = s.params.length === 0 ? '' : `(${s.params.map(literal).join(', ')})`;
        const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE ${name}${args}`);
        await tx.exec(`DEALLOCATE ${name}`);
        const plan = typeof row?.['QUERY PLAN'] === 'string' ? (JSON.parse(row['QUERY PLAN']) as unknown) : row?.['QUERY PLAN'];
        return (plan as { Plan: PlanNode }[]).flatMap((p) => indexesOf(p.Plan));
      }),
    );
  }
  return plans;
}
