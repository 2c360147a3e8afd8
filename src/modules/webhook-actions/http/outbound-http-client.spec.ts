import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GuardedAgent } from './guarded-agent.js';
import { classifyStatus } from './http-status-classifier.js';
import { OutboundError } from './outbound-error.js';
import { OutboundHttpClient, type OutboundRequest } from './outbound-http-client.js';
import { SsrfPolicy } from '../../../platform/http/ssrf-policy.js';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

interface Receiver {
  port: number;
  origin: string;
  connections: number;
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 (port 0) that records what reaches it and routes by path. */
async function startReceiver(routes: Record<string, Handler>): Promise<Receiver> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      receiver.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const handler = routes[new URL(request.url ?? '/', 'http://x').pathname];
      if (handler === undefined) response.writeHead(404).end();
      else handler(request, response, body);
    });
  });
  const receiver: Receiver = {
    port: 0,
    origin: '',
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => {
    receiver.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.origin = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function sendError(client: OutboundHttpClient, request: OutboundRequest): Promise<OutboundError> {
  const error: unknown = await client.send(request).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof OutboundError)) throw new Error(`expected an OutboundError, got ${String(error)}`);
  return error;
}

const defaults = { method: 'GET', timeoutMs: 5_000, maxResponseBytes: 1024 * 1024 };

