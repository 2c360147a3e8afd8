import { classifyStatus, parseRetryAfter } from './http-status-classifier.js';

describe('classifyStatus', () => {
  const now = () => Date.parse('2025-01-01T00:00:00Z');

  it.each([[200], [201], [204], [302], [399]])('treats %i as delivered', (status) => {
    expect(classifyStatus(status, {}, now)).toEqual({ ok: true });
  });

  it.each([[400], [401], [403], [404], [409], [410], [422]])('fails %i at once (http_4xx, not retried)', (status) => {
    expect(classifyStatus(status, { 'retry-after': '5' }, now)).toEqual({
      ok: false,
      errorClass: 'http_4xx',
      retryable: false,
    });
  });

  it('retries 408 as http_4xx', () => {
    expect(classifyStatus(408, {}, now)).toEqual({ ok: false, errorClass: 'http_4xx', retryable: true });
  });

  it.each([[500], [502], [503], [504], [599]])('retries %i as http_5xx', (status) => {
    expect(classifyStatus(status, {}, now)).toEqual({ ok: false, errorClass: 'http_5xx', retryable: true });
  });

  it('classifies 429 as rate_limited with Retry-After seconds', () => {
    expect(classifyStatus(429, { 'Retry-After': '30' }, now)).toEqual({
      ok: false,
      errorClass: 'rate_limited',
      retryable: true,
      retryAfterMs: 30_000,
    });
  });

  it('honours Retry-After as an HTTP-date', () => {
    expect(classifyStatus(429, { 'retry-after': 'Wed, 01 Jan 2025 00:01:30 GMT' }, now)).toMatchObject({
      retryAfterMs: 90_000,
    });
    expect(classifyStatus(503, { 'retry-after': ['Wed, 01 Jan 2025 00:00:10 GMT'] }, now)).toMatchObject({
      errorClass: 'http_5xx',
      retryAfterMs: 10_000,
    });
  });

  it('leaves retryAfterMs out when the header is missing or unusable', () => {
    expect(classifyStatus(429, {}, now)).toEqual({ ok: false, errorClass: 'rate_limited', retryable: true });
    expect(classifyStatus(429, { 'retry-after': 'soon' }, now)).toEqual({
      ok: false,
      errorClass: 'rate_limited',
      retryable: true,
    });
  });
});

describe('parseRetryAfter', () => {
  const nowMs = Date.parse('2025-01-01T00:00:00Z');

  it.each([
    ['0', 0],
    [' 120 ', 120_000],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
  ])('reads %p as %p ms', (value, expected) => {
    expect(parseRetryAfter(value, nowMs)).toBe(expected);
  });

  it.each([[undefined], [''], ['-5'], ['1.5'], ['tomorrow']])('ignores %p', (value) => {
    expect(parseRetryAfter(value, nowMs)).toBeUndefined();
  });
});
