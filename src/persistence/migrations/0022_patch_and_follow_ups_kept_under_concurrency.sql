-- 0022: a task's patch (0020) and the open follow-ups (0021) stay equal to their definitions when writers run
-- side by side, and whatever order a case's events arrive in.
--
-- 1. Locks. A trigger reading a tenancy's patch with a plain snapshot could store the old patch while another
--    transaction moved the tenancy and had not committed; and that move's own trigger could not see a task or
--    follow-up written meanwhile and not yet committed (a foreign key check's lock does not stop a change of patch).
--    So a new task, and a statement recording follow-ups, first take their tenancies FOR SHARE: they wait for a
--    move in progress and read the patch it committed, and a move waits for them, then carries what they wrote.
--    A task whose tenancy and patch a statement leaves alone (closing it) reads no tenancy and takes no lock.
-- 2. Order. A follow-up is open unless a done event of its tenancy names it, whenever that event was recorded: a
--    case file imported with its history can bring a done event naming the id a later follow-up is given.
-- 3. What the derived rows rest on cannot change: a follow-up's or done event's type, tenancy, due date or
--    followUpId, nor can either be deleted; and no event becomes one of them by an update.
-- 4. The derived rows are made again from their definitions under a lock that keeps writers out, in case one
--    committed while 0020 or 0021 were applied (their rows were filled in before their triggers existed).
-- 5. The index on follow-ups by due date has had no reader since 0021.
LOCK TABLE tenancies, tasks, case_events, open_follow_ups IN SHARE ROW EXCLUSIVE MODE;

CREATE OR REPLACE FUNCTION tasks_take_tenancy_patch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.tenancy_id IS DISTINCT FROM OLD.tenancy_id OR NEW.patch_id IS DISTINCT FROM OLD.patch_id THEN
    -- NULL when the tenancy has no patch (or does not exist: the foreign key then refuses the row).
    NEW.patch_id := (SELECT t.patch_id FROM tenancies t WHERE t.id = NEW.tenancy_id FOR SHARE);
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION open_follow_ups_after_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM tenancies t WHERE t.id IN (SELECT n.tenancy_id FROM new_events n WHERE n.type = 'follow_up') ORDER BY t.id FOR SHARE;
  INSERT INTO open_follow_ups (event_id, tenancy_id, patch_id, due_date)
  SELECT n.id, n.tenancy_id, t.patch_id, n.details ->> 'dueDate'
  FROM new_events n JOIN tenancies t ON t.id = n.tenancy_id
  WHERE n.type = 'follow_up' AND n.details ->> 'dueDate' IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM case_events d WHERE d.tenancy_id = n.tenancy_id AND d.type = 'follow_up_done' AND (d.details ->> 'followUpId') = n.id::text);
  DELETE FROM open_follow_ups o USING new_events d
  WHERE d.type = 'follow_up_done' AND o.tenancy_id = d.tenancy_id AND o.event_id::text = (d.details ->> 'followUpId');
  RETURN NULL;
END $$;

CREATE FUNCTION case_events_keep_follow_up_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.type IN ('follow_up', 'follow_up_done') THEN
      RAISE EXCEPTION 'case_events: a % event is kept (open_follow_ups rests on it)', OLD.type USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF (OLD.type IN ('follow_up', 'follow_up_done') OR NEW.type IN ('follow_up', 'follow_up_done'))
     AND (NEW.type IS DISTINCT FROM OLD.type OR NEW.tenancy_id IS DISTINCT FROM OLD.tenancy_id
          OR (NEW.details ->> 'dueDate') IS DISTINCT FROM (OLD.details ->> 'dueDate')
          OR (NEW.details ->> 'followUpId') IS DISTINCT FROM (OLD.details ->> 'followUpId')) THEN
    RAISE EXCEPTION 'case_events: the type, tenancy, due date or followUpId of a follow-up or its done event cannot change (open_follow_ups rests on them)'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER case_events_keep_follow_up_facts BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_keep_follow_up_facts();

UPDATE tasks k SET patch_id = t.patch_id FROM tenancies t WHERE t.id = k.tenancy_id AND k.patch_id IS DISTINCT FROM t.patch_id;

DELETE FROM open_follow_ups;
INSERT INTO open_follow_ups (event_id, tenancy_id, patch_id, due_date)
SELECT e.id, e.tenancy_id, t.patch_id, e.details ->> 'dueDate'
FROM case_events e JOIN tenancies t ON t.id = e.tenancy_id
WHERE e.type = 'follow_up' AND e.details ->> 'dueDate' IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM case_events d WHERE d.tenancy_id = e.tenancy_id AND d.type = 'follow_up_done' AND (d.details ->> 'followUpId') = e.id::text);

DROP INDEX case_events_follow_up_due_idx;
