-- 0029: the kept per-account state also holds the date of the account's latest transaction (`last_business_date`,
-- over the rent account's sub-accounts, as the rest of the state). After a posting the trigger works out each
-- account's clear date; it read the account's ledger rows from the earliest new row's date on, an index probe and
-- a window for every account posted to (about 7 µs of the database's CPU a row of a payment file, a sixth of the
-- posting). An account's new rows of one date, on or after its latest earlier transaction, as most postings are
-- (the day's payments, the week's charges), cannot change the balance at the end of any earlier day: that date is
-- clear if the new balance is zero or less, and otherwise the clear date stays where it was. Rows of several dates,
-- or back-dated, read the ledger as before. Otherwise the same function as 0026 (the accounts' locks first, in
-- tenancy order). The rebuild computes the new column too; src/persistence/account-state.db.test.ts checks every
-- column against the ledger after random postings, forward and back-dated.
ALTER TABLE account_state ADD COLUMN last_business_date date;

UPDATE account_state s SET last_business_date = (
  SELECT max(l.business_date) FROM ledger_transactions l
  WHERE l.tenancy_id = s.tenancy_id AND l.sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
);

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
           count(*) FILTER (WHERE kind = 'payment' AND amount_pence < 0) AS payment_credit_count,
           max(business_date) AS last_business_date
    FROM rows GROUP BY tenancy_id
  )
  INSERT INTO account_state (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date, payment_credit_count, last_business_date)
  SELECT t.tenancy_id, t.balance_pence, t.charge_pence, t.court_costs_pence, t.credit_pence, t.positive_reversal_pence, t.transaction_count, c.last_clear_date, t.payment_credit_count, t.last_business_date
  FROM totals t JOIN clear c USING (tenancy_id);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END;
$$;

CREATE OR REPLACE FUNCTION account_state_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  full_ids integer[];
  full_from date[];
BEGIN
  -- A bulk load into an empty ledger (the demo builder) defers the state to one rebuild at its end, in
  -- the same transaction: `SET LOCAL rentwise.account_state = 'deferred'` … `SELECT rebuild_account_state(NULL)`.
  IF coalesce(current_setting('rentwise.account_state', true), '') = 'deferred' THEN
    RETURN NULL;
  END IF;

  -- Take the accounts first, in tenancy order: a state row for each account posted to for the first time
  -- (ON CONFLICT waits for a first posting in another transaction not yet committed), then every one FOR
  -- UPDATE. A posting to one of them in another transaction not yet committed is waited for, and the
  -- statement below, which starts after the locks are held, reads its rows and its state. Without the locks it
  -- worked out the clear date without them and wrote it over theirs. One order for every writer: two
  -- statements of many accounts never wait for each other in a circle.
  INSERT INTO account_state (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date, payment_credit_count)
  SELECT n.tenancy_id, 0, 0, 0, 0, 0, 0, NULL, 0
  FROM (SELECT DISTINCT tenancy_id FROM new_rows WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')) n
  WHERE NOT EXISTS (SELECT 1 FROM account_state s WHERE s.tenancy_id = n.tenancy_id)
  ORDER BY n.tenancy_id
  ON CONFLICT (tenancy_id) DO NOTHING;
  PERFORM 1 FROM account_state s
  WHERE s.tenancy_id IN (SELECT tenancy_id FROM new_rows WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears'))
  ORDER BY s.tenancy_id FOR UPDATE;

  WITH added AS (
    SELECT tenancy_id, min(business_date) AS from_date, max(business_date) AS to_date, sum(amount_pence) AS balance_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'charge'), 0) AS charge_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'court_costs'), 0) AS court_costs_pence,
           coalesce(sum(amount_pence) FILTER (WHERE amount_pence < 0), 0) AS credit_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'reversal' AND amount_pence > 0), 0) AS positive_reversal_pence,
           count(*) AS transaction_count,
           count(*) FILTER (WHERE kind = 'payment' AND amount_pence < 0) AS payment_credit_count
    FROM new_rows WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
    GROUP BY tenancy_id
  ), worked AS (
    -- New rows of one date on or after the account's latest earlier transaction change no earlier day's balance:
    -- that date is clear if the new total is zero or less, and no later day has any rows. Otherwise the balance at
    -- the end of each day from from_date is the new total less the ledger's rows from that date on, plus the
    -- running sum of those rows to the day.
    SELECT a.*, coalesce(s.balance_pence, 0) + a.balance_pence AS new_balance_pence, s.last_clear_date AS old_clear_date,
           CASE WHEN a.from_date = a.to_date AND (s.last_business_date IS NULL OR a.from_date >= s.last_business_date)
             THEN CASE WHEN coalesce(s.balance_pence, 0) + a.balance_pence <= 0 THEN a.from_date END
             ELSE (SELECT max(d.business_date) FILTER (WHERE coalesce(s.balance_pence, 0) + a.balance_pence - d.tail_pence + d.running_pence <= 0)
                FROM (
                  SELECT g.business_date, sum(g.day_sum) OVER (ORDER BY g.business_date) AS running_pence, sum(g.day_sum) OVER () AS tail_pence
                  FROM (
                    SELECT l.business_date, sum(l.amount_pence) AS day_sum FROM ledger_transactions l
                    WHERE l.tenancy_id = a.tenancy_id AND l.business_date >= a.from_date
                      AND l.sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
                    GROUP BY l.business_date
                  ) g
                ) d)
           END AS clear_date
    FROM added a LEFT JOIN account_state s ON s.tenancy_id = a.tenancy_id
  ), written AS (
    INSERT INTO account_state AS s (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date, payment_credit_count, last_business_date)
    SELECT w.tenancy_id, w.balance_pence, w.charge_pence, w.court_costs_pence, w.credit_pence, w.positive_reversal_pence, w.transaction_count,
           CASE WHEN w.clear_date IS NOT NULL THEN w.clear_date WHEN w.old_clear_date < w.from_date THEN w.old_clear_date ELSE NULL END,
           w.payment_credit_count, w.to_date
    FROM worked w
    ON CONFLICT (tenancy_id) DO UPDATE SET
      balance_pence = s.balance_pence + EXCLUDED.balance_pence,
      charge_pence = s.charge_pence + EXCLUDED.charge_pence,
      court_costs_pence = s.court_costs_pence + EXCLUDED.court_costs_pence,
      credit_pence = s.credit_pence + EXCLUDED.credit_pence,
      positive_reversal_pence = s.positive_reversal_pence + EXCLUDED.positive_reversal_pence,
      transaction_count = s.transaction_count + EXCLUDED.transaction_count,
      payment_credit_count = s.payment_credit_count + EXCLUDED.payment_credit_count,
      last_clear_date = EXCLUDED.last_clear_date,
      last_business_date = greatest(s.last_business_date, EXCLUDED.last_business_date)
    RETURNING s.tenancy_id
  )
  SELECT array_agg(w.tenancy_id), array_agg(w.from_date) INTO full_ids, full_from
  FROM worked w JOIN written x ON x.tenancy_id = w.tenancy_id
  WHERE w.clear_date IS NULL AND w.old_clear_date >= w.from_date;

  -- A back-dated debit took away the old clear date and no later day is clear: look in the older days.
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
