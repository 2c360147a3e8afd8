import fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino } from 'pino';
import { createFrameworkErrorHandler } from './framework-errors.js';
import { MAX_PATH_PARAM_LENGTH } from './http-limits.js';

const handle = createFrameworkErrorHandler(pino({ level: 'silent' }));

/** What the handler did to the reply (the router's Request/Reply are exercised end to end in the e2e). */
function answer(
  error: FastifyError,
  url: string,
): { status?: number; headers: Record<string, string>; body?: unknown } {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const reply = {
    code(status: number) {
      sent.status = status;
      return this;
    },
    header(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  handle(error, { id: 'req-1', url, method: 'GET' } as FastifyRequest, reply as unknown as FastifyReply);
  return sent;
}

describe('createFrameworkErrorHandler', () => {
  it('answers an over-long path segment with a 414 problem and the request id, without the query', () => {
    const path = `/items/${'a'.repeat(MAX_PATH_PARAM_LENGTH + 1)}`;
    const sent = answer(new fastify.errorCodes.FST_ERR_MAX_PARAM_LENGTH(path), `${path}?token=secret`);
    expect(sent.status).toBe(414);
    expect(sent.headers).toEqual({ 'x-request-id': 'req-1', 'content-type': 'application/problem+json' });
    expect(sent.body).toEqual({
      type: 'urn:flowhook:problem:uri_too_long',
      title: 'URI Too Long',
      status: 414,
      detail: `A path segment is longer than ${MAX_PATH_PARAM_LENGTH} characters.`,
      instance: path,
    });
  });

  it('answers an /api path that is not valid percent-encoding with a 400 problem', () => {
    const sent = answer(new fastify.errorCodes.FST_ERR_BAD_URL('%E0%A4%A'), '/api/items/%E0%A4%A');
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({
      type: 'urn:flowhook:problem:invalid_input',
      title: 'Bad Request',
      status: 400,
      detail: 'The request path is not valid percent-encoded UTF-8.',
      instance: '/api/items/%E0%A4%A',
    });
  });

  it('answers a public path that is not valid percent-encoding with a 404 problem, like a malformed public id', () => {
    const sent = answer(new fastify.errorCodes.FST_ERR_BAD_URL('%ED%A0%80'), '/webhooks/%ED%A0%80/status?token=secret');
    expect(sent.status).toBe(404);
    expect(sent.headers['x-request-id']).toBe('req-1');
    expect(sent.body).toEqual({
      type: 'urn:flowhook:problem:not_found',
      title: 'Not Found',
      status: 404,
      detail: 'Not found.',
      instance: '/webhooks/%ED%A0%80/status',
    });
  });
});
