-- 0009: income and expenditure snapshots and repayment arrangements (docs/money-workflows.md).
-- Snapshots are append-only history: each save is a new dated row with who and when; the latest is the
-- one an arrangement is checked against. An arrangement row mirrors its contract `arrangement` case
-- event (what the engine monitors) with the snapshot it was based on and, once ended, why.
CREATE TABLE income_expenditure_snapshots (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id              integer NOT NULL REFERENCES tenancies (id),
  taken_on                date NOT NULL,
  lines                   jsonb NOT NULL,
  monthly_income_pence    bigint NOT NULL,
  monthly_surplus_pence   bigint NOT NULL,
  largest_weekly_pence    bigint NOT NULL,
  largest_monthly_pence   bigint NOT NULL,
  working                 jsonb NOT NULL,
  case_event_id           bigint,
  recorded_by             text NOT NULL,
  recorded_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX income_expenditure_snapshots_tenancy_idx ON income_expenditure_snapshots (tenancy_id, id);
CREATE TRIGGER income_expenditure_snapshots_append_only BEFORE UPDATE OR DELETE ON income_expenditure_snapshots
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();

CREATE TABLE arrangements (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id              integer NOT NULL REFERENCES tenancies (id),
  case_event_id           bigint NOT NULL,
  snapshot_id             bigint REFERENCES income_expenditure_snapshots (id),
  instalment_pence        bigint NOT NULL,
  frequency               text NOT NULL,
  start_date              date NOT NULL,
  arrears_pence           bigint NOT NULL,
  instalments             integer NOT NULL,
  final_instalment_pence  bigint NOT NULL,
  clears_on               date NOT NULL,
  warnings                jsonb NOT NULL DEFAULT '[]'::jsonb,
  status                  text NOT NULL DEFAULT 'active',
  ended_on                date,
  ended_reason            text,
  replaced_by             bigint REFERENCES arrangements (id),
  letter_id               bigint,
  created_by              text NOT NULL,
  created_at              timestamptz NOT NULL DEFAULT now(),
  ended_by                text,
  CONSTRAINT arrangements_status_check CHECK (status IN ('active', 'cancelled', 'renegotiated')),
  CONSTRAINT arrangements_frequency_check CHECK (frequency IN ('weekly', 'fortnightly', 'four_weekly', 'monthly')),
  CONSTRAINT arrangements_ended_check CHECK ((status = 'active') = (ended_on IS NULL)),
  CONSTRAINT arrangements_ended_reason_check CHECK (status = 'active' OR (ended_reason IS NOT NULL AND ended_reason <> ''))
);
CREATE INDEX arrangements_tenancy_idx ON arrangements (tenancy_id, id);
CREATE INDEX arrangements_active_idx ON arrangements (tenancy_id) WHERE status = 'active';
