-- 0019: a rule trace the same, character for character, as one already stored is stored once (ADR 0010).
-- Most accounts' traces do not change from one day to the next (on a day without charges, 81 % of a
-- 20,000-tenancy demo landlord's), yet every daily assessment stored its own copy: ~1.6 kB compressed each,
-- ~240 MB a day at 100,000 tenancies, and most of the database's work in a daily run.
--
-- assessment_traces holds each distinct trace once, under the SHA-256 of its text. The database checks the
-- hash (CHECK below), so a row's hash names exactly that text, and refuses to change or remove a row: an
-- assessment's trace can never change after it is stored. Assessments stored from now on name their trace
-- by `trace_hash` (`trace` is then null); those stored before keep theirs in `trace`. Readers take
-- `COALESCE(a.trace, t.trace)` (src/persistence/stores/assessment-store.ts).
CREATE TABLE assessment_traces (
  hash  bytea PRIMARY KEY,
  trace json NOT NULL,
  CONSTRAINT assessment_traces_hash_check CHECK (hash = sha256(convert_to(trace::text, 'UTF8')))
);

DO $$
BEGIN
  ALTER TABLE assessment_traces ALTER COLUMN trace SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END;
$$;

CREATE FUNCTION refuse_trace_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% keeps every stored trace as it was: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER assessment_traces_unchanging_rows
  BEFORE UPDATE OR DELETE ON assessment_traces
  FOR EACH ROW EXECUTE FUNCTION refuse_trace_change();
CREATE TRIGGER assessment_traces_unchanging_truncate
  BEFORE TRUNCATE ON assessment_traces
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_trace_change();

-- The check holds for every row stored before (their trace was NOT NULL), so it is added NOT VALID: the
-- migration does not read the whole table (years of daily assessments) while it holds the table's lock.
-- New and changed rows are checked all the same.
ALTER TABLE assessments
  ALTER COLUMN trace DROP NOT NULL,
  ADD COLUMN trace_hash bytea REFERENCES assessment_traces (hash),
  ADD CONSTRAINT assessments_trace_check CHECK (trace IS NOT NULL OR trace_hash IS NOT NULL) NOT VALID;

-- The hash of the current assessment's trace: the next assessment of the account compares its own with it
-- and, when they are the same, sends the database the hash alone.
ALTER TABLE current_assessments ADD COLUMN trace_hash bytea REFERENCES assessment_traces (hash);
