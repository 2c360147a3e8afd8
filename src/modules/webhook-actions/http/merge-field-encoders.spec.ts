import { encodeUrlComponent, escapeHtml, stripCrLf } from './merge-field-encoders.js';

describe('merge-field encoders', () => {
  describe('encodeUrlComponent', () => {
    it.each([
      ['plain', 'plain'],
      ['a b', 'a%20b'],
      ['../../admin', '..%2F..%2Fadmin'],
      ['x?admin=1#frag', 'x%3Fadmin%3D1%23frag'],
      ['a&b=c', 'a%26b%3Dc'],
      ['@evil.com:80', '%40evil.com%3A80'],
      ["it's (ok)!*", 'it%27s%20%28ok%29%21%2A'],
      ['100%', '100%25'],
      ['é€', '%C3%A9%E2%82%AC'],
      ['line\r\nbreak', 'line%0D%0Abreak'],
      ['bad \ud800 surrogate', 'bad%20%EF%BF%BD%20surrogate'],
    ])('encodes %p as %p', (value, expected) => {
      expect(encodeUrlComponent(value)).toBe(expected);
    });

    it('keeps a value inside its path segment and query parameter', () => {
      const url = new URL(
        `https://api.example.test/users/${encodeUrlComponent('1/../../admin?x=1')}?q=${encodeUrlComponent('a&role=admin')}`,
      );
      expect(url.pathname).toBe('/users/1%2F..%2F..%2Fadmin%3Fx%3D1');
      expect([...url.searchParams.entries()]).toEqual([['q', 'a&role=admin']]);
    });
  });

  describe('stripCrLf', () => {
    it.each([
      ['value', 'value'],
      ['a\r\nX-Injected: 1', 'aX-Injected: 1'],
      ['a\nb\rc', 'abc'],
      ['nul\u0000byte', 'nulbyte'],
      ['tab\tkept', 'tab\tkept'],
      ['del\u007f', 'del'],
      ['unicode é ok', 'unicode é ok'],
    ])('turns %p into %p', (value, expected) => {
      expect(stripCrLf(value)).toBe(expected);
    });
  });

  describe('escapeHtml', () => {
    it('escapes markup and attribute breakers', () => {
      expect(escapeHtml(`<script>alert("x")</script> & 'y' \`z\``)).toBe(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;z&#96;',
      );
    });

    it('escapes an ampersand once, leaving plain text alone', () => {
      expect(escapeHtml('&amp; plain text')).toBe('&amp;amp; plain text');
      expect(escapeHtml('plain')).toBe('plain');
    });
  });
});
