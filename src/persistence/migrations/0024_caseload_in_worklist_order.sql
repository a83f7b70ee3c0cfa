-- 0024: the whole landlord's caseload in the worklist's order, for a page of it (a manager's, a senior officer's)
-- read from the top rather than every case sorted (`queryWorklistPage`). A patch's cases already have theirs
-- (current_assessments_worklist_idx, on the patch first). The action is carried in the index, so that the
-- counts by action read the caseload's entries alone, not those of every account.
CREATE INDEX current_assessments_caseload_order_idx ON current_assessments (priority DESC, real_arrears_pence DESC) INCLUDE (action) WHERE action <> 'none';
