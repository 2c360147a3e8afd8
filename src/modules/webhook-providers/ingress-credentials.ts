import type { IncomingHttpHeaders } from 'node:http';

/** The ingress token from `X-Webhook-Token`, `Authorization: Bearer` or `?token=` (senders that cannot set headers). */
export function presentedToken(headers: IncomingHttpHeaders, query: Record<string, unknown>): string | undefined {
  const header = headers['x-webhook-token'];
  if (typeof header === 'string' && header.length > 0) return header;
  const bearer =
    typeof headers.authorization === 'string' ? headers.authorization.match(/^Bearer\s+(\S+)$/i)?.[1] : undefined;
  if (bearer) return bearer;
  return typeof query.token === 'string' && query.token.length > 0 ? query.token : undefined;
}
