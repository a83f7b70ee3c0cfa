-- 0032: a transaction's note in data_changes (0028, 0031) also says which of the tables with tenancies it changed,
-- so that a kept page is rendered afresh only when a change was made to a table it reads (ADR 0014,
-- src/persistence/stores/data-change-store.ts). A payment posts to the ledger and its account's kept state; the
-- worklist reads neither, only the re-assessment that follows (the current assessment), so it is rendered once for
-- the two, not twice.
--
-- tables: the tables with a tenancy_id (0031's twenty, noted by tenancy) whose rows the transaction inserted,
-- updated or deleted. NULL with tenancy_ids: a change to anything, as before (any other table, a row with no
-- tenancy, more than 100 tenancies). NULL alone: noted before this migration, a change to any table.
ALTER TABLE data_changes ADD COLUMN tables text[];

-- Adds to this transaction's note: changed_tenancy_ids NULL (or holding NULL) makes it a change to anything;
-- changed_table is the table the tenancies' rows were changed in.
DROP FUNCTION note_data_change_of(integer[], integer[]);
CREATE FUNCTION note_data_change_of(changed_tenancy_ids integer[], changed_patch_ids integer[], changed_table text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  me constant xid8 := pg_current_xact_id();
  noted boolean;
  noted_tenancy_ids integer[];
  noted_patch_ids integer[];
  noted_tables text[];
  tenancy_ids_now integer[];
  patch_ids_now integer[];
  tables_now text[];
BEGIN
  SELECT d.tenancy_ids, d.patch_ids, d.tables INTO noted_tenancy_ids, noted_patch_ids, noted_tables FROM data_changes d WHERE d.xid = me;
  noted := FOUND;
  IF noted AND noted_tenancy_ids IS NULL THEN
    RETURN; -- already a change to anything
  END IF;
  IF changed_tenancy_ids IS NOT NULL AND array_position(changed_tenancy_ids, NULL) IS NULL AND changed_table IS NOT NULL THEN
    tenancy_ids_now := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(noted_tenancy_ids, '{}') || changed_tenancy_ids) AS x ORDER BY x);
    patch_ids_now := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(noted_patch_ids, '{}') || coalesce(changed_patch_ids, '{}')) AS x WHERE x IS NOT NULL ORDER BY x);
    tables_now := CASE WHEN changed_table = ANY (coalesce(noted_tables, '{}')) THEN noted_tables ELSE coalesce(noted_tables, '{}') || changed_table END;
    IF cardinality(tenancy_ids_now) > 100 THEN
      tenancy_ids_now := NULL;
      patch_ids_now := NULL;
      tables_now := NULL;
    END IF;
  END IF;
  IF NOT noted THEN
    INSERT INTO data_changes (xid, tenancy_ids, patch_ids, tables) VALUES (me, tenancy_ids_now, patch_ids_now, tables_now);
  ELSIF tenancy_ids_now IS NULL OR tenancy_ids_now <> noted_tenancy_ids OR patch_ids_now <> noted_patch_ids OR tables_now IS DISTINCT FROM noted_tables THEN
    UPDATE data_changes SET tenancy_ids = tenancy_ids_now, patch_ids = patch_ids_now, tables = tables_now WHERE xid = me;
  END IF;
END
$$;

-- The tables without a tenancy: a change to anything, as before.
CREATE OR REPLACE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM note_data_change_of(NULL, NULL, NULL);
  RETURN NULL;
END
$$;

-- The tables with a tenancy_id: the tenancies of the rows the statement changed (and, given 'patch_id', their
-- patches), and the table. A statement that changed no row notes nothing. The transition tables are new_rows and
-- old_rows.
CREATE OR REPLACE FUNCTION note_data_change_by_tenancy() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM note_data_change_of(changed_tenancy_ids, changed_patch_ids, TG_TABLE_NAME::text);
  END IF;
  RETURN NULL;
END
$$;
