-- 0033: a transaction's note in data_changes (0028, 0031, 0032) also says which of its tenancies' current
-- assessments had or now have an action, so that a kept worklist is rendered afresh only when a change may show in
-- its cases (ADR 0014, src/persistence/stores/data-change-store.ts). Three accounts in four have no action: a payment
-- on one of them is re-assessed to no action again, which no worklist shows, yet it staled the worklists of its
-- patch and of every patch.
--
-- case_tenancy_ids: the tenancies of the current_assessments rows the transaction inserted, updated or deleted
-- whose action, before or after, was not 'none' (a case on a worklist), merged over the transaction like its
-- tenancies. NULL with tenancy_ids: a change to anything, as before. NULL alone: noted before this migration, when
-- any of its tenancies' cases may have changed.
ALTER TABLE data_changes ADD COLUMN case_tenancy_ids integer[];

-- A worklist reads a tenancy's other rows only when it is one of its cases or has an open follow-up or task; the
-- check of a kept worklist looks up the note's tenancies' open follow-ups by tenancy.
CREATE INDEX open_follow_ups_tenancy_idx ON open_follow_ups (tenancy_id);

-- Whether a note of changes to tenancies' rows may show on a page that reads a tenancy's rows only for its cases,
-- follow-ups and tasks (a worklist; dataChangedSince's casesOnly): it changed a case (or was noted before this
-- migration), a follow-up or a task, or names a tenancy that is a case now or has an open follow-up or task. A
-- function, not more subqueries in that statement: its plan is then kept on each connection (a generic plan), where
-- with them PostgreSQL planned the statement afresh at every check, about 0.25 ms each time.
CREATE FUNCTION data_change_may_show_in_cases(tenancy_ids integer[], tables text[], case_tenancy_ids integer[]) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN case_tenancy_ids IS NULL OR cardinality(case_tenancy_ids) > 0
      OR tables IS NULL OR tables && ARRAY['open_follow_ups', 'tasks']::text[]
      OR EXISTS (SELECT 1 FROM current_assessments c WHERE c.tenancy_id = ANY (tenancy_ids) AND c.action <> 'none')
      OR EXISTS (SELECT 1 FROM open_follow_ups o WHERE o.tenancy_id = ANY (tenancy_ids))
      OR EXISTS (SELECT 1 FROM tasks k WHERE k.tenancy_id = ANY (tenancy_ids) AND k.status = 'open');
END
$$;

-- Adds to this transaction's note: changed_tenancy_ids NULL (or holding NULL) makes it a change to anything;
-- changed_table is the table the tenancies' rows were changed in; changed_case_ids those of them whose current
-- assessment had or has an action.
DROP FUNCTION note_data_change_of(integer[], integer[], text);
CREATE FUNCTION note_data_change_of(changed_tenancy_ids integer[], changed_patch_ids integer[], changed_table text, changed_case_ids integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  me constant xid8 := pg_current_xact_id();
  noted boolean;
  noted_tenancy_ids integer[];
  noted_patch_ids integer[];
  noted_tables text[];
  noted_case_ids integer[];
  tenancy_ids_now integer[];
  patch_ids_now integer[];
  tables_now text[];
  case_ids_now integer[];
BEGIN
  SELECT d.tenancy_ids, d.patch_ids, d.tables, d.case_tenancy_ids INTO noted_tenancy_ids, noted_patch_ids, noted_tables, noted_case_ids
    FROM data_changes d WHERE d.xid = me;
  noted := FOUND;
  IF noted AND noted_tenancy_ids IS NULL THEN
    RETURN; -- already a change to anything
  END IF;
  IF changed_tenancy_ids IS NOT NULL AND array_position(changed_tenancy_ids, NULL) IS NULL AND changed_table IS NOT NULL THEN
    tenancy_ids_now := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(noted_tenancy_ids, '{}') || changed_tenancy_ids) AS x ORDER BY x);
    patch_ids_now := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(noted_patch_ids, '{}') || coalesce(changed_patch_ids, '{}')) AS x WHERE x IS NOT NULL ORDER BY x);
    tables_now := CASE WHEN changed_table = ANY (coalesce(noted_tables, '{}')) THEN noted_tables ELSE coalesce(noted_tables, '{}') || changed_table END;
    case_ids_now := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(noted_case_ids, '{}') || coalesce(changed_case_ids, '{}')) AS x WHERE x IS NOT NULL ORDER BY x);
    IF cardinality(tenancy_ids_now) > 100 THEN
      tenancy_ids_now := NULL;
      patch_ids_now := NULL;
      tables_now := NULL;
      case_ids_now := NULL;
    END IF;
  END IF;
  IF NOT noted THEN
    INSERT INTO data_changes (xid, tenancy_ids, patch_ids, tables, case_tenancy_ids) VALUES (me, tenancy_ids_now, patch_ids_now, tables_now, case_ids_now);
  ELSIF tenancy_ids_now IS NULL OR tenancy_ids_now <> noted_tenancy_ids OR patch_ids_now <> noted_patch_ids OR tables_now IS DISTINCT FROM noted_tables
        OR case_ids_now IS DISTINCT FROM noted_case_ids THEN
    UPDATE data_changes SET tenancy_ids = tenancy_ids_now, patch_ids = patch_ids_now, tables = tables_now, case_tenancy_ids = case_ids_now WHERE xid = me;
  END IF;
