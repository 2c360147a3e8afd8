import { jest } from '@jest/globals';
import { pino } from 'pino';
import { PassThrough } from 'node:stream';
import { createClientErrorHandler } from './client-error.handler.js';

const handle = createClientErrorHandler(pino({ level: 'silent' }));

async function answerTo(code: string): Promise<{ head: string[]; body: Record<string, unknown> }> {
  const socket = new PassThrough();
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => socket.on('end', resolve));
  handle(Object.assign(new Error('parse error'), { code }), socket);
  await ended;
  const [head, body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
  return { head: head.split('\r\n'), body: JSON.parse(body) as Record<string, unknown> };
}

describe('createClientErrorHandler', () => {
  it('answers header overflow with a 431 problem carrying a request id', async () => {
    const { head, body } = await answerTo('HPE_HEADER_OVERFLOW');
    expect(head[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(head).toContain('Content-Type: application/problem+json');
    expect(head).toContain('Connection: close');
    const requestId = head.find((line) => line.startsWith('X-Request-Id: '))?.slice('X-Request-Id: '.length);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual({
      type: 'urn:flowhook:problem:request_header_fields_too_large',
      title: 'Request Header Fields Too Large',
      status: 431,
      detail: expect.stringMatching(/headers are larger than \d+ KiB/),
      instance: `urn:uuid:${requestId}`,
    });
  });

  it.each([
    ['HPE_INVALID_CONTENT_LENGTH', 400, /Content-Length/],
    ['HPE_UNEXPECTED_CONTENT_LENGTH', 400, /Content-Length/],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, /in time/],
    ['HPE_SOMETHING_NEW', 400, /not valid HTTP/],
  ])('answers %s with %i', async (code, status, detail) => {
    const { head, body } = await answerTo(code);
    expect(head[0]).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(body).toMatchObject({ status, detail: expect.stringMatching(detail) });
  });

  it('writes nothing to a connection the client reset', () => {
    const socket = new PassThrough();
    const write = jest.spyOn(socket, 'end');
    handle(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), socket);
    expect(write).not.toHaveBeenCalled();
  });
});
