-- 0006: tasks — work for a person that is not an engine recommendation: a DWP request to send, an
-- instalment that is late (early warning), a failed direct debit to follow up, the statement due ten
-- days before a hearing, an eviction safeguard to check. Created by the daily run or by a workflow with
-- an idempotency key (a retry creates nothing twice); completed or cancelled with who, when and a note.
CREATE TABLE tasks (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id       integer NOT NULL REFERENCES tenancies (id),
  kind             text NOT NULL,
  title            text NOT NULL,
  due_on           date NOT NULL,
  details          jsonb NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'open',
  idempotency_key  text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text NOT NULL,
  closed_on        date,
  closed_by        text,
  closing_note     text,
  CONSTRAINT tasks_status_check CHECK (status IN ('open', 'done', 'cancelled')),
  CONSTRAINT tasks_closed_check CHECK ((status = 'open') = (closed_on IS NULL)),
  CONSTRAINT tasks_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX tasks_open_due_idx ON tasks (due_on, tenancy_id) WHERE status = 'open';
CREATE INDEX tasks_tenancy_idx ON tasks (tenancy_id, id);
