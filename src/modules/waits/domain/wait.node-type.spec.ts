import { NodeTypeCatalog } from '../../workflows/domain/node-type-catalog.js';
import { hasDefaultOutput } from '../../workflows/domain/node-type-definition.js';
import { waitNodeType } from './wait.node-type.js';

describe('waitNodeType', () => {
  const catalog = new NodeTypeCatalog();
  catalog.register(waitNodeType);
  const errors = (config: unknown) => catalog.validateConfig('wait', config);

  it('has its normal (default) output and an optional timeout branch', () => {
    expect(waitNodeType.branches).toEqual(['timeout']);
    expect(hasDefaultOutput(waitNodeType)).toBe(true);
  });

  it.each([
    { mode: 'webhook' },
    { mode: 'webhook', timeoutHours: 24 },
    { mode: 'webhook', timeoutHours: 1 / 3600 },
    { mode: 'webhook', timeoutHours: 0.5 },
    { mode: 'webhook', timeoutHours: 8760 },
    { mode: 'webhook', retry: { maxAttempts: 2 } },
    { mode: 'interval', seconds: 5 },
    { mode: 'interval', seconds: 0.25 },
    { mode: 'interval', seconds: 31_536_000, retry: { backoffMs: 10 } },
    { mode: 'until', at: '2026-12-01T10:00:00Z' },
    { mode: 'until', at: '2026-12-01T10:00:00.123+02:00' },
  ])('accepts %j', (config) => {
    expect(errors(config)).toEqual([]);
  });

  it.each([
    [{}, 'config.mode', 'is required'],
    [{ mode: 'sometime' }, 'config.mode', 'must be one of "webhook", "interval", "until"'],
    [{ mode: 3 }, 'config.mode', 'must be one of "webhook", "interval", "until"'],
    [
      { mode: 'webhook', timeoutHours: 0 },
      'config.timeoutHours',
      'must be a number of hours from 1/3600 (one second) up to 8760',
    ],
    [{ mode: 'webhook', timeoutHours: 0.0002 }, 'config.timeoutHours', expect.stringContaining('one second')],
    [{ mode: 'webhook', timeoutHours: 8761 }, 'config.timeoutHours', expect.stringContaining('up to 8760')],
    [{ mode: 'webhook', timeoutHours: '24' }, 'config.timeoutHours', expect.stringContaining('number of hours')],
    [{ mode: 'webhook', seconds: 5 }, 'config.seconds', 'is not allowed'],
    [{ mode: 'webhook', retry: { maxAttempts: 0 } }, 'config.retry.maxAttempts', 'must be >= 1'],
    [{ mode: 'interval' }, 'config.seconds', 'is required'],
    [{ mode: 'interval', seconds: 0 }, 'config.seconds', expect.stringContaining('above 0')],
    [{ mode: 'interval', seconds: -1 }, 'config.seconds', expect.stringContaining('above 0')],
    [{ mode: 'interval', seconds: 31_536_001 }, 'config.seconds', expect.stringContaining('up to 31536000')],
    [{ mode: 'interval', seconds: 5, at: '2026-12-01T10:00:00Z' }, 'config.at', 'is not allowed'],
    [{ mode: 'until' }, 'config.at', 'is required'],
    [{ mode: 'until', at: 'tomorrow' }, 'config.at', expect.stringContaining('ISO-8601 date-time')],
    [{ mode: 'until', at: '2026-12-01T10:00:00' }, 'config.at', expect.stringContaining('with a time zone')],
    [{ mode: 'until', at: '2026-12-01T10:00:00Z', timeoutHours: 1 }, 'config.timeoutHours', 'is not allowed'],
  ])('rejects %j on %s', (config, field, message) => {
    expect(errors(config)).toEqual([{ field, message }]);
  });
});
