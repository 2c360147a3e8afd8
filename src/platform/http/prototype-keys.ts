import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by {@link PrototypeKeysAsData}. */
    prototypeKeysAsData?: boolean;
  }
}

/**
 * Marks a route whose body is third-party data kept as it came (provider ingress): `__proto__` and
 * `constructor.prototype` keys are accepted as ordinary own properties. Every other route refuses
 * them (400), because a body there may meet code that merges it into objects.
 */
export const PrototypeKeysAsData = (): MethodDecorator => RouteConfig({ prototypeKeysAsData: true });

export function acceptsPrototypeKeys(request: FastifyRequest): boolean {
  return request.routeOptions?.config?.prototypeKeysAsData === true;
}

/**
 * Where `value` (parsed JSON: an own `__proto__` key is data, not a prototype) holds a key that would
 * replace a prototype if merged into an object: an own `__proto__`, or a `constructor` object with an
 * own `prototype` (what secure-json-parse refuses). Returns its path (`data.__proto__`), or undefined.
 * Iterative: the depth limit is checked before, but nothing here relies on it.
 */
export function findPrototypeKey(value: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (Object.hasOwn(current, '__proto__')) return join(path, '__proto__');
    const ctor = Object.hasOwn(current, 'constructor') ? (current as { constructor: unknown }).constructor : undefined;
    if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype'))
      return join(join(path, 'constructor'), 'prototype');
    for (const [key, child] of Object.entries(current)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, path: join(path, key) });
    }
  }
  return undefined;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
