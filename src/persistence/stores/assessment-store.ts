import { createHash } from 'node:crypto';
import { TRANSIT_TRACE_RULE } from '../../domain/assessment';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { copyTextValue, type Db } from '../database';

export interface NewAssessment {
  tenancyId: number;
  asOf: BusinessDate;
  trigger: string;
  policyVersion: number;
  action: string;
  priority: number;
  balancePence: number;
  arrearsPence: number;
  realArrearsPence: number;
  needsApproval: boolean;
  patchId: number | null;
  result: unknown;
  trace: unknown;
  jobRunId?: number | null;
  /**
   * The SHA-256 (hex) of the trace stored with the tenancy's current assessment, when it has one
   * (`CaseData.tenancy.current_trace_hash`): a trace with the same text is then sent as its hash alone.
   */
  previousTraceHash?: string | null;
  /**
   * The snapshot the case data was read in (`CaseData.tenancy.read_snapshot`): the result becomes current only
   * if the current assessment's writer is visible in it (ADR 0012). Null for a result not assessed from data
   * read by loadCaseBatch: it replaces the current one as an unguarded write would.
   */
  readSnapshot?: string | null;
}

/**
 * An assessment that was stored but did not become its tenancy's current one because the current one was
 * written by a transaction that committed after this one's case data was read (ADR 0012): its writer reads and
 * assesses the account again.
 */
export interface OvertakenAssessment {
  tenancyId: number;
  asOf: BusinessDate;
  action: string;
}

const STAGING_COLUMNS = [
  'tenancy_id',
  'as_of',
  'trigger',
  'policy_version',
  'action',
  'priority',
  'balance_pence',
  'arrears_pence',
  'real_arrears_pence',
  'needs_approval',
  'patch_id',
  'result',
  'trace',
  'trace_hash',
  'job_run_id',
  'read_snapshot',
] as const;

/** The SHA-256 (hex) of a trace's JSON text: its key in assessment_traces (migration 0019). */
export function traceHash(traceJson: string): string {
  return createHash('sha256').update(traceJson).digest('hex');
}

/**
 * Stores assessments and makes each its tenancy's current assessment: a daily run's always (it rebuilds
 * the worklists as of its date, even a date before the current one: `run daily --as-of D` then
 * `account --json` shows the run's result), any other unless a later date is already current. A daily
 * assessment replaces the same day's daily assessment, so re-running a day's run ends with exactly the
 * same stored result.
 *
 * Either way a result assessed from data read in a snapshot (`readSnapshot`) replaces the current assessment
 * only when the transaction that wrote that one is visible in the snapshot, or is this one (migration 0027,
 * ADR 0012): a result read before a payment's re-assessment committed never replaces it. Returns the results
 * that were stored but not made current for that reason (a result not made current because a later date is
 * current is not among them); their writer reads and assesses those accounts again.
 *
 * The rows go in with COPY in its text format (to a session's temporary staging table) and three set-based statements: the
 * results and traces are several kilobytes an account, and COPY's text is far cheaper for PostgreSQL to
 * read than the same values as array parameters (docs/performance.md). Runs in the caller's transaction
 * when given one, otherwise in its own.
 *
 * Each trace is stored once (migration 0019, ADR 0010): in assessment_traces under the SHA-256 of its
 * text, and the assessment names it by that hash. A trace whose hash is the row's `previousTraceHash` is
 * already there and is sent as its hash alone; any other is sent whole and added unless some assessment
 * stored the same text before.
 */
export async function storeAssessments(db: Db, rows: readonly NewAssessment[]): Promise<OvertakenAssessment[]> {
  return storeStagedAssessments(db, [stagedAssessmentText(rows)]);
}

/**
 * The staged lines of the assessments (stagedAssessmentLine) as one buffer of UTF-8, for storeStagedAssessments.
 * Each line is written into a buffer of the most bytes the lines could take (three a UTF-16 code unit), then the
 * bytes written are copied out: joining the lines into one string and encoding that was four times the work
 * (a slice of 50 assessments of about 4.4 kB each, 10,000 in all: 100 ms against 26), the joined string being
 * copied flat before it was encoded.
 */
export function stagedAssessmentText(rows: readonly NewAssessment[]): Buffer {
  const lines: string[] = new Array(rows.length);
  let codeUnits = 0;
  for (let i = 0; i < rows.length; i++) {
    const line = stagedAssessmentLine(rows[i]!);
    lines[i] = line;
    codeUnits += line.length;
  }
  const room = Buffer.allocUnsafe(codeUnits * 3);
  let written = 0;
  for (const line of lines) written += room.write(line, written, 'utf8');
  return Buffer.from(room.subarray(0, written));
}

