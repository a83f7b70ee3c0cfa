-- 0027: a stored assessment becomes its tenancy's current one only when its case data was read after the current
-- one was written. A daily run reads a batch, assesses it in Node and stores it a few seconds later; a payment
-- re-assessed in between (another transaction) was replaced by the run's result, which had not seen the payment.
-- Each current assessment now records the transaction that wrote it (writer_xid) and the snapshot its case data
-- was read in (read_snapshot, taken by the first statement of the read: pg_current_snapshot()). A new result
-- replaces it only when that writer is visible in the new result's snapshot, so everything the writer had read
-- was committed before the new result's read began; otherwise the writer of the new result reads and assesses
-- the account again (src/persistence/stores/assessment-store.ts, src/application/assessment/assess-tenancies.ts;
-- ADR 0012). Rows written before this migration have neither and are replaced as before.
ALTER TABLE current_assessments ADD COLUMN writer_xid xid8, ADD COLUMN read_snapshot pg_snapshot;
