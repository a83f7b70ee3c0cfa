-- 0005: the synthetic demo landlord (`rentwise demo`). One row per demo built into this database: a
-- database with a row here already holds the demo, which a second `rentwise demo` reuses.

CREATE TABLE demo_runs (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seed         bigint NOT NULL,
  as_of        date NOT NULL,
  tenancies    integer NOT NULL,
  summary      jsonb NOT NULL,
  built_at     timestamptz NOT NULL DEFAULT now()
);
