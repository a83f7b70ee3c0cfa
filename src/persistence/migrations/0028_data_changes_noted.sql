-- 0028: every transaction that changes the landlord's data notes its id in data_changes, once, in the same
-- transaction. A page rendered after a snapshot of the database (pg_current_snapshot()) can then be served again
-- only while nothing it may show has changed: a change is a row visible now whose transaction the snapshot did not
-- see (src/persistence/stores/data-change-store.ts, the worklist's page cache in src/web/page-cache.ts; ADR 0014).
-- The note is written whatever writes the table (the application, a job, psql), so no writer can leave a page
-- stale. Not noted: the audit log and the web sessions (every page view writes them) and schema_migrations.
-- Each transaction has its own id, so writers never wait for one another here. Rows older than a week are pruned
-- by the daily run (pruneDataChanges).
CREATE TABLE data_changes (
  xid xid8 PRIMARY KEY,
  noted_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER account_state_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON account_state FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER approvals_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON approvals FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER arrangements_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON arrangements FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER assessment_traces_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_traces FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER assessments_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessments FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER benefit_claim_versions_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_claim_versions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER benefit_claims_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_claims FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER case_events_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER charge_positions_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON charge_positions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER charge_schedules_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON charge_schedules FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER current_assessments_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON current_assessments FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER dd_collection_failures_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dd_collection_failures FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER dd_mandate_events_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dd_mandate_events FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER dd_mandates_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dd_mandates FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER demo_runs_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demo_runs FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER dwp_request_exports_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dwp_request_exports FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER import_exceptions_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON import_exceptions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER import_files_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON import_files FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER income_expenditure_snapshots_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON income_expenditure_snapshots FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER job_runs_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON job_runs FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER ledger_transactions_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ledger_transactions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER letters_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON letters FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER open_follow_ups_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON open_follow_ups FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER patches_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON patches FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER payment_file_rows_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON payment_file_rows FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER policy_versions_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_versions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER properties_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON properties FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER rent_change_items_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rent_change_items FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER rent_free_weeks_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rent_free_weeks FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER suspense_items_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON suspense_items FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER tasks_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER tenancies_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tenancies FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER tenants_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tenants FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER users_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
