-- 0004: the officers' web workspace: extra roles, sign-in throttling, approvals (four-eyes), letters,
-- and indexes for the worklist, search and the audit log. Plain B-tree indexes only (no pg_trgm), so the
-- same SQL runs on PostgreSQL 15 and on PGlite.

-- A user has one main role; an administrator may also work cases (extra_roles = {officer}).
ALTER TABLE users ADD COLUMN extra_roles text[] NOT NULL DEFAULT '{}';
ALTER TABLE users ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;
ALTER TABLE users ADD COLUMN last_signed_in_at timestamptz;
CREATE UNIQUE INDEX users_oidc_subject_key ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;

-- Actions that need a manager's approval (apply_for_possession, apply_for_warrant, …) wait here.
-- Four-eyes: the database refuses a decision by the person who asked.
CREATE TABLE approvals (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id         integer NOT NULL REFERENCES tenancies (id),
  action             text NOT NULL,
  assessment_id      bigint REFERENCES assessments (id),
  recommended_action text,
  requested_by       integer NOT NULL REFERENCES users (id),
  requested_at       timestamptz NOT NULL DEFAULT now(),
  request_note       text,
  status             text NOT NULL DEFAULT 'pending',
  decided_by         integer REFERENCES users (id),
  decided_at         timestamptz,
  decision_reason    text,
  action_event_id    bigint REFERENCES case_events (id),
  CONSTRAINT approvals_status_check CHECK (status IN ('pending', 'approved', 'declined')),
  CONSTRAINT approvals_four_eyes_check CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CONSTRAINT approvals_decision_check CHECK ((status = 'pending') = (decided_by IS NULL))
);
CREATE INDEX approvals_status_idx ON approvals (status, requested_at);
CREATE INDEX approvals_tenancy_idx ON approvals (tenancy_id, requested_at);
-- One open request per tenancy and action.
CREATE UNIQUE INDEX approvals_one_pending_key ON approvals (tenancy_id, action) WHERE status = 'pending';

-- Letters produced when an officer confirms a letter action. `content` is everything the PDF shows
-- (names, address, figures, the 13-week statement), so the same PDF can be rendered again at any time.
CREATE TABLE letters (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenancy_id      integer NOT NULL REFERENCES tenancies (id),
  template        text NOT NULL,
  letter_date     date NOT NULL,
  case_event_id   bigint REFERENCES case_events (id),
  content         jsonb NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX letters_tenancy_idx ON letters (tenancy_id, id);

-- Worklist: follow-ups by due date; flags (vulnerability, breathing space, dispute) by type.
CREATE INDEX case_events_follow_up_due_idx ON case_events ((details ->> 'dueDate'), tenancy_id) WHERE type = 'follow_up';
CREATE INDEX case_events_type_tenancy_idx ON case_events (type, tenancy_id);

-- Search: prefix matches on reference, payment reference, names (whole and last word), addresses (whole
-- and from the street name on, after the last word with a digit) and postcodes (without spaces).
CREATE INDEX tenancies_ref_upper_idx ON tenancies (upper(ref) text_pattern_ops);
CREATE INDEX tenancies_payment_reference_upper_idx ON tenancies (upper(payment_reference) text_pattern_ops);
CREATE INDEX tenants_name_lower_idx ON tenants (lower(name) text_pattern_ops);
CREATE INDEX tenants_surname_lower_idx ON tenants (lower(regexp_replace(name, '^.*\s', '')) text_pattern_ops);
CREATE INDEX tenants_tenancy_idx ON tenants (tenancy_id);
CREATE INDEX properties_address_lower_idx ON properties (lower(address) text_pattern_ops);
CREATE INDEX properties_street_lower_idx ON properties (lower(regexp_replace(address, '^.*[0-9]\S*\s+', '')) text_pattern_ops);
CREATE INDEX properties_postcode_idx ON properties (upper(replace(postcode, ' ', '')) text_pattern_ops);
CREATE INDEX tenancies_property_idx ON tenancies (property_id);

-- Audit search: by person and by what was touched.
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- The business "today" of the pages is the latest day an assessment is current for.
CREATE INDEX current_assessments_as_of_idx ON current_assessments (as_of);
