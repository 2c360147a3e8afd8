import { contactUpdateNodeType } from '../../contacts/domain/contact-update.node-type.js';
import { waitNodeType } from '../../waits/domain/wait.node-type.js';
import { httpActionNodeType } from '../../webhook-actions/domain/http-action.node-type.js';
import { coreNodeTypes } from './core-node-types.js';
import { NodeTypeCatalog } from './node-type-catalog.js';

describe('NodeTypeCatalog', () => {
  const catalog = new NodeTypeCatalog();
  for (const definition of [...coreNodeTypes, waitNodeType, contactUpdateNodeType, httpActionNodeType]) catalog.register(definition);

  it('refuses to register a type twice', () => {
    expect(() => catalog.register(waitNodeType)).toThrow(/registered twice/);
  });

  it.each([
    ['trigger.manual', {}],
    ['trigger.manual', { retry: { maxAttempts: 2, backoffMs: 100 } }],
    ['trigger.channel', { channelId: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10', event: 'message' }],
    ['condition', { expression: '{{ trigger.body.amount > 100 }}' }],
    ['transform', { set: { 'a.b': '{{ trigger.body }}', n: 1 } }],
    ['wait', { mode: 'webhook' }],
    ['wait', { mode: 'webhook', timeoutHours: 1 / 3600 }],
    ['wait', { mode: 'interval', seconds: 5 }],
    ['wait', { mode: 'until', at: '2026-12-01T10:00:00Z' }],
    ['contact.update', { fields: { tier: 'gold' } }],
    ['action.http', { method: 'POST', url: 'https://example.com', auth: { type: 'bearer', credentialId: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10' } }],
    ['action.http', { method: 'GET', url: '{{ trigger.body.callback }}', timeoutMs: 30000, retry: { maxAttempts: 3 } }],
  ])('accepts %s %j', (type, config) => {
    expect(catalog.validateConfig(type, config)).toEqual([]);
  });

  it.each([
    ['trigger.manual', { anything: 1 }, 'config.anything'],
    ['trigger.channel', { channelId: 'nope', event: 'message' }, 'config.channelId'],
    ['condition', { expression: 'no template here' }, 'config.expression'],
    ['transform', { set: {} }, 'config.set'],
    ['wait', { mode: 'webhook', timeoutHours: 0 }, 'config'],
    ['wait', { mode: 'interval', seconds: 0 }, 'config'],
    ['wait', { mode: 'sometime' }, 'config'],
    ['contact.update', { fields: {} }, 'config.fields'],
    ['action.http', { method: 'GET', url: 'ftp://example.com' }, 'config.url'],
    ['action.http', { method: 'TRACE', url: 'https://example.com' }, 'config.method'],
    ['action.http', { method: 'GET', url: 'https://example.com', auth: { type: 'basic' } }, 'config.auth.credentialId'],
    ['action.http', { method: 'GET', url: 'https://example.com', timeoutMs: 30001 }, 'config.timeoutMs'],
    ['action.http', { method: 'GET', url: 'https://example.com', headers: { 'X-A': 1 } }, 'config.headers.X-A'],
  ])('rejects %s %j on %s', (type, config, field) => {
    expect(catalog.validateConfig(type, config).map((error) => error.field)).toContain(field);
  });
});
