import pino, { type Logger } from 'pino';

/**
 * Personal data never reaches the logs: request bodies, cookies, names, addresses, emails and phone
 * numbers are redacted wherever they appear in a logged object (two levels deep), and requests are
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
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const opts = { level: options.level ?? process.env.LOG_LEVEL ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'rentwise-web' } };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}
