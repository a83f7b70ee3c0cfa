-- 0012: per-account derived state, kept in step with the ledger in the same transaction.
--
-- For each tenancy, over the rent-account sub-accounts (rent, service_charge, court_costs,
-- former_tenant_arrears — the transactions of its case file): the balance, the sums the assessment
-- engine's prefix sums need (charges, court costs, credits = the negative amounts, positive reversals),
-- the number of transactions, and the latest transaction date at the end of which the balance was zero or
-- in credit (`last_clear_date`). With them the daily run reads only the recent part of each account's
-- history: everything older is summed into a few opening entries (src/domain/case-file/compact-history.ts).
--
-- An AFTER INSERT statement trigger on ledger_transactions keeps the state (the ledger is append-only,
-- so inserts are the only change). `rentwise rebuild` recomputes it from the ledger and reports any
-- difference; a test posts random histories (back-dated, reversals, other sub-accounts) and checks the two
-- always agree.
CREATE TABLE account_state (
  tenancy_id               integer PRIMARY KEY REFERENCES tenancies (id),
  balance_pence            bigint NOT NULL,
  charge_pence             bigint NOT NULL,
  court_costs_pence        bigint NOT NULL,
  credit_pence             bigint NOT NULL,
  positive_reversal_pence  bigint NOT NULL,
  transaction_count        bigint NOT NULL,
  last_clear_date          date
);

-- Recomputes the state of the given tenancies (all when NULL) from the ledger.
CREATE FUNCTION rebuild_account_state(ids integer[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  DELETE FROM account_state WHERE ids IS NULL OR tenancy_id = ANY (ids);
  WITH rows AS (
    SELECT tenancy_id, business_date, kind, amount_pence FROM ledger_transactions
    WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
      AND (ids IS NULL OR tenancy_id = ANY (ids))
  ), days AS (
    SELECT tenancy_id, business_date, sum(amount_pence) AS day_sum FROM rows GROUP BY tenancy_id, business_date
  ), running AS (
    SELECT tenancy_id, business_date, sum(day_sum) OVER (PARTITION BY tenancy_id ORDER BY business_date) AS balance FROM days
  ), clear AS (
    SELECT tenancy_id, max(business_date) FILTER (WHERE balance <= 0) AS last_clear_date FROM running GROUP BY tenancy_id
  ), totals AS (
    SELECT tenancy_id, sum(amount_pence) AS balance_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'charge'), 0) AS charge_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'court_costs'), 0) AS court_costs_pence,
           coalesce(sum(amount_pence) FILTER (WHERE amount_pence < 0), 0) AS credit_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'reversal' AND amount_pence > 0), 0) AS positive_reversal_pence,
           count(*) AS transaction_count
    FROM rows GROUP BY tenancy_id
  )
  INSERT INTO account_state (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date)
  SELECT t.tenancy_id, t.balance_pence, t.charge_pence, t.court_costs_pence, t.credit_pence, t.positive_reversal_pence, t.transaction_count, c.last_clear_date
  FROM totals t JOIN clear c USING (tenancy_id);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END;
$$;

CREATE FUNCTION account_state_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  full_ids integer[];
  full_from date[];
  fresh_ids integer[];
