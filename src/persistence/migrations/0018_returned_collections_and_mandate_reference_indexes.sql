-- 0018: two lookups that read a whole table.
-- Every daily run (and every bacs-arudd import) looks for the ARUDD reversals not yet handled
-- (handleReturnedCollections): with no index on them it scanned the whole ledger, 1.8 s of each run at
-- 100,000 tenancies (35 million rows). The partial index holds only those reversals.
CREATE INDEX ledger_transactions_arudd_reversals_idx ON ledger_transactions (id) WHERE kind = 'reversal' AND reason LIKE 'ARUDD %';
-- A cancellation file (ADDACS) finds each row's mandate by its reference in any case (upper(reference)),
-- which the unique index on the reference as written cannot serve: one scan of the mandates per row.
CREATE INDEX dd_mandates_upper_reference_idx ON dd_mandates (upper(reference));