/**
 * An assessment as the line of COPY text that stages it (storeStagedAssessments): its result and trace as
 * JSON, the trace's hash, and the trace's text only when the hash is not the row's `previousTraceHash`.
 * A pipelined assessment turns each result into its line as soon as it is made, so a batch waiting to be
 * stored holds one string an account, not the objects of its results and traces (which the garbage collector
 * would otherwise copy and promote while the rest of the batch is assessed).
 */
export function stagedAssessmentLine(r: NewAssessment): string {
  const traceJson = JSON.stringify(r.trace);
  const hash = traceHash(traceJson);
  // Written out field by field (a line a day per account: an array of the values, mapped and joined, was a tenth
  // of the line's cost). The words and dates go through copyTextValue like any text; numbers and booleans are
  // written as they are.
  return `${r.tenancyId}\t${copyTextValue(r.asOf)}\t${copyTextValue(r.trigger)}\t${r.policyVersion}\t${copyTextValue(r.action)}\t${r.priority}\t${r.balancePence}\t${r.arrearsPence}\t${r.realArrearsPence}\t${r.needsApproval}\t${r.patchId ?? '\\N'}\t${copyTextJson(JSON.stringify(r.result))}\t${hash === r.previousTraceHash ? '\\N' : copyTextJson(traceJson)}\t${hash}\t${r.jobRunId ?? '\\N'}\t${copyTextValue(r.readSnapshot)}\n`;
}

/**
 * JSON text as a value of COPY's text format. JSON.stringify writes no tab, line feed or carriage return
 * (inside a string they are escaped, and it adds no white space), so only its backslashes need doubling,
 * and most texts have none: they are found with one indexOf rather than a regular expression over a trace
 * of several kilobytes.
 */
export function copyTextJson(json: string): string {
  return json.indexOf('\\') === -1 ? json : json.replaceAll('\\', '\\\\');
}

/**
 * Stores assessments given as the COPY text of their staged lines (stagedAssessmentLine, in chunks of whole
 * lines), as storeAssessments describes.
 */
