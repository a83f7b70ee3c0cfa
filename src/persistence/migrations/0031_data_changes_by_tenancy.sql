-- 0031: a transaction's note in data_changes (0028) says which tenancies it changed, so that a kept page of some
-- patches is rendered afresh only when a change may show on it (ADR 0014, src/persistence/stores/data-change-store.ts).
--
-- tenancy_ids: the tenancies whose rows the transaction inserted, updated or deleted, in the tables that hold a
-- tenancy_id; patch_ids: the patches those of its rows that carry one (current_assessments, tasks, open_follow_ups)
-- had before and after. Both NULL: the change may show anywhere. A note is NULL when the transaction wrote any
-- other table (patches, users, policy, tenancies, properties, files, jobs…), a row with no tenancy (a rent-free
-- week for every tenancy), more than 100 tenancies (a job's batch: not worth resolving), or was noted before this
-- migration. assessment_traces' inserts are not noted: a trace is shown only through an assessment, which is.
--
-- A page of patches P kept from a snapshot is stale when a note its snapshot did not see is NULL, names a patch
-- of P, or names a tenancy that is now on P (its tenancy's patch_id or its current assessment's). A row that was
-- on P and is no longer was moved by a transaction after the snapshot: a tenancy's move is noted NULL, and a
-- moved task's, follow-up's or current assessment's old patch is in its note. So a page is never served older
-- than the data it shows.
ALTER TABLE data_changes ADD COLUMN tenancy_ids integer[], ADD COLUMN patch_ids integer[];

-- Adds to this transaction's note: changed_tenancy_ids NULL (or holding NULL) makes it a change to anything.
CREATE FUNCTION note_data_change_of(changed_tenancy_ids integer[], changed_patch_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  me constant xid8 := pg_current_xact_id();
  noted boolean;
  noted_tenancy_ids integer[];
  noted_patch_ids integer[];
  tenancy_ids_now integer[];
  patch_ids_now integer[];
BEGIN
  SELECT d.tenancy_ids, d.patch_ids INTO noted_tenancy_ids, noted_patch_ids FROM data_changes d WHERE d.xid = me;
  noted := FOUND;
  IF noted AND noted_tenancy_ids IS NULL THEN
    RETURN; -- already a change to anything
  END IF;
  IF changed_tenancy_ids IS NOT NULL AND array_position(changed_tenancy_ids, NULL) IS NULL THEN
    tenancy_ids_now := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(noted_tenancy_ids, '{}') || changed_tenancy_ids) AS x ORDER BY x);
    patch_ids_now := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(noted_patch_ids, '{}') || coalesce(changed_patch_ids, '{}')) AS x WHERE x IS NOT NULL ORDER BY x);
    IF cardinality(tenancy_ids_now) > 100 THEN
      tenancy_ids_now := NULL;
      patch_ids_now := NULL;
    END IF;
  END IF;
  IF NOT noted THEN
    INSERT INTO data_changes (xid, tenancy_ids, patch_ids) VALUES (me, tenancy_ids_now, patch_ids_now);
  ELSIF tenancy_ids_now IS NULL OR tenancy_ids_now <> noted_tenancy_ids OR patch_ids_now <> noted_patch_ids THEN
    UPDATE data_changes SET tenancy_ids = tenancy_ids_now, patch_ids = patch_ids_now WHERE xid = me;
  END IF;
END
$$;

-- The tables without a tenancy: a change to anything, as before.
CREATE OR REPLACE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM note_data_change_of(NULL, NULL);
  RETURN NULL;
END
$$;

-- The tables with a tenancy_id: the tenancies of the rows the statement changed (and, given 'patch_id', their
-- patches). A statement that changed no row notes nothing. The transition tables are new_rows and old_rows.
CREATE FUNCTION note_data_change_by_tenancy() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  with_patch constant boolean := TG_NARGS > 0 AND TG_ARGV[0] = 'patch_id';
  changed_tenancy_ids integer[];
  changed_patch_ids integer[];
BEGIN
  IF EXISTS (SELECT 1 FROM data_changes d WHERE d.xid = pg_current_xact_id() AND d.tenancy_ids IS NULL) THEN
    RETURN NULL; -- already a change to anything: nothing to add
  END IF;
  IF TG_OP = 'INSERT' AND with_patch THEN
    SELECT array_agg(tenancy_id), array_agg(patch_id) INTO changed_tenancy_ids, changed_patch_ids FROM new_rows;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(tenancy_id) INTO changed_tenancy_ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' AND with_patch THEN
    SELECT array_agg(r.tenancy_id), array_agg(r.patch_id) INTO changed_tenancy_ids, changed_patch_ids
      FROM (SELECT tenancy_id, patch_id FROM old_rows UNION ALL SELECT tenancy_id, patch_id FROM new_rows) AS r;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.tenancy_id) INTO changed_tenancy_ids FROM (SELECT tenancy_id FROM old_rows UNION ALL SELECT tenancy_id FROM new_rows) AS r;
  ELSIF with_patch THEN
    SELECT array_agg(tenancy_id), array_agg(patch_id) INTO changed_tenancy_ids, changed_patch_ids FROM old_rows;
  ELSE
    SELECT array_agg(tenancy_id) INTO changed_tenancy_ids FROM old_rows;
  END IF;
  IF changed_tenancy_ids IS NOT NULL THEN
    PERFORM note_data_change_of(changed_tenancy_ids, changed_patch_ids);
  END IF;
  RETURN NULL;
END
$$;

-- A trace is shown only through an assessment that names it (a foreign key), and that assessment's insert is
-- noted; its rows never change (0019 refuses it), so only an attempt to would be noted.
DROP TRIGGER assessment_traces_noted ON assessment_traces;
CREATE TRIGGER assessment_traces_noted AFTER UPDATE OR DELETE OR TRUNCATE ON assessment_traces FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();


-- The tables with a tenancy_id (all but the audit log, not noted); those whose rows carry their patch note it too.
DO $$
DECLARE
  t text;
  arg text;
BEGIN
  FOREACH t IN ARRAY ARRAY['account_state', 'approvals', 'arrangements', 'assessments', 'benefit_claim_versions', 'benefit_claims',
                           'case_events', 'charge_positions', 'charge_schedules', 'current_assessments', 'dd_collection_failures',
                           'dd_mandates', 'income_expenditure_snapshots', 'ledger_transactions', 'letters', 'open_follow_ups',
                           'rent_change_items', 'rent_free_weeks', 'tasks', 'tenants'] LOOP
    arg := CASE WHEN t IN ('current_assessments', 'open_follow_ups', 'tasks') THEN '''patch_id''' ELSE '' END;
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_noted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy(%s)', t || '_noted_insert', t, arg);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy(%s)', t || '_noted_update', t, arg);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy(%s)', t || '_noted_delete', t, arg);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t || '_noted_truncate', t);
  END LOOP;
END
$$;
