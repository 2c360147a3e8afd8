import type { FastifyRequest } from 'fastify';
import fastify from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { exceedsJsonDepth } from '../json/json-depth.js';
import { forbiddenPropertyName, jsonTooDeep } from './body-errors.js';
import { acceptsPrototypeKeys, findPrototypeKey } from './prototype-keys.js';

type ParserDone = (error: Error | null, body?: unknown) => void;

/**
 * `application/json` for every route (Nest sets `request.rawBody` around it): the body is parsed
 * (V8's JSON.parse does not recurse on the call stack), then refused if it nests deeper than the one
 * limit — a walk that stops at the limit — so nothing deeper is ever stored, serialised or evaluated.
 * Prototype keys are refused with that reason, except where a route takes them as data.
 */
export function parseJsonBody(request: FastifyRequest, body: Buffer, done: ParserDone): void {
  if (body.length === 0) return done(new fastify.errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY());
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return done(new fastify.errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
  }
  if (exceedsJsonDepth(parsed)) return done(jsonTooDeep());
  if (!acceptsPrototypeKeys(request)) {
    const path = findPrototypeKey(parsed);
    if (path !== undefined) return done(forbiddenPropertyName(path));
  }
  done(null, parsed);
}

/**
 * `application/x-www-form-urlencoded`: flat by nature (a value is a string or a list of them), so
 * within the depth limit; a `__proto__` field (an own property of the null-prototype result) is
 * refused like in JSON, except where a route takes it as data.
 */
export function parseFormBody(request: FastifyRequest, body: Buffer, done: ParserDone): void {
  const parsed = parseQueryString(body.toString('utf8'));
  if (Object.hasOwn(parsed, '__proto__') && !acceptsPrototypeKeys(request))
    return done(forbiddenPropertyName('__proto__'));
  done(null, parsed);
}