export async function storeStagedAssessments(db: Db, text: readonly (string | Uint8Array)[]): Promise<OvertakenAssessment[]> {
  if (!text.some((chunk) => chunk.length > 0)) return [];
  const store = async (tx: Db): Promise<OvertakenAssessment[]> => {
    // The staged values are stored uncompressed (EXTERNAL): PostgreSQL moves an already compressed value
    // into another table as it is, so the trace is compressed once, with the method of assessment_traces.trace
    // (lz4 where the server has it: migrations 0016 and 0019).
    await tx.exec(
      `DO $$ BEGIN
         IF to_regclass('pg_temp.assessment_staging') IS NULL THEN
           CREATE TEMPORARY TABLE assessment_staging (
             n serial, tenancy_id integer, as_of date, trigger text, policy_version integer, action text, priority integer, balance_pence bigint,
             arrears_pence bigint, real_arrears_pence bigint, needs_approval boolean, patch_id integer, result jsonb, trace json, trace_hash text,
             job_run_id bigint, read_snapshot pg_snapshot
           ) ON COMMIT DELETE ROWS;
           ALTER TABLE assessment_staging ALTER COLUMN result SET STORAGE EXTERNAL, ALTER COLUMN trace SET STORAGE EXTERNAL;
         END IF;
       END $$`,
    );
    await tx.copyText('assessment_staging', STAGING_COLUMNS, text);
    // The traces not known to be stored already: each distinct text once (the database checks its hash).
    await tx.exec(
      `INSERT INTO assessment_traces (hash, trace)
       SELECT DISTINCT ON (trace_hash) decode(trace_hash, 'hex'), trace FROM assessment_staging WHERE trace IS NOT NULL ORDER BY trace_hash
       ON CONFLICT (hash) DO NOTHING`,
    );
    const columns = `tenancy_id, as_of, trigger, policy_version, action, priority, balance_pence, arrears_pence, real_arrears_pence, result, trace_hash, job_run_id`;
    const staged = `tenancy_id, as_of, trigger, policy_version, action, priority, balance_pence, arrears_pence, real_arrears_pence, result, decode(trace_hash, 'hex'), job_run_id`;
    // Daily assessments replace the same day's; any other trigger adds a row. Then each becomes its
    // tenancy's current assessment: a daily one always, another unless a later date is current already; either
    // only when the current one's writer is visible in the snapshot its data was read in, or is this transaction
    // (ON CONFLICT's WHERE sees the latest committed row, after waiting for its writer). The rows stored but
    // not made current come back.
    const notCurrent = await tx.query<{ tenancy_id: number; as_of: BusinessDate; trigger: string; action: string }>(
      `WITH daily AS (
         INSERT INTO assessments (${columns})
         SELECT ${staged} FROM assessment_staging WHERE trigger = 'daily' ORDER BY n
         ON CONFLICT (tenancy_id, as_of) WHERE trigger = 'daily' DO UPDATE SET policy_version = EXCLUDED.policy_version,
           action = EXCLUDED.action, priority = EXCLUDED.priority, balance_pence = EXCLUDED.balance_pence, arrears_pence = EXCLUDED.arrears_pence,
           real_arrears_pence = EXCLUDED.real_arrears_pence, result = EXCLUDED.result, trace = NULL, trace_hash = EXCLUDED.trace_hash,
           job_run_id = EXCLUDED.job_run_id, created_at = now()
         RETURNING id, tenancy_id, as_of, trigger, action, priority, real_arrears_pence, trace_hash
       ), other AS (
         INSERT INTO assessments (${columns})
         SELECT ${staged} FROM assessment_staging WHERE trigger <> 'daily' ORDER BY n
         RETURNING id, tenancy_id, as_of, trigger, action, priority, real_arrears_pence, trace_hash
       ), stored AS (
         -- The stored row's own values (a daily and another assessment of one tenancy and day may be in one batch).
         SELECT DISTINCT ON (x.tenancy_id) x.id, x.tenancy_id, x.as_of, x.trigger, s.patch_id, x.action, x.priority, x.real_arrears_pence, s.needs_approval,
                x.trace_hash, s.read_snapshot
         FROM (SELECT * FROM daily UNION ALL SELECT * FROM other) x
         JOIN assessment_staging s ON s.tenancy_id = x.tenancy_id AND s.as_of = x.as_of AND s.trigger = x.trigger
         ORDER BY x.tenancy_id, x.as_of DESC, x.id DESC, s.n DESC
       ), made_current AS (
         INSERT INTO current_assessments (tenancy_id, assessment_id, as_of, patch_id, action, priority, real_arrears_pence, needs_approval, trace_hash,
                                          writer_xid, read_snapshot)
         SELECT tenancy_id, id, as_of, patch_id, action, priority, real_arrears_pence, needs_approval, trace_hash, pg_current_xact_id(), read_snapshot FROM stored
         ON CONFLICT (tenancy_id) DO UPDATE SET assessment_id = EXCLUDED.assessment_id, as_of = EXCLUDED.as_of, patch_id = EXCLUDED.patch_id,
           action = EXCLUDED.action, priority = EXCLUDED.priority, real_arrears_pence = EXCLUDED.real_arrears_pence,
           needs_approval = EXCLUDED.needs_approval, trace_hash = EXCLUDED.trace_hash, writer_xid = EXCLUDED.writer_xid,
           read_snapshot = EXCLUDED.read_snapshot
         WHERE (current_assessments.as_of <= EXCLUDED.as_of OR EXCLUDED.assessment_id IN (SELECT id FROM daily))
           AND (EXCLUDED.read_snapshot IS NULL OR current_assessments.writer_xid IS NULL OR current_assessments.writer_xid = EXCLUDED.writer_xid
                OR pg_visible_in_snapshot(current_assessments.writer_xid, EXCLUDED.read_snapshot))
         RETURNING tenancy_id
       )
       -- Those stored and not made current: one row, not two (grouped rather than joined: the planner, knowing nothing of
       -- the CTEs' rows, compared every row with every other in a nested loop, ~60 ms for 1,000).
       SELECT tenancy_id, max(as_of) AS as_of, max(trigger) AS trigger, max(action) AS action
       FROM (SELECT tenancy_id, as_of, trigger, action FROM stored UNION ALL SELECT tenancy_id, NULL::date, NULL::text, NULL::text FROM made_current) u
       GROUP BY tenancy_id HAVING count(*) = 1`,
    );
    await tx.exec('TRUNCATE assessment_staging');
    if (notCurrent.length === 0) return [];
    // A writer recorded under a transaction id this server has not given out yet cannot be a later writer: the
    // database was restored from a dump into another server, and transaction ids do not travel with the data. Such a
    // row would be overtaken at every reading; its writer is forgotten here, so the account's next reading replaces
    // it. (Every committed writer this statement's snapshot sees has an id below its xmax; the update skips a row
    // replaced since, whose writer is another.)
    await tx.query(
      `WITH foreign_writer AS (
         SELECT tenancy_id, writer_xid FROM current_assessments
         WHERE tenancy_id = ANY($1::int[]) AND writer_xid >= pg_snapshot_xmax(pg_current_snapshot()) AND writer_xid <> pg_current_xact_id()
       )
       UPDATE current_assessments c SET writer_xid = NULL FROM foreign_writer f WHERE c.tenancy_id = f.tenancy_id AND c.writer_xid = f.writer_xid`,
      [notCurrent.map((r) => r.tenancy_id)],
    );
    // Not made current: overtaken; or (another trigger than the daily run's) a later date is current now. That later
    // result came while this one was being assessed (a re-assessment starts from the latest date current, reassess.ts),
    // and may have been read before this writer's change: a daily run for the next day beside an import of today's
    // payments. So the account is read and assessed again as of that date; the new reading sees the later result's
    // writer, and is made current.
    const current = await tx.query<{ tenancy_id: number; as_of: BusinessDate }>(`SELECT tenancy_id, as_of FROM current_assessments WHERE tenancy_id = ANY($1::int[])`, [
      notCurrent.map((r) => r.tenancy_id),
    ]);
    const currentAsOf = new Map(current.map((r) => [r.tenancy_id, r.as_of]));
    return notCurrent.map((r) => {
      const later = currentAsOf.get(r.tenancy_id);
      return { tenancyId: r.tenancy_id, asOf: r.trigger !== 'daily' && later !== undefined && later > r.as_of ? later : r.as_of, action: r.action };
    });
  };
  return db.transaction(store);
}