describe('OutboundHttpClient', () => {
  let receiver: Receiver;
  let other: Receiver;
  let client: OutboundHttpClient;
  let huge: { written: number; closed: Promise<boolean> } | undefined;

  const json = (response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));

  beforeEach(async () => {
    huge = undefined;
    other = await startReceiver({
      '/echo': (request, response, body) =>
        json(response, 200, { method: request.method, headers: request.headers, body }),
    });
    receiver = await startReceiver({
      '/ok': (_request, response) => response.end('hello'),
      '/echo': (request, response, body) =>
        json(response, 200, { method: request.method, url: request.url, headers: request.headers, body }),
      '/redirect-metadata': (_request, response) =>
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end(),
      '/redirect-mapped': (_request, response) =>
        response.writeHead(301, { location: 'http://[::ffff:7f00:1]/' }).end(),
      '/redirect-ftp': (_request, response) => response.writeHead(302, { location: 'ftp://example.com/file' }).end(),
      '/redirect-relative': (_request, response) =>
        response.writeHead(302, { location: '/echo?token=abc' }).end('moved'),
      '/see-other': (_request, response) => response.writeHead(303, { location: '/echo' }).end(),
      '/temporary': (_request, response) => response.writeHead(307, { location: '/echo' }).end(),
      '/cross-origin': (_request, response) => response.writeHead(307, { location: `${other.origin}/echo` }).end(),
      '/loop': (_request, response) => response.writeHead(302, { location: '/loop' }).end(),
      '/hang': () => undefined,
      '/slow-body': (_request, response) => {
        response.writeHead(200);
        response.write('partial');
      },
      '/exact': (_request, response) => response.end(Buffer.alloc(1000, 'a')),
      '/declared-huge': (_request, response) => {
        response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
        response.write(Buffer.alloc(1024));
      },
      '/huge': (_request, response) => {
        const limit = 64 * 1024 * 1024;
        const chunk = Buffer.alloc(16 * 1024, 'x');
        const state = {
          written: 0,
          closed: new Promise<boolean>((resolve) => response.on('close', () => resolve(!response.writableFinished))),
        };
        huge = state;
        response.writeHead(200, { 'content-type': 'text/plain' });
        const pump = () => {
          while (state.written < limit && !response.destroyed) {
            state.written += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          if (!response.destroyed) response.end();
        };
        pump();
      },
      '/rate-limited': (_request, response) => json(response, 429, { error: 'slow down' }, { 'retry-after': '7' }),
      '/unavailable': (_request, response) =>
        json(response, 503, { error: 'down' }, { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }),
    });
    client = new OutboundHttpClient(new SsrfPolicy([`127.0.0.1:${receiver.port}`, `127.0.0.1:${other.port}`]));
  });

  afterEach(async () => {
    await client.close();
    await receiver.close();
    await other.close();
  });

  describe('SSRF guard', () => {
    const hostile = (port: number): string[] => [
      'http://169.254.169.254/',
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'https://169.254.169.254/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[0:0:0:0:0:ffff:169.254.169.254]/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://127.000.000.001/',
      'http://①②⑦.0.0.1/',
      'http://localhost/',
      `http://127.0.0.1:${port + 1}/`,
      `http://127.0.0.2:${port}/`,
      `http://[::ffff:7f00:1]:${port + 1}/`,
      'http://[::1]/',
      `http://[::1]:${port}/`,
      'http://[::]/',
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      `http://0/`,
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://240.0.0.1/',
      'http://198.18.0.1/',
      'http://[ff02::1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[2002:a9fe:a9fe::]/',
      'http://[::7f00:1]/',
      'http://[::ffff:0:7f00:1]/',
      'ftp://example.com/',
      'file:///etc/passwd',
      `gopher://127.0.0.1:${port}/`,
      'data:text/plain,hello',
      'javascript:alert(1)',
      `http://user:pass@127.0.0.1:${port}/`,
      'not a url',
      '//127.0.0.1/relative',
    ];

    it('refuses at least 30 hostile URLs with ssrf_blocked before any connection', async () => {
      const urls = hostile(receiver.port);
      expect(urls.length).toBeGreaterThanOrEqual(30);
      const outcomes = await Promise.all(
        urls.map(async (url) => {
          const error = await sendError(client, { ...defaults, url });
          return { url, errorClass: error.errorClass, retryable: error.retryable };
        }),
      );
      expect(outcomes).toEqual(urls.map((url) => ({ url, errorClass: 'ssrf_blocked', retryable: false })));
      expect(receiver.connections).toBe(0);
      expect(other.connections).toBe(0);
    });

    it('still reaches the allowed receiver (control)', async () => {
      const response = await client.send({ ...defaults, url: `${receiver.origin}/ok` });
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe('hello');
      expect(receiver.connections).toBe(1);
    });

    it('refuses a redirect to cloud metadata without following it', async () => {
      const error = await sendError(client, { ...defaults, url: `${receiver.origin}/redirect-metadata` });
      expect(error.errorClass).toBe('ssrf_blocked');
      expect(receiver.requests.map((request) => request.url)).toEqual(['/redirect-metadata']);
    });

    it('refuses redirects to an IPv4-mapped loopback and to a non-http scheme', async () => {
      await expect(
        sendError(client, { ...defaults, url: `${receiver.origin}/redirect-mapped` }),
      ).resolves.toMatchObject({ errorClass: 'ssrf_blocked' });
      await expect(sendError(client, { ...defaults, url: `${receiver.origin}/redirect-ftp` })).resolves.toMatchObject({
        errorClass: 'ssrf_blocked',
      });
    });
  });

  describe('responses', () => {
    it('returns status, flattened headers, body and duration, reusing the pooled connection', async () => {
      const first = await client.send({ ...defaults, url: `${receiver.origin}/ok` });
      expect(first).toMatchObject({ status: 200, truncated: false, redirects: [] });
      expect(first.headers['content-length']).toBe('5');
      expect(first.durationMs).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < 4; i += 1)
        expect((await client.send({ ...defaults, url: `${receiver.origin}/ok` })).body.toString()).toBe('hello');
      // undici may open a second socket while the first is still being released; never one per call.
      expect(receiver.connections).toBeLessThanOrEqual(2);
    });

    it('sends method, headers and body', async () => {
      const response = await client.send({
        ...defaults,
        method: 'post',
        url: `${receiver.origin}/echo?a=1`,
        headers: { 'content-type': 'application/json', 'x-trace': 't1' },
        body: '{"n":1}',
      });
      const echoed = JSON.parse(response.body.toString()) as {
        method: string;
        url: string;
        headers: Record<string, string>;
        body: string;
      };
      expect(echoed).toMatchObject({ method: 'POST', url: '/echo?a=1', body: '{"n":1}' });
      expect(echoed.headers['x-trace']).toBe('t1');
    });

    it('sends Latin-1 header values as they are', async () => {
      const response = await client.send({
        ...defaults,
        url: `${receiver.origin}/echo`,
        headers: { 'x-name': 'Zoë ½' },
      });
      const echoed = JSON.parse(response.body.toString()) as { headers: Record<string, string> };
      expect(echoed.headers['x-name']).toBe('Zoë ½');
    });

    it('leaves status judgement to classifyStatus: 429 and 503 with Retry-After', async () => {
      const limited = await client.send({ ...defaults, url: `${receiver.origin}/rate-limited` });
      expect(limited.status).toBe(429);
      expect(classifyStatus(limited.status, limited.headers)).toEqual({
        ok: false,
        errorClass: 'rate_limited',
        retryable: true,
        retryAfterMs: 7000,
      });

      const down = await client.send({ ...defaults, url: `${receiver.origin}/unavailable` });
      const classified = classifyStatus(down.status, down.headers);
      expect(classified).toMatchObject({ ok: false, errorClass: 'http_5xx', retryable: true });
      const retryAfterMs = classified.ok ? 0 : (classified.retryAfterMs ?? 0);
      expect(retryAfterMs).toBeGreaterThan(100_000);
      expect(retryAfterMs).toBeLessThanOrEqual(120_000);
    });
  });

  describe('redirects', () => {
    it('follows a relative redirect and reports it redacted', async () => {
      const response = await client.send({ ...defaults, url: `${receiver.origin}/redirect-relative` });
      expect(response.status).toBe(200);
      expect(response.redirects).toEqual([`${receiver.origin}/echo?token=REDACTED`]);
      expect(receiver.requests.map((request) => request.url)).toEqual(['/redirect-relative', '/echo?token=abc']);
    });

    it('turns a POST into a body-less GET on 303 and keeps it on 307', async () => {
      await client.send({
        ...defaults,
        method: 'POST',
        url: `${receiver.origin}/see-other`,
        headers: { 'content-type': 'text/plain' },
        body: 'payload',
      });
      await client.send({
        ...defaults,
        method: 'POST',
        url: `${receiver.origin}/temporary`,
        headers: { 'content-type': 'text/plain' },
        body: 'payload',
      });
      const seen = receiver.requests.map(({ method, url, body, headers }) => ({
        method,
        url,
        body,
        contentType: headers['content-type'],
      }));
      expect(seen).toEqual([
        { method: 'POST', url: '/see-other', body: 'payload', contentType: 'text/plain' },
        { method: 'GET', url: '/echo', body: '', contentType: undefined },
        { method: 'POST', url: '/temporary', body: 'payload', contentType: 'text/plain' },
        { method: 'POST', url: '/echo', body: 'payload', contentType: 'text/plain' },
      ]);
    });

    it('drops credentials when a redirect leaves the origin', async () => {
      await client.send({
        ...defaults,
        url: `${receiver.origin}/cross-origin`,
        headers: { authorization: 'Bearer secret', 'x-api-key': 'k', cookie: 'c=1', 'x-keep': 'yes' },
        sensitiveHeaders: ['X-API-Key'],
      });
      const [request] = other.requests;
      expect(request.headers['x-keep']).toBe('yes');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
    });

    it('stops after maxRedirects and returns the last redirect answer', async () => {
      const response = await client.send({ ...defaults, url: `${receiver.origin}/loop`, maxRedirects: 2 });
      expect(response.status).toBe(302);
      expect(response.redirects).toHaveLength(2);
      expect(receiver.requests).toHaveLength(3);
    });

    it('follows no redirect with maxRedirects 0', async () => {
      const response = await client.send({ ...defaults, url: `${receiver.origin}/redirect-metadata`, maxRedirects: 0 });
      expect(response.status).toBe(302);
    });
  });

  describe('failures', () => {
    it('times out a server that never answers', async () => {
      const started = Date.now();
      const error = await sendError(client, { ...defaults, url: `${receiver.origin}/hang`, timeoutMs: 300 });
      expect(error).toMatchObject({ errorClass: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('times out a body that never ends (the deadline covers the body too)', async () => {
      const error = await sendError(client, { ...defaults, url: `${receiver.origin}/slow-body`, timeoutMs: 300 });
      expect(error).toMatchObject({ errorClass: 'timeout', retryable: true });
    });

    it('reports connection_refused for an allowed port nothing listens on', async () => {
      const port = await closedPort();
      const refused = new OutboundHttpClient(new SsrfPolicy([`127.0.0.1:${port}`]));
      try {
        const error = await sendError(refused, {
          ...defaults,
          url: `http://127.0.0.1:${port}/hooks/T000/B000/secret-path?token=s3cr3t`,
          headers: { authorization: 'Bearer top-secret' },
        });
        expect(error).toMatchObject({ errorClass: 'connection_refused', retryable: true });
        expect(error.message).toContain(`127.0.0.1:${port}`);
        for (const secret of ['s3cr3t', 'top-secret', 'secret-path', 'token'])
          expect(error.message).not.toContain(secret);
      } finally {
        await refused.close();
      }
    });

    it('reports dns_failure for a name that does not resolve', async () => {
      const error = await sendError(client, { ...defaults, url: 'http://nonexistent.invalid/?api_key=s3cr3t' });
      expect(error).toMatchObject({ errorClass: 'dns_failure', retryable: true });
      expect(error.message).not.toContain('s3cr3t');
    });

    it('reports tls_error when the server does not speak TLS', async () => {
      const error = await sendError(client, { ...defaults, url: `https://127.0.0.1:${receiver.port}/ok` });
      expect(error).toMatchObject({ errorClass: 'tls_error', retryable: false });
    });

    it.each<[string, Record<string, string>]>([
      ['Transfer-Encoding', { 'Transfer-Encoding': 'chunked' }],
      ['Content-Length (short)', { 'content-length': '1' }],
      ['Host', { host: 'internal.example' }],
      ['Connection', { connection: 'close' }],
      ['Keep-Alive', { 'keep-alive': 'timeout=5' }],
      ['Upgrade', { upgrade: 'websocket' }],
      ['Expect', { expect: 'secret-expectation' }],
      ['a name that is not a token', { 'x name': 'secret-value' }],
      ['a value with CR/LF', { 'x-a': 'a\r\nx-evil: 1' }],
      ['a value outside Latin-1', { 'x-secret': 'sk_live_🎉' }],
    ])('refuses %s with invalid_header before connecting, without quoting the value', async (_case, headers) => {
      const error = await sendError(client, {
        ...defaults,
        method: 'POST',
        url: `${receiver.origin}/echo`,
        headers: { accept: '*/*', ...headers },
        body: '{"n":1}',
      });
      const [name, value] = Object.entries(headers)[0];
      expect(error).toMatchObject({ errorClass: 'invalid_header', retryable: false });
      expect(error.message).toContain(`header "${name}"`);
      expect(error.message).not.toContain(value);
      expect(receiver.connections).toBe(0);
    });

    it('passes ssrf_blocked from the agent (resolved addresses) through as an OutboundError', async () => {
      const resolving = new OutboundHttpClient(
        new SsrfPolicy([]),
        new GuardedAgent(new SsrfPolicy([]), { resolver: async () => [{ address: '10.1.2.3', family: 4 }] }),
      );
      try {
        await expect(sendError(resolving, { ...defaults, url: 'http://internal.test/' })).resolves.toMatchObject({
          errorClass: 'ssrf_blocked',
          retryable: false,
        });
      } finally {
        await resolving.close();
      }
    });
  });

  describe('maxResponseBytes', () => {
    it('accepts a body of exactly the limit', async () => {
      const response = await client.send({ ...defaults, url: `${receiver.origin}/exact`, maxResponseBytes: 1000 });
      expect(response.body).toHaveLength(1000);
      expect(response.truncated).toBe(false);
    });

    it('fails with response_too_large on an endless body, and closes the stream instead of reading on', async () => {
      const error = await sendError(client, { ...defaults, url: `${receiver.origin}/huge`, maxResponseBytes: 100_000 });
      expect(error).toMatchObject({ errorClass: 'response_too_large', retryable: false });
      const state = huge as { written: number; closed: Promise<boolean> };
      // The server sees the connection close before it could finish its 64 MiB.
      await expect(state.closed).resolves.toBe(true);
      expect(state.written).toBeLessThan(64 * 1024 * 1024);
    });

    it('fails at once when Content-Length already announces too much', async () => {
      const error = await sendError(client, {
        ...defaults,
        url: `${receiver.origin}/declared-huge`,
        maxResponseBytes: 100_000,
      });
      expect(error.errorClass).toBe('response_too_large');
    });

    it('returns the first maxResponseBytes with truncated=true in truncate mode', async () => {
      const response = await client.send({
        ...defaults,
        url: `${receiver.origin}/huge`,
        maxResponseBytes: 100_000,
        onTooLarge: 'truncate',
      });
      expect(response.truncated).toBe(true);
      expect(response.body).toHaveLength(100_000);
      await expect((huge as { closed: Promise<boolean> }).closed).resolves.toBe(true);
    });

    it('fails on 999 bytes allowed for a 1000 byte body', async () => {
      await expect(
        sendError(client, { ...defaults, url: `${receiver.origin}/exact`, maxResponseBytes: 999 }),
      ).resolves.toMatchObject({ errorClass: 'response_too_large' });
    });
  });
});
