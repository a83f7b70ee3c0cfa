-- 0025: the landlord's open tasks in the order the worklist shows them (due date, then id), so that a manager's
-- worklist reads its ten most overdue from the top of this index. The index on (due_on, tenancy_id) gives the
-- due date's order only: with many tasks due on the same day, every one of them was read and sorted by id.
CREATE INDEX tasks_open_due_order_idx ON tasks (due_on, id) WHERE status = 'open';
