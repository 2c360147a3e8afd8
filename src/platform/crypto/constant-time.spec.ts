import { constantTimeEquals } from './constant-time.js';

describe('constantTimeEquals', () => {
  it('is true for equal strings and equal buffers', () => {
    expect(constantTimeEquals('whk_abc', 'whk_abc')).toBe(true);
    expect(constantTimeEquals(Buffer.from([1, 2, 3]), Buffer.from([1, 2, 3]))).toBe(true);
    expect(constantTimeEquals('', '')).toBe(true);
  });

  it('compares a string with a buffer by its UTF-8 bytes', () => {
    expect(constantTimeEquals('größe', Buffer.from('größe', 'utf8'))).toBe(true);
    expect(constantTimeEquals('größe', Buffer.from('größe', 'latin1'))).toBe(false);
  });

  it('is false for values that differ in one byte, first or last', () => {
    expect(constantTimeEquals('whk_abc', 'whk_abd')).toBe(false);
    expect(constantTimeEquals('xhk_abc', 'whk_abc')).toBe(false);
  });

  it('is false, without throwing, for values of different lengths', () => {
    expect(constantTimeEquals('whk_abc', 'whk_abcd')).toBe(false);
    expect(constantTimeEquals('', 'a')).toBe(false);
    expect(constantTimeEquals(Buffer.alloc(0), Buffer.alloc(1000))).toBe(false);
  });

  it('is case sensitive', () => {
    expect(constantTimeEquals('Token', 'token')).toBe(false);
  });
});
