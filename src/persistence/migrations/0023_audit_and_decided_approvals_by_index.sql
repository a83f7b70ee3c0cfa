-- 0023: the audit log's search and the managers' recently decided approvals read what their page shows, not the
-- whole history.
--
-- The audit log gains a row for every read of a tenant's personal data, so a landlord's log grows by millions of
-- rows a year. Its search (`searchAudit`) now pages by key (the entries older or newer than the last one shown)
-- and counts at most a bounded number of matches; searching by what was done (read, update, sign-in failed…)
-- had no index and read the whole log for the count and, for a rare kind, most of it for the page.
CREATE INDEX audit_log_action_idx ON audit_log (action, at);

-- The approvals page lists the latest decisions: every decision ever made was joined and sorted for each view.
CREATE INDEX approvals_decided_idx ON approvals (decided_at, id) WHERE status <> 'pending';
