-- 0034: no ledger line holds more than £10,000,000.00 either way (MAX_AMOUNT_PENCE in src/domain/money/pence.ts).
-- Balances are read into JavaScript numbers, exact to 2^53 pence: one line of a payment file near that (an account
-- number in its amount column) was posted, and then every read of its account's balance failed. The files and forms
-- refuse such an amount with its row and field; this check refuses it from any writer, in the same statement.
--
-- Added NOT VALID: rows already in the ledger are not read (a landlord's ledger is tens of millions of rows, and a
-- migration must not fail on one); every row written from now on is checked.
ALTER TABLE ledger_transactions
  ADD CONSTRAINT ledger_transactions_amount_limit CHECK (amount_pence BETWEEN -1000000000 AND 1000000000) NOT VALID;
