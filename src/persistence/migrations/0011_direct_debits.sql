-- Direct-debit mandates (issue 5 item 4): one row per instruction, its history in dd_mandate_events.
CREATE TABLE dd_mandates (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id         integer NOT NULL REFERENCES tenancies (id),
  reference          text NOT NULL,
  payer_name         text NOT NULL,
  sort_code          text NOT NULL,
  account_number     text NOT NULL,
  frequency          text NOT NULL,
  collection_day     integer NOT NULL,
  amount_pence       bigint NOT NULL,
  start_on           date NOT NULL,
  first_collection_on date NOT NULL,
  status             text NOT NULL DEFAULT 'active',
  cancelled_on       date,
  cancel_reason      text,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dd_mandates_reference_key UNIQUE (reference),
  CONSTRAINT dd_mandates_status_check CHECK (status IN ('active', 'cancelled')),
  CONSTRAINT dd_mandates_frequency_check CHECK (frequency IN ('monthly', 'weekly')),
  CONSTRAINT dd_mandates_amount_check CHECK (amount_pence > 0),
  CONSTRAINT dd_mandates_sort_code_check CHECK (sort_code ~ '^[0-9]{6}$'),
  CONSTRAINT dd_mandates_account_check CHECK (account_number ~ '^[0-9]{8}$')
);
CREATE INDEX dd_mandates_tenancy_idx ON dd_mandates (tenancy_id, id);

-- Everything that happened to a mandate: created, amount_changed (with the advance notice), failed
-- collection, re-presentation, cancelled. Keyed for idempotency.
CREATE TABLE dd_mandate_events (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mandate_id        bigint NOT NULL REFERENCES dd_mandates (id),
  event_on          date NOT NULL,
  type              text NOT NULL,
  details           jsonb NOT NULL DEFAULT '{}',
  idempotency_key   text NOT NULL,
  recorded_by       text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dd_mandate_events_key UNIQUE (idempotency_key)
);
CREATE INDEX dd_mandate_events_mandate_idx ON dd_mandate_events (mandate_id, id);

-- Each ARUDD reversal handled once (the after-run step scans reversals not in here).
CREATE TABLE dd_collection_failures (
  ledger_transaction_id bigint PRIMARY KEY,
  tenancy_id            integer NOT NULL REFERENCES tenancies (id),
  mandate_id            bigint REFERENCES dd_mandates (id),
  return_code           text NOT NULL,
  returned_on           date NOT NULL,
  amount_pence          bigint NOT NULL,
  action                text NOT NULL,
  represent_on          date,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dd_collection_failures_mandate_idx ON dd_collection_failures (mandate_id);

-- The annual rent change: one row per applied (effective date, sub-account, tenancy).
CREATE TABLE rent_change_items (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id         integer NOT NULL REFERENCES tenancies (id),
  sub_account        text NOT NULL,
  effective_from     date NOT NULL,
  old_weekly_pence   bigint NOT NULL,
  new_weekly_pence   bigint NOT NULL,
  letter_id          bigint REFERENCES letters (id),
  applied_by         text NOT NULL,
  applied_on         date NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT rent_change_items_key UNIQUE (tenancy_id, sub_account, effective_from)
);