/**
 * The trace of the assessment `a` as SQL: its own (stored before migration 0019) or the one its hash names.
 * Every read of a stored trace goes through it.
 */
export const TRACE_OF_A = `COALESCE(a.trace, (SELECT t.trace FROM assessment_traces t WHERE t.hash = a.trace_hash))`;

/**
 * The stored assessment of each current assessment `c` (a row of `current_assessments`), as `a`: one probe of
 * the primary key for each current account, for statements that read the current results of many accounts.
 * A plain join lets the planner choose to walk `assessments` along its primary key beside the sorted current
 * ids (a merge join): where its statistics put the current ids at the start of the table (results loaded out of
 * order, a history migrated after the first run) that walk reads every day's results ever kept: 1.5 s at
 * 10,000 tenancies with a year of them (docs/performance.md, "How cost grows"). The LATERAL subquery with
 * `OFFSET 0` cannot be flattened into a join, so it is always a probe: its cost follows the accounts, not the
 * days of results kept.
 */
export const RESULT_OF_CURRENT = `CROSS JOIN LATERAL (SELECT * FROM assessments stored WHERE stored.id = c.assessment_id OFFSET 0) a`;

export interface StoredAssessment {
  id: number;
  tenancy_id: number;
  as_of: BusinessDate;
  trigger: string;
  policy_version: number;
  action: string;
  priority: number;
  result: Record<string, unknown>;
  trace: unknown[];
  created_at: Date;
}

export async function currentAssessment(db: Db, tenancyId: number): Promise<StoredAssessment | null> {
  const rows = await db.query<StoredAssessment>(
    `SELECT a.id, a.tenancy_id, a.as_of, a.trigger, a.policy_version, a.action, a.priority, a.result, ${TRACE_OF_A} AS trace, a.created_at
     FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.tenancy_id = $1`,
    [tenancyId],
  );
  return rows[0] ?? null;
}

/** Whether the tenancy has a current assessment. */
export async function hasCurrentAssessment(db: Db, tenancyId: number): Promise<boolean> {
  const rows = await db.query<{ one: number }>(`SELECT 1 AS one FROM current_assessments WHERE tenancy_id = $1`, [tenancyId]);
  return rows.length > 0;
}

/** The tenancies that have a current assessment, in id order. */
export async function currentlyAssessedTenancyIds(db: Db): Promise<number[]> {
  const rows = await db.query<{ tenancy_id: number }>(`SELECT tenancy_id FROM current_assessments ORDER BY tenancy_id`);
  return rows.map((r) => r.tenancy_id);
}

