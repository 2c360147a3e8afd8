import { httpActionHeaderProblems, isHeaderField } from './http-action-headers.js';

describe('httpActionHeaderProblems', () => {
  it('accepts sendable headers, Latin-1 text and anything inside {{ }}', () => {
    expect(
      httpActionHeaderProblems({ headers: { 'X-A': 'café', 'X-B': 'id {{ $join(\n["a"], "🎉") }}', 'X-C': '' } }),
    ).toEqual([]);
  });

  it('names each header the client cannot send and the auth header', () => {
    expect(
      httpActionHeaderProblems({
        headers: { 'Content-Length': '3', 'X-A': 'a\r\nb {{ x }}', 'X-B': '{{ x }} 🎉', 'X-C': 'fine' },
        auth: { type: 'api_key', headerName: 'Upgrade' },
      }),
    ).toEqual([
      { field: 'config.headers.Content-Length', message: 'cannot be set: the HTTP client computes it from the body' },
      { field: 'config.headers.X-A', message: 'contains CR or LF, which cannot be sent in a header' },
      { field: 'config.headers.X-B', message: expect.stringContaining('outside Latin-1') },
      { field: 'config.auth.headerName', message: 'cannot be set: the HTTP client does not switch protocols' },
    ]);
  });

  it('leaves a template that does not parse to the template check', () => {
    expect(httpActionHeaderProblems({ headers: { 'X-A': 'a\n{{ never closed' } })).toEqual([]);
  });

  it('ignores what the schema reports (missing or mistyped headers)', () => {
    expect(httpActionHeaderProblems({ headers: { 'X-A': 1 }, auth: 'basic' })).toEqual([]);
    expect(httpActionHeaderProblems({})).toEqual([]);
  });
});

describe('isHeaderField', () => {
  it.each([
    ['config.headers', true],
    ['config.headers.X-A', true],
    ['config.auth.headerName', true],
    ['config.auth.queryParam', false],
    ['config.headersX', false],
    ['config.url', false],
  ])('%s → %s', (field, expected) => {
    expect(isHeaderField(field)).toBe(expected);
  });
});
