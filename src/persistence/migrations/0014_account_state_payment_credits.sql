-- 0014: the kept per-account state also counts the payment credits (negative `payment` transactions) of
-- the rent account. When the daily run sums an account's older history into opening entries
-- (src/domain/case-file/compact-history.ts), the rule trace still reports the whole history's counts (the
-- transactions counted, the payment credits so far): the stored trace is then the same as `assess --trace`
-- on the exported case file, figure for figure, not only the result.
ALTER TABLE account_state ADD COLUMN payment_credit_count bigint NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION rebuild_account_state(ids integer[]) RETURNS integer LANGUAGE plpgsql AS $$
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
           count(*) AS transaction_count,
           count(*) FILTER (WHERE kind = 'payment' AND amount_pence < 0) AS payment_credit_count
    FROM rows GROUP BY tenancy_id
  )
  INSERT INTO account_state (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date, payment_credit_count)
  SELECT t.tenancy_id, t.balance_pence, t.charge_pence, t.court_costs_pence, t.credit_pence, t.positive_reversal_pence, t.transaction_count, c.last_clear_date, t.payment_credit_count
  FROM totals t JOIN clear c USING (tenancy_id);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END;
$$;

CREATE OR REPLACE FUNCTION account_state_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
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
  INSERT INTO account_state AS s (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date, payment_credit_count)
  SELECT tenancy_id, sum(amount_pence),
         coalesce(sum(amount_pence) FILTER (WHERE kind = 'charge'), 0),
         coalesce(sum(amount_pence) FILTER (WHERE kind = 'court_costs'), 0),
         coalesce(sum(amount_pence) FILTER (WHERE amount_pence < 0), 0),
         coalesce(sum(amount_pence) FILTER (WHERE kind = 'reversal' AND amount_pence > 0), 0),
         count(*), NULL,
         count(*) FILTER (WHERE kind = 'payment' AND amount_pence < 0)
  FROM new_rows WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
  GROUP BY tenancy_id
  ON CONFLICT (tenancy_id) DO UPDATE SET
    balance_pence = s.balance_pence + EXCLUDED.balance_pence,
    charge_pence = s.charge_pence + EXCLUDED.charge_pence,
    court_costs_pence = s.court_costs_pence + EXCLUDED.court_costs_pence,
    credit_pence = s.credit_pence + EXCLUDED.credit_pence,
    positive_reversal_pence = s.positive_reversal_pence + EXCLUDED.positive_reversal_pence,
    transaction_count = s.transaction_count + EXCLUDED.transaction_count,
    payment_credit_count = s.payment_credit_count + EXCLUDED.payment_credit_count;

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

SELECT rebuild_account_state(NULL);
