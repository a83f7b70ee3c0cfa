-- 0035: a rebuild of the kept per-account state holds postings off until it commits. It deleted every state row and
-- wrote each afresh from the ledger: a posting that came while it ran waited for the row it meant to lock, found it
-- deleted when the rebuild committed, and went on without the lock, so two postings to one account that both waited
-- each worked out the clear date without the other (two part payments that clear the account between them left the
-- old clear date). Now the rebuild first takes the state table in EXCLUSIVE mode: it waits for the postings under way
-- to commit, reads the ledger with them, and postings that come meanwhile wait for the whole table, then lock their
-- accounts' new rows as usual. Reads of the state (pages, the daily run) go on. The rebuild itself is 0029's, renamed
-- `rebuild_account_state_rows`; `rebuild_account_state` takes the lock and calls it.
-- src/persistence/account-state.db.test.ts interleaves a rebuild and two postings on PostgreSQL.
ALTER FUNCTION rebuild_account_state(integer[]) RENAME TO rebuild_account_state_rows;

CREATE FUNCTION rebuild_account_state(ids integer[]) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE account_state IN EXCLUSIVE MODE;
  RETURN rebuild_account_state_rows(ids);
END;
$$;