END
$$;

-- The tables without a tenancy: a change to anything, as before.
CREATE OR REPLACE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM note_data_change_of(NULL, NULL, NULL, NULL);
  RETURN NULL;
END
$$;

-- The tables with a tenancy_id: the tenancies of the rows the statement changed (and, given 'patch_id', their
-- patches; given 'cases' as well, those whose row's action, before or after, is not 'none'), and the table. A
-- statement that changed no row notes nothing. The transition tables are new_rows and old_rows.
CREATE OR REPLACE FUNCTION note_data_change_by_tenancy() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  with_patch constant boolean := TG_NARGS > 0 AND TG_ARGV[0] = 'patch_id';
  with_cases constant boolean := TG_NARGS > 1 AND TG_ARGV[1] = 'cases';
  changed_tenancy_ids integer[];
  changed_patch_ids integer[];
  changed_case_ids integer[];
BEGIN
  IF EXISTS (SELECT 1 FROM data_changes d WHERE d.xid = pg_current_xact_id() AND d.tenancy_ids IS NULL) THEN
    RETURN NULL; -- already a change to anything: nothing to add
  END IF;
  IF TG_OP = 'INSERT' AND with_cases THEN
    SELECT array_agg(tenancy_id), array_agg(patch_id), array_agg(tenancy_id) FILTER (WHERE action <> 'none')
      INTO changed_tenancy_ids, changed_patch_ids, changed_case_ids FROM new_rows;
  ELSIF TG_OP = 'INSERT' AND with_patch THEN
    SELECT array_agg(tenancy_id), array_agg(patch_id) INTO changed_tenancy_ids, changed_patch_ids FROM new_rows;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(tenancy_id) INTO changed_tenancy_ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' AND with_cases THEN
    SELECT array_agg(r.tenancy_id), array_agg(r.patch_id), array_agg(r.tenancy_id) FILTER (WHERE r.action <> 'none')
      INTO changed_tenancy_ids, changed_patch_ids, changed_case_ids
      FROM (SELECT tenancy_id, patch_id, action FROM old_rows UNION ALL SELECT tenancy_id, patch_id, action FROM new_rows) AS r;
  ELSIF TG_OP = 'UPDATE' AND with_patch THEN
    SELECT array_agg(r.tenancy_id), array_agg(r.patch_id) INTO changed_tenancy_ids, changed_patch_ids
      FROM (SELECT tenancy_id, patch_id FROM old_rows UNION ALL SELECT tenancy_id, patch_id FROM new_rows) AS r;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.tenancy_id) INTO changed_tenancy_ids FROM (SELECT tenancy_id FROM old_rows UNION ALL SELECT tenancy_id FROM new_rows) AS r;
  ELSIF with_cases THEN
    SELECT array_agg(tenancy_id), array_agg(patch_id), array_agg(tenancy_id) FILTER (WHERE action <> 'none')
      INTO changed_tenancy_ids, changed_patch_ids, changed_case_ids FROM old_rows;
  ELSIF with_patch THEN
    SELECT array_agg(tenancy_id), array_agg(patch_id) INTO changed_tenancy_ids, changed_patch_ids FROM old_rows;
  ELSE
    SELECT array_agg(tenancy_id) INTO changed_tenancy_ids FROM old_rows;
  END IF;
  IF changed_tenancy_ids IS NOT NULL THEN
    PERFORM note_data_change_of(changed_tenancy_ids, changed_patch_ids, TG_TABLE_NAME::text, changed_case_ids);
  END IF;
  RETURN NULL;
END
$$;

-- The current assessments note their cases.
DROP TRIGGER current_assessments_noted_insert ON current_assessments;
DROP TRIGGER current_assessments_noted_update ON current_assessments;
DROP TRIGGER current_assessments_noted_delete ON current_assessments;
CREATE TRIGGER current_assessments_noted_insert AFTER INSERT ON current_assessments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id', 'cases');
CREATE TRIGGER current_assessments_noted_update AFTER UPDATE ON current_assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id', 'cases');
CREATE TRIGGER current_assessments_noted_delete AFTER DELETE ON current_assessments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_by_tenancy('patch_id', 'cases');
