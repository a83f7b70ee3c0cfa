-- 0030: each tenancy's flag and legal-stage events by key (`flagEventsOf`: the worklist's page of cases, the
-- account page), without reading the rest of its history. With the index of every event by tenancy, a page of
-- fifty arrears cases read every action, contact and Pre-Action step of each (most of an arrears case's events,
-- more every year) to find the few flags among them. The types are FLAG_EVENT_TYPES
-- (src/application/caseload/case-flags.ts); a test holds the two lists equal.
CREATE INDEX case_events_flags_idx ON case_events (tenancy_id, event_date, id)
  WHERE type IN ('vulnerability', 'vulnerability_review', 'breathing_space', 'dispute', 'notice_served', 'claim_issued', 'court_order',
                 'warrant_requested', 'eviction_scheduled', 'eviction_cancelled');
