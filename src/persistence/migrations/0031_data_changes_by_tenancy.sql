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


DROP TRIGGER account_state_noted ON account_state;
CREATE TRIGGER account_state_noted_insert AFTER INSERT ON account_state REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER account_state_noted_update AFTER UPDATE ON account_state REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER account_state_noted_delete AFTER DELETE ON account_state REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER account_state_noted_truncate AFTER TRUNCATE ON account_state FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER approvals_noted ON approvals;
CREATE TRIGGER approvals_noted_insert AFTER INSERT ON approvals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER approvals_noted_update AFTER UPDATE ON approvals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER approvals_noted_delete AFTER DELETE ON approvals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER approvals_noted_truncate AFTER TRUNCATE ON approvals FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER arrangements_noted ON arrangements;
CREATE TRIGGER arrangements_noted_insert AFTER INSERT ON arrangements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER arrangements_noted_update AFTER UPDATE ON arrangements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER arrangements_noted_delete AFTER DELETE ON arrangements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER arrangements_noted_truncate AFTER TRUNCATE ON arrangements FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER assessments_noted ON assessments;
CREATE TRIGGER assessments_noted_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER assessments_noted_update AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER assessments_noted_delete AFTER DELETE ON assessments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER assessments_noted_truncate AFTER TRUNCATE ON assessments FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER benefit_claim_versions_noted ON benefit_claim_versions;
CREATE TRIGGER benefit_claim_versions_noted_insert AFTER INSERT ON benefit_claim_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER benefit_claim_versions_noted_update AFTER UPDATE ON benefit_claim_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER benefit_claim_versions_noted_delete AFTER DELETE ON benefit_claim_versions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER benefit_claim_versions_noted_truncate AFTER TRUNCATE ON benefit_claim_versions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER benefit_claims_noted ON benefit_claims;
CREATE TRIGGER benefit_claims_noted_insert AFTER INSERT ON benefit_claims REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER benefit_claims_noted_update AFTER UPDATE ON benefit_claims REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER benefit_claims_noted_delete AFTER DELETE ON benefit_claims REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER benefit_claims_noted_truncate AFTER TRUNCATE ON benefit_claims FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER case_events_noted ON case_events;
CREATE TRIGGER case_events_noted_insert AFTER INSERT ON case_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER case_events_noted_update AFTER UPDATE ON case_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER case_events_noted_delete AFTER DELETE ON case_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER case_events_noted_truncate AFTER TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER charge_positions_noted ON charge_positions;
CREATE TRIGGER charge_positions_noted_insert AFTER INSERT ON charge_positions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER charge_positions_noted_update AFTER UPDATE ON charge_positions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER charge_positions_noted_delete AFTER DELETE ON charge_positions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER charge_positions_noted_truncate AFTER TRUNCATE ON charge_positions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER charge_schedules_noted ON charge_schedules;
CREATE TRIGGER charge_schedules_noted_insert AFTER INSERT ON charge_schedules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER charge_schedules_noted_update AFTER UPDATE ON charge_schedules REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER charge_schedules_noted_delete AFTER DELETE ON charge_schedules REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER charge_schedules_noted_truncate AFTER TRUNCATE ON charge_schedules FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER current_assessments_noted ON current_assessments;
CREATE TRIGGER current_assessments_noted_insert AFTER INSERT ON current_assessments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER current_assessments_noted_update AFTER UPDATE ON current_assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER current_assessments_noted_delete AFTER DELETE ON current_assessments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER current_assessments_noted_truncate AFTER TRUNCATE ON current_assessments FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER dd_collection_failures_noted ON dd_collection_failures;
CREATE TRIGGER dd_collection_failures_noted_insert AFTER INSERT ON dd_collection_failures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER dd_collection_failures_noted_update AFTER UPDATE ON dd_collection_failures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER dd_collection_failures_noted_delete AFTER DELETE ON dd_collection_failures REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER dd_collection_failures_noted_truncate AFTER TRUNCATE ON dd_collection_failures FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER dd_mandates_noted ON dd_mandates;
CREATE TRIGGER dd_mandates_noted_insert AFTER INSERT ON dd_mandates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER dd_mandates_noted_update AFTER UPDATE ON dd_mandates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER dd_mandates_noted_delete AFTER DELETE ON dd_mandates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER dd_mandates_noted_truncate AFTER TRUNCATE ON dd_mandates FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER income_expenditure_snapshots_noted ON income_expenditure_snapshots;
CREATE TRIGGER income_expenditure_snapshots_noted_insert AFTER INSERT ON income_expenditure_snapshots REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER income_expenditure_snapshots_noted_update AFTER UPDATE ON income_expenditure_snapshots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER income_expenditure_snapshots_noted_delete AFTER DELETE ON income_expenditure_snapshots REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER income_expenditure_snapshots_noted_truncate AFTER TRUNCATE ON income_expenditure_snapshots FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER ledger_transactions_noted ON ledger_transactions;
CREATE TRIGGER ledger_transactions_noted_insert AFTER INSERT ON ledger_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER ledger_transactions_noted_update AFTER UPDATE ON ledger_transactions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER ledger_transactions_noted_delete AFTER DELETE ON ledger_transactions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER ledger_transactions_noted_truncate AFTER TRUNCATE ON ledger_transactions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER letters_noted ON letters;
CREATE TRIGGER letters_noted_insert AFTER INSERT ON letters REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER letters_noted_update AFTER UPDATE ON letters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER letters_noted_delete AFTER DELETE ON letters REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER letters_noted_truncate AFTER TRUNCATE ON letters FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER open_follow_ups_noted ON open_follow_ups;
CREATE TRIGGER open_follow_ups_noted_insert AFTER INSERT ON open_follow_ups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER open_follow_ups_noted_update AFTER UPDATE ON open_follow_ups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER open_follow_ups_noted_delete AFTER DELETE ON open_follow_ups REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER open_follow_ups_noted_truncate AFTER TRUNCATE ON open_follow_ups FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER rent_change_items_noted ON rent_change_items;
CREATE TRIGGER rent_change_items_noted_insert AFTER INSERT ON rent_change_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER rent_change_items_noted_update AFTER UPDATE ON rent_change_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER rent_change_items_noted_delete AFTER DELETE ON rent_change_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER rent_change_items_noted_truncate AFTER TRUNCATE ON rent_change_items FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER rent_free_weeks_noted ON rent_free_weeks;
CREATE TRIGGER rent_free_weeks_noted_insert AFTER INSERT ON rent_free_weeks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER rent_free_weeks_noted_update AFTER UPDATE ON rent_free_weeks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER rent_free_weeks_noted_delete AFTER DELETE ON rent_free_weeks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER rent_free_weeks_noted_truncate AFTER TRUNCATE ON rent_free_weeks FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER tasks_noted ON tasks;
CREATE TRIGGER tasks_noted_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER tasks_noted_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER tasks_noted_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id');
CREATE TRIGGER tasks_noted_truncate AFTER TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

DROP TRIGGER tenants_noted ON tenants;
CREATE TRIGGER tenants_noted_insert AFTER INSERT ON tenants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER tenants_noted_update AFTER UPDATE ON tenants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER tenants_noted_delete AFTER DELETE ON tenants REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy();
CREATE TRIGGER tenants_noted_truncate AFTER TRUNCATE ON tenants FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
