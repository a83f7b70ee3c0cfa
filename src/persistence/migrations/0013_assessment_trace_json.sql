-- 0013: the rule trace of each assessment is stored as `json` (the text the engine produced, validated as
-- JSON and kept as it is) instead of `jsonb`. The trace is a record read whole (the account page, the API,
-- `rentwise account --json`), never searched inside; as jsonb every daily assessment of every account paid
-- for decomposing a 4 KB document into its binary form. Stored the same: compressed by PostgreSQL when
-- large. The result stays jsonb (the after-run steps and reports query its fields).
ALTER TABLE assessments ALTER COLUMN trace TYPE json USING trace::json;
