import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
import { MAX_JSON_DEPTH } from '../json/json-depth.js';
import { parseFormBody, parseJsonBody } from './body-parsers.js';

type Parser = typeof parseJsonBody;

function route(prototypeKeysAsData: boolean): FastifyRequest {
  return { routeOptions: { config: { prototypeKeysAsData } } } as unknown as FastifyRequest;
}

function run(parser: Parser, text: string, request = route(false)): { error: Error | null; body?: unknown } {
  let outcome: { error: Error | null; body?: unknown } | undefined;
  parser(request, Buffer.from(text), (error, body) => {
    outcome = { error, body };
  });
  return outcome!;
}

function nested(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(run(parseJsonBody, '{"a": [1, "two"]}')).toEqual({ error: null, body: { a: [1, 'two'] } });
  });

  it('answers Fastify’s own errors for an empty or malformed body', () => {
    expect(run(parseJsonBody, '').error).toMatchObject({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 });
    expect(run(parseJsonBody, '{"a": ').error).toMatchObject({
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
  });

  it('takes exactly the nesting limit and refuses one level more, naming the limit', () => {
    expect(run(parseJsonBody, nested(MAX_JSON_DEPTH)).error).toBeNull();
    const { error } = run(parseJsonBody, nested(MAX_JSON_DEPTH + 1));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: 'invalid_input',
      code: 'json_too_deep',
      message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels`),
    });
  });

  it('refuses 100,000 levels without overflowing the stack', () => {
    expect(run(parseJsonBody, nested(100_000)).error).toMatchObject({ code: 'json_too_deep' });
  });

  it('refuses prototype keys with that reason, on routes that do not take them as data', () => {
    expect(run(parseJsonBody, '{"x": {"constructor": {"prototype": {}}}}').error).toMatchObject({
      code: 'forbidden_property_name',
      message:
        'The request body contains a forbidden property name (__proto__ or constructor.prototype) at x.constructor.prototype.',
    });
    expect(run(parseJsonBody, '{"__proto__": {"polluted": true}}').error).toMatchObject({
      code: 'forbidden_property_name',
    });
  });

  it('keeps prototype keys as own data properties where the route takes them as data', () => {
    const { error, body } = run(
      parseJsonBody,
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      route(true),
    );
    expect(error).toBeNull();
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('applies the depth limit on those routes too', () => {
    expect(run(parseJsonBody, nested(MAX_JSON_DEPTH + 1), route(true)).error).toMatchObject({ code: 'json_too_deep' });
  });
});

describe('parseFormBody', () => {
  it('parses fields, a repeated one as a list', () => {
    expect({ ...(run(parseFormBody, 'a=1&b=x&b=y').body as object) }).toEqual({ a: '1', b: ['x', 'y'] });
  });

  it('refuses a __proto__ field unless the route takes it as data', () => {
    expect(run(parseFormBody, 'a=1&__proto__=x').error).toMatchObject({ code: 'forbidden_property_name' });
    const { error, body } = run(parseFormBody, 'a=1&__proto__=x', route(true));
    expect(error).toBeNull();
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toBe('x');
  });
});
