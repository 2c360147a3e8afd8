import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('removes userinfo and fragment and replaces every query value', () => {
    expect(redactUrl(new URL('https://user:pw@api.example.test/v1/hook?token=s3cr3t&token=2&page=1#frag'))).toBe(
      'https://api.example.test/v1/hook?token=REDACTED&page=REDACTED',
    );
  });

  it('leaves a URL without secrets as it is', () => {
    expect(redactUrl(new URL('http://127.0.0.1:4599/path'))).toBe('http://127.0.0.1:4599/path');
  });
});
