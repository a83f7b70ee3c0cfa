-- 0021: the follow-ups not yet marked done, kept by the database, so that a worklist's follow-ups due read the
-- open ones of its patch. A follow-up is a case event (type follow_up, details.dueDate) and marking it done is
-- another (type follow_up_done, details.followUpId); both stay. The worklist found the open ones due by reading
-- every follow-up ever recorded with a due date up to the day, landlord-wide, and looking for its done event:
-- a cost that grows with every follow-up ever made, done or not (at a large landlord, tens of thousands a year).
--
-- open_follow_ups holds one row per open follow-up: its due date (the text of details.dueDate, compared and
-- ordered as the worklist always has), its tenancy and the tenancy's patch. The database keeps it:
-- - a statement trigger on case_events adds each follow-up recorded and removes each one marked done (the
--   same match as before: the done event's followUpId and tenancy);
-- - a tenancy moved to another patch carries its open follow-ups with it, as its tasks (0020).
-- `rentwise rebuild` need not recompute it: case events are only ever added (a later detail never changes
-- the type, tenancy or due date), and a test checks the table equals its definition after each change.
CREATE TABLE open_follow_ups (
  event_id    bigint PRIMARY KEY REFERENCES case_events (id),
  tenancy_id  integer NOT NULL REFERENCES tenancies (id),
  patch_id    integer,
  due_date    text NOT NULL
);

INSERT INTO open_follow_ups (event_id, tenancy_id, patch_id, due_date)
SELECT e.id, e.tenancy_id, t.patch_id, e.details ->> 'dueDate'
FROM case_events e JOIN tenancies t ON t.id = e.tenancy_id
WHERE e.type = 'follow_up' AND e.details ->> 'dueDate' IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM case_events d WHERE d.tenancy_id = e.tenancy_id AND d.type = 'follow_up_done' AND (d.details ->> 'followUpId') = e.id::text);

CREATE INDEX open_follow_ups_patch_due_idx ON open_follow_ups (patch_id, due_date, event_id);
CREATE INDEX open_follow_ups_due_idx ON open_follow_ups (due_date, event_id);

CREATE FUNCTION open_follow_ups_after_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_follow_ups (event_id, tenancy_id, patch_id, due_date)
  SELECT n.id, n.tenancy_id, t.patch_id, n.details ->> 'dueDate'
  FROM new_events n JOIN tenancies t ON t.id = n.tenancy_id
  WHERE n.type = 'follow_up' AND n.details ->> 'dueDate' IS NOT NULL;
  DELETE FROM open_follow_ups o USING new_events d
  WHERE d.type = 'follow_up_done' AND o.tenancy_id = d.tenancy_id AND o.event_id::text = (d.details ->> 'followUpId');
  RETURN NULL;
END $$;

CREATE TRIGGER case_events_open_follow_ups AFTER INSERT ON case_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION open_follow_ups_after_events();

CREATE FUNCTION tenancy_patch_to_open_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE open_follow_ups SET patch_id = NEW.patch_id WHERE tenancy_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER tenancy_patch_to_open_follow_ups AFTER UPDATE OF patch_id ON tenancies
  FOR EACH ROW WHEN (OLD.patch_id IS DISTINCT FROM NEW.patch_id) EXECUTE FUNCTION tenancy_patch_to_open_follow_ups();
