import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebConfig } from '../config/config';
import type { BusinessDate } from '../domain/calendar/business-date';
import type { Db } from '../persistence/database';
import { deleteExpiredSessions } from '../persistence/stores/session-store';
import { createWebApp } from '../web/app';
import type { SharedPages } from '../web/page-cache';
import { createLogger } from '../web/logger';

export interface WebServerOptions {
  port: number;
  host?: string;
  now?: () => Date;
  today?: () => BusinessDate | Promise<BusinessDate>;
  /** Settings over those of the environment (e.g. `pageCacheEntries`). */
  config?: Partial<WebConfig>;
  /** Pages kept for every serving process (a worker of `rentwise serve --workers N`). */
  sharedPages?: SharedPages;
}

/**
 * Serves the web application and API on `port` (0: any free port) against an open database. Expired
 * sessions are swept every ten minutes. `close` stops the server (the database stays open: its owner closes it).
 */
export async function startWebServer(db: Db, options: WebServerOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const logger = createLogger();
  const app = createWebApp({ db, logger, ...(options.now ? { now: options.now } : {}), ...(options.today ? { today: options.today } : {}), ...(options.config ? { config: options.config } : {}), ...(options.sharedPages ? { sharedPages: options.sharedPages } : {}) });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host ?? '0.0.0.0', () => resolve(s));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 5_000;
  const sweep = setInterval(() => {
    deleteExpiredSessions(db, new Date()).catch((error: unknown) => logger.warn({ err: error }, 'sweeping expired sessions failed'));
  }, 600_000);
  sweep.unref();
  const address = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${address.port}`,
    close: async () => {
      clearInterval(sweep);
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
