-- 0003: what payment and tenancy imports need beyond 0001 (contracts/cli-and-files.md).

-- When an import finished (NULL: still running, or stopped part-way; its committed batches stand).
ALTER TABLE import_files ADD COLUMN completed_at timestamptz;

-- A rejected row is one open exception however often its file is imported: `fingerprint` identifies the
-- row's content (format + the values as read), and a second import of the same bad row adds no second
-- open exception. `mapped` holds the row mapped onto the generic-csv fields (date, reference, amount,
-- method, transaction_id, description) as far as it could be read, for `rentwise exceptions export`.
ALTER TABLE import_exceptions ADD COLUMN fingerprint text;
ALTER TABLE import_exceptions ADD COLUMN mapped jsonb;
CREATE INDEX import_exceptions_open_fingerprint_idx ON import_exceptions (fingerprint) WHERE status = 'open';

CREATE INDEX suspense_items_status_idx ON suspense_items (status, id);

COMMENT ON COLUMN payment_file_rows.amount_pence IS 'as written in the file: payments positive, returns negative (the ledger sign is the opposite)';
COMMENT ON COLUMN suspense_items.amount_pence IS 'as written in the file: payments positive, returns negative (the ledger sign is the opposite)';
