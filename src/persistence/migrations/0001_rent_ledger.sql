-- 0001: the landlord's rent accounts and the append-only ledger (ADR 0002, 0003, 0004).
-- Money is integer pence in bigint columns. Dates a person would call "the date" are `date`
-- (Europe/London calendar); system timestamps are timestamptz.

CREATE TABLE patches (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT patches_name_key UNIQUE (name)
);

CREATE TABLE properties (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  address       text NOT NULL,
  postcode      text,
  patch_id      integer REFERENCES patches (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX properties_patch_id_idx ON properties (patch_id);

CREATE TABLE tenancies (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ref                text NOT NULL,
  payment_reference  text NOT NULL,
  property_id        integer REFERENCES properties (id),
  patch_id           integer REFERENCES patches (id),
  tenure             text NOT NULL,
  landlord_type      text NOT NULL DEFAULT 'local_authority',
  start_date         date NOT NULL,
  end_date           date,
  end_reason         text,
  rent_frequency     text NOT NULL DEFAULT 'weekly',
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tenancies_ref_key UNIQUE (ref),
  CONSTRAINT tenancies_payment_reference_key UNIQUE (payment_reference),
  CONSTRAINT tenancies_tenure_check CHECK (tenure IN ('secure', 'introductory', 'flexible', 'assured', 'starter', 'licence', 'non_secure')),
  CONSTRAINT tenancies_landlord_type_check CHECK (landlord_type IN ('local_authority', 'private_registered_provider')),
  CONSTRAINT tenancies_rent_frequency_check CHECK (rent_frequency IN ('weekly', 'fortnightly', 'four_weekly', 'monthly')),
  CONSTRAINT tenancies_end_reason_check CHECK (end_reason IS NULL OR end_reason IN ('eviction', 'abandonment', 'deceased', 'transfer', 'notice', 'other'))
);
CREATE INDEX tenancies_patch_id_idx ON tenancies (patch_id);

-- Tenants of a tenancy in order (joint tenants share the tenancy and the debt).
CREATE TABLE tenants (
  id                    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id            integer NOT NULL REFERENCES tenancies (id),
  position              integer NOT NULL,
  name                  text NOT NULL,
  phone                 text,
  email                 text,
  date_of_birth         date,
  has_forwarding_address boolean NOT NULL DEFAULT false,
  forwarding_address    text,
  CONSTRAINT tenants_tenancy_position_key UNIQUE (tenancy_id, position)
);

-- Effective-dated weekly charges per sub-account. A change of rent adds an entry; none is rewritten.
CREATE TABLE charge_schedules (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id       integer NOT NULL REFERENCES tenancies (id),
  sub_account      text NOT NULL DEFAULT 'rent',
  effective_from   date NOT NULL,
  weekly_pence     bigint NOT NULL,
  reason           text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT charge_schedules_weekly_pence_check CHECK (weekly_pence >= 0),
  CONSTRAINT charge_schedules_key UNIQUE (tenancy_id, sub_account, effective_from)
);

-- Mondays of rent-free weeks: tenancy_id NULL means every tenancy of the landlord.
CREATE TABLE rent_free_weeks (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id        integer REFERENCES tenancies (id),
  week_commencing   date NOT NULL,
  CONSTRAINT rent_free_weeks_monday_check CHECK (extract(isodow FROM week_commencing) = 1)
);
CREATE UNIQUE INDEX rent_free_weeks_key ON rent_free_weeks (coalesce(tenancy_id, 0), week_commencing);

-- How far the daily run has posted each tenancy's charges (derived; rebuilt from the ledger).
CREATE TABLE charge_positions (
  tenancy_id     integer PRIMARY KEY REFERENCES tenancies (id),
  charged_to     date NOT NULL
);

CREATE TABLE import_files (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text NOT NULL,
  file_name       text NOT NULL,
  sha256          text NOT NULL,
  format          text NOT NULL,
  imported_at     timestamptz NOT NULL DEFAULT now(),
  imported_by     text,
  summary         jsonb NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT import_files_kind_check CHECK (kind IN ('payments', 'tenancies', 'case'))
);
CREATE INDEX import_files_sha256_idx ON import_files (sha256);

-- The rent ledger. Append-only: triggers below refuse UPDATE, DELETE and TRUNCATE.
-- Sign: positive = the tenant owes more (a debit); negative = a credit.
CREATE TABLE ledger_transactions (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id               integer NOT NULL REFERENCES tenancies (id),
  sub_account              text NOT NULL DEFAULT 'rent',
  business_date            date NOT NULL,
  kind                     text NOT NULL,
  method                   text,
  amount_pence             bigint NOT NULL,
  period_from              date,
  period_to                date,
  note                     text,
  idempotency_key          text NOT NULL,
  reverses_id              bigint REFERENCES ledger_transactions (id),
  reason                   text,
  source                   text NOT NULL DEFAULT 'system',
  import_file_id           bigint REFERENCES import_files (id),
  provider_transaction_id  text,
  recorded_at              timestamptz NOT NULL DEFAULT now(),
  recorded_by              text,
  CONSTRAINT ledger_transactions_idempotency_key_key UNIQUE (idempotency_key),
  CONSTRAINT ledger_transactions_kind_check CHECK (kind IN ('charge', 'payment', 'benefit', 'adjustment', 'reversal', 'court_costs', 'write_off', 'refund')),
  CONSTRAINT ledger_transactions_sub_account_check CHECK (sub_account IN ('rent', 'service_charge', 'garage', 'court_costs', 'rechargeable_repairs', 'sundry_debt', 'hb_overpayment', 'former_tenant_arrears')),
  CONSTRAINT ledger_transactions_reversal_reason_check CHECK (reverses_id IS NULL OR (reason IS NOT NULL AND reason <> ''))
);
CREATE INDEX ledger_transactions_tenancy_date_idx ON ledger_transactions (tenancy_id, business_date, id);
CREATE INDEX ledger_transactions_reverses_id_idx ON ledger_transactions (reverses_id) WHERE reverses_id IS NOT NULL;

CREATE FUNCTION refuse_append_only_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused (post a reversing entry with a reason instead)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER ledger_transactions_append_only_rows
  BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER ledger_transactions_append_only_truncate
  BEFORE TRUNCATE ON ledger_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- One outcome per data row of every payment file (posted, suspense, rejected, duplicate).
CREATE TABLE payment_file_rows (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_file_id           bigint NOT NULL REFERENCES import_files (id),
  row_number               integer NOT NULL,
  outcome                  text NOT NULL,
  provider_transaction_id  text,
  reference                text,
  business_date            date,
  amount_pence             bigint,
  method                   text,
  ledger_transaction_id    bigint REFERENCES ledger_transactions (id),
  raw                      jsonb NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT payment_file_rows_outcome_check CHECK (outcome IN ('posted', 'suspense', 'rejected', 'duplicate')),
  CONSTRAINT payment_file_rows_key UNIQUE (import_file_id, row_number)
);
-- A provider's transaction id is accepted (posted or held in suspense) at most once, ever.
CREATE UNIQUE INDEX payment_file_rows_accepted_transaction_key
  ON payment_file_rows (provider_transaction_id) WHERE outcome IN ('posted', 'suspense');
CREATE TRIGGER payment_file_rows_append_only_rows
  BEFORE UPDATE OR DELETE ON payment_file_rows
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER payment_file_rows_append_only_truncate
  BEFORE TRUNCATE ON payment_file_rows
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- Valid payments whose reference matches no account, held until an officer allocates them.
CREATE TABLE suspense_items (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_file_row_id      bigint REFERENCES payment_file_rows (id),
  provider_transaction_id  text NOT NULL,
  business_date            date NOT NULL,
  reference                text,
  amount_pence             bigint NOT NULL,
  method                   text,
  description              text,
  status                   text NOT NULL DEFAULT 'open',
  allocated_tenancy_id     integer REFERENCES tenancies (id),
  allocated_transaction_id bigint REFERENCES ledger_transactions (id),
  allocated_by             text,
  allocated_at             timestamptz,
  created_at               timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT suspense_items_status_check CHECK (status IN ('open', 'allocated')),
  CONSTRAINT suspense_items_provider_transaction_id_key UNIQUE (provider_transaction_id)
);

-- Rejected rows of any import, named by row, field and reason, kept until corrected.
CREATE TABLE import_exceptions (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_file_id    bigint NOT NULL REFERENCES import_files (id),
  row_number        integer NOT NULL,
  field             text NOT NULL,
  message           text NOT NULL,
  raw               jsonb NOT NULL DEFAULT '{}'::jsonb,
  status            text NOT NULL DEFAULT 'open',
  resolved_at       timestamptz,
  resolved_by       text,
  resolution        text,
  CONSTRAINT import_exceptions_status_check CHECK (status IN ('open', 'resubmitted', 'dismissed'))
);
CREATE INDEX import_exceptions_open_idx ON import_exceptions (status, import_file_id);

-- Benefit claims as the landlord knows them today (Housing Benefit, Universal Credit).
CREATE TABLE benefit_claims (
  id                           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id                   integer NOT NULL REFERENCES tenancies (id),
  type                         text NOT NULL,
  status                       text NOT NULL,
  from_date                    date NOT NULL,
  weekly_pence                 bigint,
  paid_every_weeks             integer,
  evidence_complete            boolean,
  housing_costs_to             text,
  monthly_housing_pence        bigint,
  assessment_period_start_day  integer,
  details                      jsonb NOT NULL DEFAULT '{}'::jsonb,
  position                     integer NOT NULL DEFAULT 0,
  updated_at                   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX benefit_claims_tenancy_id_idx ON benefit_claims (tenancy_id);

-- The case timeline: every event of the case-file contract (action, contact, pre_action, arrangement,
-- notice_served, claim_issued, court_order, …) plus the system's own. `details` holds the event's
-- fields other than date and type, exactly as the case file writes them.
CREATE TABLE case_events (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id        integer NOT NULL REFERENCES tenancies (id),
  event_date        date NOT NULL,
  type              text NOT NULL,
  details           jsonb NOT NULL DEFAULT '{}'::jsonb,
  note              text,
  idempotency_key   text,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  recorded_by       text,
  CONSTRAINT case_events_idempotency_key_key UNIQUE (idempotency_key)
);
CREATE INDEX case_events_tenancy_date_idx ON case_events (tenancy_id, event_date, id);