/**
 * A current assessment as stored, for checking it: the assessment's row (its result, trace and the columns
 * copied out of the result), the current-assessment row the worklists read, and the tenancy's ref and patch.
 */
export interface StoredCurrentAssessment extends StoredAssessment {
  ref: string;
  tenancy_patch_id: number | null;
  balance_pence: number;
  arrears_pence: number;
  real_arrears_pence: number;
  /** The SHA-256 (hex) the assessment names its trace by; null for an assessment stored with its trace inline. */
  trace_hash: string | null;
  current: { as_of: BusinessDate; action: string; priority: number; real_arrears_pence: number; needs_approval: boolean; patch_id: number | null; trace_hash: string | null };
}

/** The current assessments of the given tenancies (those that have one), in id order. */
export async function currentAssessmentsOf(db: Db, tenancyIds: readonly number[]): Promise<StoredCurrentAssessment[]> {
  if (tenancyIds.length === 0) return [];
  const rows = await db.query<Omit<StoredCurrentAssessment, 'current'> & { c_as_of: BusinessDate; c_action: string; c_priority: number; c_real_arrears_pence: number; c_needs_approval: boolean; c_patch_id: number | null; c_trace_hash: string | null }>(
    `SELECT a.id, a.tenancy_id, t.ref, t.patch_id AS tenancy_patch_id, a.as_of, a.trigger, a.policy_version, a.action, a.priority,
            a.balance_pence, a.arrears_pence, a.real_arrears_pence, a.result, ${TRACE_OF_A} AS trace, encode(a.trace_hash, 'hex') AS trace_hash, a.created_at,
            c.as_of AS c_as_of, c.action AS c_action, c.priority AS c_priority, c.real_arrears_pence AS c_real_arrears_pence,
            c.needs_approval AS c_needs_approval, c.patch_id AS c_patch_id, encode(c.trace_hash, 'hex') AS c_trace_hash
     FROM current_assessments c JOIN tenancies t ON t.id = c.tenancy_id ${RESULT_OF_CURRENT}
     WHERE c.tenancy_id = ANY($1::int[]) ORDER BY c.tenancy_id`,
    [[...tenancyIds]],
  );
  return rows.map(({ c_as_of, c_action, c_priority, c_real_arrears_pence, c_needs_approval, c_patch_id, c_trace_hash, ...row }) => ({
    ...row,
    current: { as_of: c_as_of, action: c_action, priority: c_priority, real_arrears_pence: c_real_arrears_pence, needs_approval: c_needs_approval, patch_id: c_patch_id, trace_hash: c_trace_hash },
  }));
}

/**
 * The payments in transit (pence) that the latest assessment of each tenancy dated `asOf` found: the
 * `inTransitPence` figure of its trace entry TRANSIT_TRACE_RULE. Tenancies not assessed as of that day are
 * left out.
 */
export async function inTransitOn(db: Db, tenancyIds: readonly number[], asOf: BusinessDate): Promise<Map<number, number>> {
  if (tenancyIds.length === 0) return new Map();
  const rows = await db.query<{ tenancy_id: number; in_transit: number | null }>(
    `SELECT DISTINCT ON (a.tenancy_id) a.tenancy_id,
            (SELECT (x -> 'figures' ->> 'inTransitPence')::bigint FROM json_array_elements(${TRACE_OF_A}) x WHERE x ->> 'rule' = $3 LIMIT 1) AS in_transit
     FROM assessments a WHERE a.tenancy_id = ANY($1::int[]) AND a.as_of = $2
     ORDER BY a.tenancy_id, a.id DESC`,
    [[...tenancyIds], asOf, TRANSIT_TRACE_RULE],
  );
  return new Map(rows.map((r) => [r.tenancy_id, r.in_transit ?? 0]));
}

export async function dailyAssessment(db: Db, tenancyId: number, asOf: BusinessDate): Promise<StoredAssessment | null> {
  const rows = await db.query<StoredAssessment>(
    `SELECT a.id, a.tenancy_id, a.as_of, a.trigger, a.policy_version, a.action, a.priority, a.result, ${TRACE_OF_A} AS trace, a.created_at
     FROM assessments a WHERE a.tenancy_id = $1 AND a.as_of = $2 AND a.trigger = 'daily'`,
    [tenancyId, asOf],
  );
  return rows[0] ?? null;
}
