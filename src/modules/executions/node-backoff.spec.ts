import { NodeError } from './domain/node-error.js';
import { nodeBackoff } from './node-backoff.js';

describe('nodeBackoff', () => {
  const noJitter = () => 0.5;

  it('doubles from the base delay per attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => nodeBackoff(attempt, 1000, undefined, noJitter))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('jitters within ±50 %', () => {
    expect(nodeBackoff(1, 1000, undefined, () => 0)).toBe(500);
    expect(nodeBackoff(1, 1000, undefined, () => 0.999)).toBe(1499);
  });

  it('caps at 60 s', () => {
    expect(nodeBackoff(20, 1000, undefined, noJitter)).toBe(60_000);
  });

  it("caps at the node's maxDelayMs", () => {
    expect(nodeBackoff(5, 1000, undefined, () => 0.999, 3000)).toBe(3000);
  });

  it('waits at least the Retry-After the error carried', () => {
    expect(nodeBackoff(1, 100, new NodeError('rate_limited', '429', true, 5000), noJitter)).toBe(5000);
  });
});
