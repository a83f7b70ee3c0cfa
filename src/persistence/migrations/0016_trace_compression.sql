-- 0016: the stored rule traces (several kilobytes an account, written for every account every day) are
-- compressed with lz4 where the server has it: PostgreSQL compresses values over about 2 kB, and with its
-- default method (pglz) that was a fifth to a third of the time it took to store a batch of results (lz4: about
-- three times faster, nearly as small). The embedded database (PGlite) is built without lz4 and keeps the
-- default; the columns, their types and every query are the same on both. Only rows written from now on
-- are affected (existing rows are read as they were written).
DO $$
BEGIN
  ALTER TABLE assessments ALTER COLUMN trace SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END;
$$;
