import { Router } from 'express';
import type { Db } from '../persistence/database';

/** GET /health (contract): 200 `{ status: ok, database: ok }` when the database answers, else 503. No sign-in. */
export function healthRoutes(db: Db): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      await Promise.race([db.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000).unref())]);
      res.status(200).json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unavailable' });
    }
  });
  return router;
}
