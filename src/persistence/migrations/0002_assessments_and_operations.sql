-- 0002: policy versions, stored assessments with their trace, job runs, users, sessions and audit.

CREATE TABLE policy_versions (
  version      integer PRIMARY KEY,
  document     jsonb NOT NULL,
  applied_by   text NOT NULL,
  applied_at   timestamptz NOT NULL DEFAULT now(),
  note         text
);

-- Every assessment made (daily run, after a payment, after a decision), with its reasons and trace.
CREATE TABLE assessments (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id           integer NOT NULL REFERENCES tenancies (id),
  as_of                date NOT NULL,
  trigger              text NOT NULL,
  policy_version       integer NOT NULL,
  action               text NOT NULL,
  priority             integer NOT NULL,
  balance_pence        bigint NOT NULL,
  arrears_pence        bigint NOT NULL,
  real_arrears_pence   bigint NOT NULL,
  result               jsonb NOT NULL,
  trace                jsonb NOT NULL,
  job_run_id           bigint,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessments_tenancy_idx ON assessments (tenancy_id, as_of, id);
CREATE UNIQUE INDEX assessments_daily_key ON assessments (tenancy_id, as_of) WHERE trigger = 'daily';

-- The latest assessment of each tenancy: what worklists are read from.
CREATE TABLE current_assessments (
  tenancy_id           integer PRIMARY KEY REFERENCES tenancies (id),
  assessment_id        bigint NOT NULL REFERENCES assessments (id),
  as_of                date NOT NULL,
  patch_id             integer REFERENCES patches (id),
  action               text NOT NULL,
  priority             integer NOT NULL,
  real_arrears_pence   bigint NOT NULL,
  needs_approval       boolean NOT NULL DEFAULT false
);
CREATE INDEX current_assessments_worklist_idx ON current_assessments (patch_id, priority DESC, real_arrears_pence DESC) WHERE action <> 'none';
CREATE INDEX current_assessments_action_idx ON current_assessments (action);

CREATE TABLE job_runs (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job             text NOT NULL,
  business_date   date NOT NULL,
  status          text NOT NULL,
  started_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  summary         jsonb NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT job_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed'))
);
CREATE INDEX job_runs_job_date_idx ON job_runs (job, business_date);

CREATE TABLE users (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username        text NOT NULL,
  display_name    text NOT NULL,
  role            text NOT NULL,
  patch_id        integer REFERENCES patches (id),
  password_hash   text,
  oidc_subject    text,
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_username_key UNIQUE (username),
  CONSTRAINT users_role_check CHECK (role IN ('officer', 'senior_officer', 'manager', 'admin'))
);

CREATE TABLE web_sessions (
  id           text PRIMARY KEY,
  user_id      integer REFERENCES users (id),
  data         jsonb NOT NULL DEFAULT '{}'::jsonb,
  expires_at   timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_sessions_expires_at_idx ON web_sessions (expires_at);

-- Who read or wrote a tenant's personal data, what, when and from where. Append-only.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor        text NOT NULL,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_id    text,
  tenancy_id   integer,
  origin       text,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_tenancy_idx ON audit_log (tenancy_id, at);
CREATE TRIGGER audit_log_append_only_rows
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER audit_log_append_only_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
