-- Benefits on the case (docs/money-workflows.md "Benefits"). `benefit_claims` stays the CURRENT state
-- of each claim, exactly what the engine reads (src/persistence/stores/case-data-store.ts); a change
-- updates the row in place and increments `version`, and every version (added, updated, ended) is
-- kept whole in `benefit_claim_versions` with who and when. The new columns are not read by the
-- engine: the HB next payment date, the benefit-cap and under-occupancy deductions, the end date.
ALTER TABLE benefit_claims
  ADD COLUMN next_payment_on               date,
  ADD COLUMN ended_on                      date,
  ADD COLUMN benefit_cap_weekly_pence      bigint,
  ADD COLUMN spare_bedrooms                integer,
  ADD COLUMN under_occupancy_weekly_pence  bigint,
  ADD COLUMN deductions_from               date,
  ADD COLUMN version                       integer NOT NULL DEFAULT 1,
  ADD COLUMN recorded_by                   text;

-- Every version of every claim, append-only.
CREATE TABLE benefit_claim_versions (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  benefit_claim_id  integer NOT NULL REFERENCES benefit_claims (id),
  tenancy_id        integer NOT NULL REFERENCES tenancies (id),
  version           integer NOT NULL,
  change            text NOT NULL,
  snapshot          jsonb NOT NULL,
  changed_by        text NOT NULL,
  changed_on        date NOT NULL,
  changed_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT benefit_claim_versions_change_check CHECK (change IN ('added', 'updated', 'ended')),
  CONSTRAINT benefit_claim_versions_key UNIQUE (benefit_claim_id, version)
);
CREATE INDEX benefit_claim_versions_tenancy_idx ON benefit_claim_versions (tenancy_id, id);

CREATE FUNCTION benefit_claim_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'benefit_claim_versions is append-only';
END;
$$;
CREATE TRIGGER benefit_claim_versions_no_update BEFORE UPDATE OR DELETE ON benefit_claim_versions
  FOR EACH ROW EXECUTE FUNCTION benefit_claim_versions_append_only();

-- DWP Landlord Portal exports: which tasks went in which file, by whom.
CREATE TABLE dwp_request_exports (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_ids      bigint[] NOT NULL,
  exported_by   text NOT NULL,
  exported_on   date NOT NULL,
  exported_at   timestamptz NOT NULL DEFAULT now()
);

-- The daily step looks tasks up by idempotency key (unique index exists) and open DWP tasks by kind.
CREATE INDEX tasks_open_kind_idx ON tasks (kind, tenancy_id) WHERE status = 'open';
