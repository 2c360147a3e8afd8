import pino, { type Logger } from 'pino';
import type { LogLevel } from '../../config/app-config.js';
import { RequestContext } from './request-context.js';

/** Every path whose value is censored in log lines, whatever the object logged. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'authToken',
  '*.authToken',
  'secret',
  '*.secret',
  'secretKey',
  '*.secretKey',
  'apiKey',
  '*.apiKey',
  'credentials',
  '*.credentials',
  'data.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-webhook-token"]',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-signature-256"]',
  'req.headers["webhook-signature"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["x-webhook-token"]',
  'query.token',
  'req.query.token',
];

/** Field names whose values are secrets wherever they appear (up to two levels down). */
const SECRET_FIELDS = ['password', 'token', 'accessToken', 'refreshToken', 'authToken', 'triggerToken', 'verifyToken', 'secret', 'secretKey', 'clientSecret', 'appSecret', 'privateKey', 'apiKey'];
/** Credentials and signatures in any logged `headers` object (up to two levels down). */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-webhook-token', 'x-hub-signature-256', 'x-signature-256', 'webhook-signature'];

/** REDACTED_PATHS plus the generic field and header paths above, each once (what the logger applies). */
export const ALL_REDACTED_PATHS = [
  ...new Set([
    ...REDACTED_PATHS,
    ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
    ...SECRET_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`, `*.*.headers["${header}"]`]),
    'data.key',
    '*.query.token',
  ]),
];

/** JSON logs (pino) that carry the correlation id, tenant and actor of the current request or job. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'flowhook' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ALL_REDACTED_PATHS, censor: '[redacted]' },
      mixin() {
        const context = RequestContext.current();
        if (!context) return {};
        return { correlationId: context.correlationId, tenantId: context.tenantId, actorId: context.actorId };
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