BEGIN
  -- A bulk load into an empty ledger (the demo builder) defers the state to one rebuild at its end, in
  -- the same transaction: `SET LOCAL rentwise.account_state = 'deferred'` … `SELECT rebuild_account_state(NULL)`.
  IF coalesce(current_setting('rentwise.account_state', true), '') = 'deferred' THEN
    RETURN NULL;
  END IF;
  -- Accounts seen for the first time have no other rows: their days come from the new rows alone.
  SELECT coalesce(array_agg(DISTINCT n.tenancy_id), '{}') INTO fresh_ids FROM new_rows n
  WHERE n.sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
    AND NOT EXISTS (SELECT 1 FROM account_state s WHERE s.tenancy_id = n.tenancy_id);

  -- 1. The sums: add the new rows.
  INSERT INTO account_state AS s (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date)
  SELECT tenancy_id, sum(amount_pence),
         coalesce(sum(amount_pence) FILTER (WHERE kind = 'charge'), 0),
         coalesce(sum(amount_pence) FILTER (WHERE kind = 'court_costs'), 0),
         coalesce(sum(amount_pence) FILTER (WHERE amount_pence < 0), 0),
         coalesce(sum(amount_pence) FILTER (WHERE kind = 'reversal' AND amount_pence > 0), 0),
         count(*), NULL
  FROM new_rows WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
  GROUP BY tenancy_id
  ON CONFLICT (tenancy_id) DO UPDATE SET
    balance_pence = s.balance_pence + EXCLUDED.balance_pence,
    charge_pence = s.charge_pence + EXCLUDED.charge_pence,
    court_costs_pence = s.court_costs_pence + EXCLUDED.court_costs_pence,
    credit_pence = s.credit_pence + EXCLUDED.credit_pence,
    positive_reversal_pence = s.positive_reversal_pence + EXCLUDED.positive_reversal_pence,
    transaction_count = s.transaction_count + EXCLUDED.transaction_count;

  -- 2. The latest clear date: only the days from the earliest new date on can change. Walk them with the
  -- balance brought forward (the new total less the rows from that date); if none of them is clear and the
  -- old clear date was among them, look again in the older days (rare: a back-dated debit).
  WITH affected AS (
    SELECT tenancy_id, min(business_date) AS from_date FROM new_rows
    WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears') GROUP BY tenancy_id
  ), tail AS (
    -- Per account an index range scan from its earliest new date (never a scan of the whole ledger).
    SELECT a.tenancy_id, d.business_date, d.day_sum
    FROM affected a
    CROSS JOIN LATERAL (
      SELECT l.business_date, sum(l.amount_pence) AS day_sum FROM ledger_transactions l
      WHERE l.tenancy_id = a.tenancy_id AND l.business_date >= a.from_date
        AND l.sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
      GROUP BY l.business_date
    ) d
    WHERE NOT (a.tenancy_id = ANY (fresh_ids))
    UNION ALL
    SELECT n.tenancy_id, n.business_date, sum(n.amount_pence) AS day_sum FROM new_rows n
    WHERE n.sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears') AND n.tenancy_id = ANY (fresh_ids)
    GROUP BY n.tenancy_id, n.business_date
  ), running AS (
    SELECT t.tenancy_id, t.business_date,
           s.balance_pence - sum(t.day_sum) OVER (PARTITION BY t.tenancy_id) + sum(t.day_sum) OVER (PARTITION BY t.tenancy_id ORDER BY t.business_date) AS balance
    FROM tail t JOIN account_state s ON s.tenancy_id = t.tenancy_id
  ), latest AS (
    SELECT a.tenancy_id, a.from_date, max(r.business_date) FILTER (WHERE r.balance <= 0) AS clear_date, s0.last_clear_date AS old_clear_date
    FROM affected a JOIN account_state s0 ON s0.tenancy_id = a.tenancy_id LEFT JOIN running r ON r.tenancy_id = a.tenancy_id
    GROUP BY a.tenancy_id, a.from_date, s0.last_clear_date
  ), updated AS (
    UPDATE account_state s
    SET last_clear_date = CASE WHEN l.clear_date IS NOT NULL THEN l.clear_date
                               WHEN l.old_clear_date < l.from_date THEN l.old_clear_date
                               ELSE NULL END
    FROM latest l WHERE s.tenancy_id = l.tenancy_id
    RETURNING s.tenancy_id, l.from_date, (l.clear_date IS NULL AND l.old_clear_date >= l.from_date) AS look_back
  )
  SELECT array_agg(tenancy_id), array_agg(from_date) INTO full_ids, full_from FROM updated WHERE look_back;

  IF full_ids IS NOT NULL THEN
    UPDATE account_state s SET last_clear_date = x.clear_date
    FROM (
      SELECT f.tenancy_id, max(r.business_date) FILTER (WHERE r.balance <= 0) AS clear_date
      FROM unnest(full_ids, full_from) AS f (tenancy_id, from_date)
      LEFT JOIN LATERAL (
        SELECT d.business_date, sum(d.day_sum) OVER (ORDER BY d.business_date) AS balance
        FROM (
          SELECT l.business_date, sum(l.amount_pence) AS day_sum FROM ledger_transactions l
          WHERE l.tenancy_id = f.tenancy_id AND l.business_date < f.from_date
            AND l.sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
          GROUP BY l.business_date
        ) d
      ) r ON true
      GROUP BY f.tenancy_id
    ) x
    WHERE s.tenancy_id = x.tenancy_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER ledger_transactions_account_state
  AFTER INSERT ON ledger_transactions
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION account_state_after_insert();

SELECT rebuild_account_state(NULL);

-- The latest payment and benefit credits before a day, per tenancy, without walking the whole history
-- (the daily run keeps these when it sums older history away).
CREATE INDEX ledger_transactions_payment_credits_idx ON ledger_transactions (tenancy_id, business_date, id) WHERE kind = 'payment' AND amount_pence < 0;
CREATE INDEX ledger_transactions_benefit_credits_idx ON ledger_transactions (tenancy_id, method, business_date, id) WHERE kind = 'benefit' AND amount_pence < 0;
