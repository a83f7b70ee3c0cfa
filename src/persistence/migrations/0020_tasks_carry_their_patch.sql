-- 0020: a task carries its tenancy's patch, so that an officer's tasks due are found among the patch's own
-- open tasks. They were found by reading every open task of the landlord due by the day and keeping those
-- whose tenancy is on the patch (a seq scan of the open tasks and a hash of the patch's tenancies, ~2.3 ms a
-- worklist at 100,000 homes with 7,213 open tasks, growing with the landlord, not the patch).
--
-- The column is the database's to keep, never the caller's: a row trigger sets it from the tenancy whenever
-- a task is written (whatever patch_id a statement gives is replaced), and a change of a tenancy's patch is
-- carried to its tasks in the same statement. So it always equals the tenancy's patch (tested).
ALTER TABLE tasks ADD COLUMN patch_id integer;

UPDATE tasks k SET patch_id = t.patch_id FROM tenancies t WHERE t.id = k.tenancy_id;

CREATE FUNCTION tasks_take_tenancy_patch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.patch_id := (SELECT t.patch_id FROM tenancies t WHERE t.id = NEW.tenancy_id);
  RETURN NEW;
END $$;

CREATE TRIGGER tasks_take_tenancy_patch BEFORE INSERT OR UPDATE ON tasks
  FOR EACH ROW EXECUTE FUNCTION tasks_take_tenancy_patch();

CREATE FUNCTION tenancy_patch_to_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tasks SET patch_id = NEW.patch_id WHERE tenancy_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER tenancy_patch_to_tasks AFTER UPDATE OF patch_id ON tenancies
  FOR EACH ROW WHEN (OLD.patch_id IS DISTINCT FROM NEW.patch_id) EXECUTE FUNCTION tenancy_patch_to_tasks();

-- A patch's open tasks in the order the lists show them (oldest due first).
CREATE INDEX tasks_open_patch_due_idx ON tasks (patch_id, due_on, id) WHERE status = 'open';
