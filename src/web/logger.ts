import pino, { type Logger } from 'pino';

/**
 * Personal data never reaches the logs: request bodies, cookies, names, addresses, emails and phone
 * numbers are redacted wherever they appear in a logged object (two levels deep), so are a database
 * error's statement, values and detail, and requests are
 * logged by method, route path and status only (no query string: searches carry names and postcodes).
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
  'password',
  'name',
  'names',
  'tenants',
  'address',
  'postcode',
  'email',
  'phone',
  'q',
  '*.body',
  '*.password',
  '*.name',
  '*.names',
  '*.tenants',
  '*.address',
  '*.postcode',
  '*.email',
  '*.phone',
  '*.q',
  '*.dateOfBirth',
  // A database error carries the statement's values (a search's text, a tenant's name) and may repeat
  // them in its detail ("Key (…)=(…)"): the error is logged by its message, code and stack only.
  'err.params',
  'err.query',
  'err.detail',
  'err.where',
  'err.internalQuery',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const opts = { level: options.level ?? process.env.LOG_LEVEL ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'rentwise-web' } };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}
