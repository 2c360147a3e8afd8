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
  // Exact paths are nearly free; each `*.` wildcard costs ~0.4 µs on every log line, so the
  // remaining secrets are listed where they can occur rather than as more wildcards.
  'triggerToken',
  'verifyToken',
  'config.verifyToken',
  'data.key',
  'headers.cookie',
  'headers["proxy-authorization"]',
  'headers["x-hub-signature-256"]',
  'headers["x-signature-256"]',
  'headers["webhook-signature"]',
  'req.headers["proxy-authorization"]',
  'req.headers["set-cookie"]',
  'res.headers["set-cookie"]',
  'trigger.headers.authorization',
  'trigger.headers["x-webhook-token"]',
];

/** JSON logs (pino) that carry the correlation id, tenant and actor of the current request or job. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'flowhook' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin() {
        const context = RequestContext.current();
        if (!context) return {};
        return { correlationId: context.correlationId, tenantId: context.tenantId, actorId: context.actorId };
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    // Asynchronous stdout: lines written while a write is pending go out together (one syscall per
    // burst rather than per line); pino flushes what is left synchronously on exit.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
