-- 0026: the kept per-account state stays equal to the ledger when two transactions post to the same account at
-- once. The trigger of 0015 worked out an account's latest clear date from the ledger as its statement saw it;
-- a posting to the same account in another transaction, not yet committed, was not in it. Its upsert then waited
-- for that transaction and wrote its own clear date over the other's: a week's charge and a part payment of the
-- same day, posted side by side, left the account clear that day when it was not. The sums were right (each
-- adds its own to the row as it then is); the clear date decides how much history the daily run reads, so a
-- wrong one could give a wrong assessment. Now the trigger takes the accounts' state rows first, in tenancy
-- order, and works everything out after (src/persistence/account-state.db.test.ts interleaves two transactions
-- in both orders, for an account's first postings too, and two statements of many accounts in opposite orders).
-- The same function as 0015 otherwise.
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
    SELECT tenancy_id, min(business_date) AS from_date, sum(amount_pence) AS balance_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'charge'), 0) AS charge_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'court_costs'), 0) AS court_costs_pence,
           coalesce(sum(amount_pence) FILTER (WHERE amount_pence < 0), 0) AS credit_pence,
           coalesce(sum(amount_pence) FILTER (WHERE kind = 'reversal' AND amount_pence > 0), 0) AS positive_reversal_pence,
           count(*) AS transaction_count,
           count(*) FILTER (WHERE kind = 'payment' AND amount_pence < 0) AS payment_credit_count
    FROM new_rows WHERE sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
    GROUP BY tenancy_id
  ), worked AS (
    -- The balance at the end of each day from from_date is the new total less the rows from that date on,
    -- plus the running sum of those rows to the day.
    SELECT a.*, coalesce(s.balance_pence, 0) + a.balance_pence AS new_balance_pence, s.last_clear_date AS old_clear_date,
           (SELECT max(d.business_date) FILTER (WHERE coalesce(s.balance_pence, 0) + a.balance_pence - d.tail_pence + d.running_pence <= 0)
            FROM (
              SELECT g.business_date, sum(g.day_sum) OVER (ORDER BY g.business_date) AS running_pence, sum(g.day_sum) OVER () AS tail_pence
              FROM (
                SELECT l.business_date, sum(l.amount_pence) AS day_sum FROM ledger_transactions l
                WHERE l.tenancy_id = a.tenancy_id AND l.business_date >= a.from_date
                  AND l.sub_account IN ('rent', 'service_charge', 'court_costs', 'former_tenant_arrears')
                GROUP BY l.business_date
              ) g
            ) d) AS clear_date
    FROM added a LEFT JOIN account_state s ON s.tenancy_id = a.tenancy_id
  ), written AS (
    INSERT INTO account_state AS s (tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date, payment_credit_count)
    SELECT w.tenancy_id, w.balance_pence, w.charge_pence, w.court_costs_pence, w.credit_pence, w.positive_reversal_pence, w.transaction_count,
           CASE WHEN w.clear_date IS NOT NULL THEN w.clear_date WHEN w.old_clear_date < w.from_date THEN w.old_clear_date ELSE NULL END,
           w.payment_credit_count
    FROM worked w
    ON CONFLICT (tenancy_id) DO UPDATE SET
      balance_pence = s.balance_pence + EXCLUDED.balance_pence,
      charge_pence = s.charge_pence + EXCLUDED.charge_pence,
      court_costs_pence = s.court_costs_pence + EXCLUDED.court_costs_pence,
      credit_pence = s.credit_pence + EXCLUDED.credit_pence,
      positive_reversal_pence = s.positive_reversal_pence + EXCLUDED.positive_reversal_pence,
      transaction_count = s.transaction_count + EXCLUDED.transaction_count,
      payment_credit_count = s.payment_credit_count + EXCLUDED.payment_credit_count,
      last_clear_date = EXCLUDED.last_clear_date
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
