import { NodeTypeCatalog } from '../../workflows/domain/node-type-catalog.js';
import { httpActionNodeType, httpActionUrlProblem } from './http-action.node-type.js';

const CREDENTIAL = '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10';
const base = { method: 'POST', url: 'https://example.com/hook' };

describe('httpActionNodeType', () => {
  const catalog = new NodeTypeCatalog();
  catalog.register(httpActionNodeType);
  const errors = (config: unknown) => catalog.validateConfig('action.http', config);

  it('is a step with one default output', () => {
    expect(httpActionNodeType).toMatchObject({ type: 'action.http', role: 'step', branches: [] });
  });

  it.each<[string, object]>([
    ['the minimum', base],
    ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'].map((method): [string, object] => [
      `method ${method}`,
      { ...base, method },
    ]),
    ['an upper-case scheme', { ...base, url: 'HTTPS://Example.com' }],
    ['a plain http URL with port, path and query', { ...base, url: 'http://127.0.0.1:4599/in?x=1' }],
    ['a templated URL', { ...base, url: '{{ trigger.body.callback }}' }],
    ['a URL with a templated host', { ...base, url: 'https://{{ contact.fields.host }}/x' }],
    [
      'a URL with templated parts',
      { ...base, url: 'https://api.example.com/users/{{ contact.fields.id }}?q={{ trigger.body.q }}' },
    ],
    [
      'every option',
      {
        ...base,
        headers: { 'X-Request': '{{ execution.id }}', 'Content-Type': 'application/json' },
        query: { page: '1', 'filter[name]': '{{ contact.fields.name }}' },
        body: { id: '{{ execution.id }}', nested: [1, { a: null }] },
        auth: { type: 'api_key', credentialId: CREDENTIAL, headerName: 'X-Key' },
        timeoutMs: 30_000,
        retry: { maxAttempts: 5, initialDelayMs: 500, maxDelayMs: 10_000, backoffMs: 200 },
        responseMapping: { 'contact.fields.tier': '$.data.tier', 'output.id': '$.id' },
        signing: { credentialId: CREDENTIAL },
        maxResponseBytes: 10_485_760,
        rateLimitPerSecond: 0.5,
      },
    ],
    ['a string body', { ...base, body: 'hello {{ contact.fields.name }}' }],
    ['auth none', { ...base, auth: { type: 'none' } }],
    ['auth basic', { ...base, auth: { type: 'basic', credentialId: CREDENTIAL } }],
    ['auth bearer', { ...base, auth: { type: 'bearer', credentialId: CREDENTIAL } }],
    ['api_key in the query', { ...base, auth: { type: 'api_key', credentialId: CREDENTIAL, queryParam: 'key' } }],
    ['api_key in the default header', { ...base, auth: { type: 'api_key', credentialId: CREDENTIAL } }],
    ['the engine retry fields alone', { ...base, retry: { maxAttempts: 1, backoffMs: 0 } }],
    ['equal backoff bounds', { ...base, retry: { initialDelayMs: 1000, maxDelayMs: 1000 } }],
    ['timeout 1 ms', { ...base, timeoutMs: 1 }],
    ['a Latin-1 header value', { ...base, headers: { 'X-Name': 'Zoë, café' } }],
    [
      'an expression over several lines in a header value',
      { ...base, headers: { 'X-Tags': 'tags: {{ $join(\n  trigger.body.tags,\n  ",") }}' } },
    ],
    [
      'every response path form',
      { ...base, responseMapping: { 'output.a': '$', 'output.b': '$.data[0]["odd key"].id', 'output.c': ' $.x-y ' } },
    ],
  ])('accepts %s', (_case, config) => {
    expect(errors(config)).toEqual([]);
  });

  it.each([
    ['no method', { url: base.url }, 'config.method', 'is required'],
    ['no url', { method: 'GET' }, 'config.url', 'is required'],
    [
      'method TRACE',
      { ...base, method: 'TRACE' },
      'config.method',
      'must be one of "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"',
    ],
    ['a lower-case method', { ...base, method: 'get' }, 'config.method', expect.stringContaining('must be one of')],
    [
      'an ftp URL',
      { ...base, url: 'ftp://example.com/x' },
      'config.url',
      'must be an absolute http(s) URL or a template containing {{ }}',
    ],
    ['a relative URL', { ...base, url: '/hook' }, 'config.url', expect.stringContaining('absolute http(s) URL')],
    [
      'a file URL',
      { ...base, url: 'file:///etc/passwd' },
      'config.url',
      expect.stringContaining('absolute http(s) URL'),
    ],
    ['an empty URL', { ...base, url: '' }, 'config.url', expect.any(String)],
    ['a URL without host', { ...base, url: 'https://' }, 'config.url', expect.stringContaining('absolute http(s) URL')],
    [
      'a URL with a space in the host',
      { ...base, url: 'https://exa mple.com' },
      'config.url',
      expect.stringContaining('absolute http(s) URL'),
    ],
    [
      'a URL with credentials',
      { ...base, url: 'https://user:secret@example.com' },
      'config.url',
      expect.stringContaining('must not contain credentials'),
    ],
    [
      'a templated URL with another scheme',
      { ...base, url: 'ftp://{{ trigger.body.host }}/x' },
      'config.url',
      'must use http or https, not ftp',
    ],
    ['a header value that is not a string', { ...base, headers: { 'X-A': 1 } }, 'config.headers.X-A', 'must be string'],
    [
      'a header name with a space',
      { ...base, headers: { 'X A': 'b' } },
      'config.headers.X A',
      'is not a valid key: must be a valid HTTP header name',
    ],
    [
      'a header name with CR/LF',
      { ...base, headers: { 'X-A\r\nX-B': 'b' } },
      'config.headers.X-A\r\nX-B',
      expect.stringContaining('is not a valid key'),
    ],
    ...[
      'Transfer-Encoding',
      'Content-Length',
      'Host',
      'Connection',
      'Keep-Alive',
      'Upgrade',
      'Expect',
      'transfer-encoding',
    ].map((name): [string, object, string, unknown] => [
      `the client-managed header ${name}`,
      { ...base, headers: { [name]: 'x' } },
      `config.headers.${name}`,
      expect.stringMatching(/^cannot be set: the HTTP client /),
    ]),
    [
      'a literal CR/LF in a header value',
      { ...base, headers: { 'X-A': 'a\r\nX-B: 1' } },
      'config.headers.X-A',
      'contains CR or LF, which cannot be sent in a header',
    ],
    [
      'a literal CR/LF around a template in a header value',
      { ...base, headers: { 'X-A': '{{ trigger.body.a }}\n' } },
      'config.headers.X-A',
      'contains CR or LF, which cannot be sent in a header',
    ],
    [
      'a literal control character in a header value',
      { ...base, headers: { 'X-A': 'a\u0000' } },
      'config.headers.X-A',
      expect.stringContaining('control character'),
    ],
    [
      'a literal emoji in a header value',
      { ...base, headers: { 'X-A': 'hi 🎉 {{ trigger.body.a }}' } },
      'config.headers.X-A',
      expect.stringContaining('outside Latin-1'),
    ],
    [
      'a client-managed auth header',
      { ...base, auth: { type: 'api_key', credentialId: CREDENTIAL, headerName: 'Host' } },
      'config.auth.headerName',
      'cannot be set: the HTTP client takes it from the URL',
    ],
    ['a query value that is not a string', { ...base, query: { page: 2 } }, 'config.query.page', 'must be string'],
    [
      'an unknown auth type',
      { ...base, auth: { type: 'oauth', credentialId: CREDENTIAL } },
      'config.auth.type',
      expect.stringContaining('must be one of "none", "basic"'),
    ],
    ['auth without type', { ...base, auth: { credentialId: CREDENTIAL } }, 'config.auth.type', 'is required'],
    ['basic without credential', { ...base, auth: { type: 'basic' } }, 'config.auth.credentialId', 'is required'],
    ['bearer without credential', { ...base, auth: { type: 'bearer' } }, 'config.auth.credentialId', 'is required'],
    ['api_key without credential', { ...base, auth: { type: 'api_key' } }, 'config.auth.credentialId', 'is required'],
    [
      'a credential that is not a uuid',
      { ...base, auth: { type: 'basic', credentialId: 'my-cred' } },
      'config.auth.credentialId',
      'must be a UUID',
    ],
    [
      'headerName outside api_key',
      { ...base, auth: { type: 'bearer', credentialId: CREDENTIAL, headerName: 'X-Key' } },
      'config.auth.headerName',
      'is only allowed when auth.type is api_key',
    ],
    [
      'queryParam outside api_key',
      { ...base, auth: { type: 'none', queryParam: 'key' } },
      'config.auth.queryParam',
      'is only allowed when auth.type is api_key',
    ],
    [
      'headerName and queryParam together',
      { ...base, auth: { type: 'api_key', credentialId: CREDENTIAL, headerName: 'X-Key', queryParam: 'key' } },
      'config.auth.queryParam',
      expect.stringContaining('cannot be combined with headerName'),
    ],
    [
      'an extra auth property',
      { ...base, auth: { type: 'none', token: 'secret' } },
      'config.auth.token',
      'is not allowed',
    ],
    ['timeout 0', { ...base, timeoutMs: 0 }, 'config.timeoutMs', 'must be >= 1'],
    ['timeout above 30 s', { ...base, timeoutMs: 30_001 }, 'config.timeoutMs', 'must be <= 30000'],
    ['retry maxAttempts 0', { ...base, retry: { maxAttempts: 0 } }, 'config.retry.maxAttempts', 'must be >= 1'],
    ['retry maxAttempts 11', { ...base, retry: { maxAttempts: 11 } }, 'config.retry.maxAttempts', 'must be <= 10'],
    [
      'a negative initial delay',
      { ...base, retry: { initialDelayMs: -1 } },
      'config.retry.initialDelayMs',
      'must be >= 0',
    ],
    [
      'maxDelayMs below initialDelayMs',
      { ...base, retry: { initialDelayMs: 5000, maxDelayMs: 1000 } },
      'config.retry.maxDelayMs',
      expect.stringContaining('from initialDelayMs'),
    ],
    ['an unknown retry field', { ...base, retry: { jitter: true } }, 'config.retry.jitter', 'is not allowed'],
    [
      'a mapping value that is not a string',
      { ...base, responseMapping: { 'output.id': 1 } },
      'config.responseMapping.output.id',
      'must be string',
    ],
    [
      'a mapping target outside contact.fields and output',
      { ...base, responseMapping: { 'trigger.body.x': '$.x' } },
      'config.responseMapping.trigger.body.x',
      expect.stringContaining('contact.fields.<path> or output.<path>'),
    ],
    ...['data.id', '$.a b', '$..a', '$.a.', '$[x]', '$.a[0', 'output.x'].map(
      (path): [string, object, string, unknown] => [
        `the response path ${path}`,
        { ...base, responseMapping: { 'output.id': path } },
        'config.responseMapping.output.id',
        'must be a path into the response like $.data.id, $.items[0].id or $["odd key"]',
      ],
    ),
    [
      'a prototype mapping target',
      { ...base, responseMapping: { 'output.__proto__.x': '$.x' } },
      'config.responseMapping.output.__proto__.x',
      expect.stringContaining('is not a valid key'),
    ],
    ['signing without credential', { ...base, signing: {} }, 'config.signing.credentialId', 'is required'],
    [
      'signing with a bad credential',
      { ...base, signing: { credentialId: 'x' } },
      'config.signing.credentialId',
      'must be a UUID',
    ],
    ['maxResponseBytes 0', { ...base, maxResponseBytes: 0 }, 'config.maxResponseBytes', 'must be >= 1'],
    [
      'maxResponseBytes above 10 MiB',
      { ...base, maxResponseBytes: 10_485_761 },
      'config.maxResponseBytes',
      'must be <= 10485760',
    ],
    ['rateLimitPerSecond 0', { ...base, rateLimitPerSecond: 0 }, 'config.rateLimitPerSecond', 'must be > 0'],
    ['an unknown property', { ...base, followRedirects: true }, 'config.followRedirects', 'is not allowed'],
  ])('rejects %s', (_case, config, field, message) => {
    expect(errors(config)).toContainEqual({ field, message });
  });
});

describe('httpActionUrlProblem', () => {
  it.each([
    'https://example.com',
    'http://example.com:8080/a/b?c=d#e',
    'HTTP://EXAMPLE.COM',
    'http://[::1]:4599/',
    '{{ trigger.body.url }}',
    'https://{{ contact.fields.host }}/x',
    '{{ base }}/path',
    'http{{ s }}://example.com',
  ])('accepts %s', (url) => {
    expect(httpActionUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['ftp://example.com', 'must use http or https, not ftp'],
    ['javascript:alert(1)', 'must use http or https, not javascript'],
    ['mailto:{{ contact.fields.email }}', 'must use http or https, not mailto'],
    ['example.com/x', 'must be an absolute http(s) URL or a template containing {{ }}'],
    ['https://user@example.com', 'must not contain credentials; use auth with a credential instead'],
  ])('refuses %s', (url, problem) => {
    expect(httpActionUrlProblem(url)).toBe(problem);
  });
});
