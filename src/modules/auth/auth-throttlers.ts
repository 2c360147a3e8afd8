import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';

const MINUTE_MS = 60_000;

/** SPEC §11: login 10/min per (IP, email) and 100/min per IP; register 30/min per IP. */
export const AUTH_THROTTLERS = {
  loginPerIpAndEmail: 'login-ip-email',
  loginPerIp: 'login-ip',
  registerPerIp: 'register-ip',
} as const;

export function authThrottlerOptions(): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: AUTH_THROTTLERS.loginPerIpAndEmail,
        ttl: MINUTE_MS,
        limit: 10,
        getTracker: (request: Record<string, unknown>) => {
          const req = request as unknown as FastifyRequest<{ Body: { email?: unknown } }>;
          const email = typeof req.body?.email === 'string' ? req.body.email.toLowerCase() : '';
          return `${req.ip}|${email}`;
        },
      },
      { name: AUTH_THROTTLERS.loginPerIp, ttl: MINUTE_MS, limit: 100 },
      { name: AUTH_THROTTLERS.registerPerIp, ttl: MINUTE_MS, limit: 30 },
    ],
  };
}

/** Which named throttlers a route does not use (every named throttler applies unless skipped). */
export const onlyLoginThrottles = { [AUTH_THROTTLERS.registerPerIp]: true };
export const onlyRegisterThrottles = { [AUTH_THROTTLERS.loginPerIpAndEmail]: true, [AUTH_THROTTLERS.loginPerIp]: true };
