import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify `genReqId`: echo a sane client-supplied X-Request-Id, else make one. */
export function requestIdFrom(request: IncomingMessage): string {
  const supplied = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(supplied) ? supplied[0] : supplied;
  return value && ACCEPTABLE.test(value) ? value : randomUUID();
}
