import { findUnsendableHeader, headerNameProblem, headerValueProblem } from './outbound-header-rules.js';

describe('headerNameProblem', () => {
  it.each(['X-Request-Id', 'content-type', 'Authorization', "x!#$%&'*+.^_`|~-9"])('accepts %s', (name) => {
    expect(headerNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['Transfer-Encoding', 'computes it from the body'],
    ['content-length', 'computes it from the body'],
    ['HOST', 'takes it from the URL'],
    ['Connection', 'manages its connections'],
    ['keep-alive', 'manages its connections'],
    ['Upgrade', 'does not switch protocols'],
    ['Expect', 'does not support Expect'],
  ])('refuses %s, which the client manages', (name, why) => {
    expect(headerNameProblem(name)).toMatch(/^cannot be set: the HTTP client /);
    expect(headerNameProblem(name)).toContain(why);
  });

  it.each(['X A', 'X-A\r\nX-B', 'X:A', '', 'Ñame', 'X(A)'])('refuses %j, which is not a token', (name) => {
    expect(headerNameProblem(name)).toMatch(/is not a valid HTTP header name/);
  });
});

describe('headerValueProblem', () => {
  it.each(['', 'plain', 'tab\there', 'Latin-1: café Zoë ½ ÿ', '~!@#$%^&*()"\'<>'])('accepts %j', (value) => {
    expect(headerValueProblem(value)).toBeUndefined();
  });

  it.each([
    ['a\r\nX-Evil: 1', 'contains CR or LF'],
    ['a\nb', 'contains CR or LF'],
    ['nul\u0000', 'contains a control character'],
    ['del\u007f', 'contains a control character'],
    ['party 🎉', 'outside Latin-1'],
    ['€ 5', 'outside Latin-1'],
  ])('refuses %j and never quotes it', (value, why) => {
    const problem = headerValueProblem(value);
    expect(problem).toContain(why);
    expect(problem).not.toContain(value);
  });
});

describe('findUnsendableHeader', () => {
  it('names the first header that cannot be sent', () => {
    expect(findUnsendableHeader({ accept: 'application/json', 'x-name': 'Zoë 🎉', expect: '100-continue' })).toEqual({
      name: 'x-name',
      problem: expect.stringContaining('outside Latin-1'),
    });
  });

  it('finds nothing in sendable headers', () => {
    expect(findUnsendableHeader({ accept: 'application/json', 'x-name': 'Zoë' })).toBeUndefined();
  });
});
