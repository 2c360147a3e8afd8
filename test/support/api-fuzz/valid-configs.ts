import type { Prng } from './prng.js';

export interface GraphNode {
  id: string;
  type: string;
  name?: string;
  config: Record<string, unknown>;
  position?: { x: number; y: number };
}
export interface GraphEdge {
  source: string;
  target: string;
  branch?: string;
}
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Addresses the SSRF guard refuses before connecting: generated outbound calls go either to the
 * spec's local receiver or here, never to a real outside address.
 */
export const BLOCKED_URLS = [
  'http://10.0.0.1/fuzz',
  'http://169.254.169.254/latest/meta-data/',
  'http://192.168.0.1:8080/x',
  'http://[::1]:9/loop',
] as const;

/** What the graphs and configs below may refer to. */
export interface ConfigTargets {
  receiverUrl: string;
  channelId: string;
  bearerCredentialId: string;
  signingCredentialId: string;
}

const linear = (nodes: GraphNode[]): Graph => ({
  nodes,
  edges: nodes.slice(1).map((node, i) => ({ source: nodes[i].id, target: node.id })),
});

/** Node configs are data the document leaves open (`config: object`): these are valid by each node type's schema. */
export function validGraph(prng: Prng, targets: ConfigTargets): Graph {
  const graphs: (() => Graph)[] = [
    () =>
      linear([
        { id: 'start', type: 'trigger.manual', config: {} },
        {
          id: 'shape',
          type: 'transform',
          config: { set: { 'order.total': '{{ trigger.body.amount }}', 'order.source': 'fuzz' } },
        },
      ]),
    () => ({
      nodes: [
        { id: 'start', type: 'trigger.manual', config: {}, position: { x: 0, y: 0 } },
        {
          id: 'check',
          type: 'condition',
          name: 'Big order?',
          config: { expression: '{{ trigger.body.amount > 100 }}' },
        },
        { id: 'big', type: 'transform', config: { set: { size: 'big' } } },
        { id: 'small', type: 'transform', config: { set: { size: 'small' } } },
      ],
      edges: [
        { source: 'start', target: 'check' },
        { source: 'check', target: 'big', branch: 'true' },
        { source: 'check', target: 'small', branch: 'false' },
      ],
    }),
    () =>
      linear([
        { id: 'inbound', type: 'trigger.webhook', config: {} },
        { id: 'notify', type: 'action.http', config: validActionConfig(prng, targets) },
      ]),
    () =>
      linear([
        { id: 'listen', type: 'trigger.channel', config: { channelId: targets.channelId, event: 'message' } },
        { id: 'tag', type: 'contact.update', config: { fields: { tier: '{{ trigger.body.tier }}' } } },
      ]),
    () =>
      linear([
        { id: 'start', type: 'trigger.manual', config: {} },
        {
          id: 'pause',
          type: 'wait',
          config: prng.pick([
            { mode: 'interval', seconds: 3600 },
            { mode: 'webhook', timeoutHours: 2 },
            { mode: 'until', at: '2030-01-01T00:00:00Z' },
          ]),
        },
        { id: 'after', type: 'transform', config: { set: { done: true } } },
      ]),
  ];
  return prng.pick(graphs)();
}

/** An `action.http` config valid by its schema, calling the receiver or an address the SSRF guard blocks. */
export function validActionConfig(prng: Prng, targets: ConfigTargets): Record<string, unknown> {
  const url = prng.chance(0.7) ? `${targets.receiverUrl}/fuzz/${prng.int(1, 999)}?from=fuzz` : prng.pick(BLOCKED_URLS);
  const config: Record<string, unknown> = { method: prng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']), url };
  if (prng.chance(0.5)) config.headers = { 'X-Fuzz': '{{ trigger.body.id }}', Accept: 'application/json' };
  if (prng.chance(0.4)) config.query = { q: '{{ trigger.body.q }}', page: '1' };
  if (prng.chance(0.5)) config.body = { id: '{{ trigger.body.id }}', items: [1, 2, 3], note: 'Café 🚀' };
  if (prng.chance(0.3)) config.auth = { type: 'bearer', credentialId: targets.bearerCredentialId };
  if (prng.chance(0.2)) config.signing = { credentialId: targets.signingCredentialId };
  if (prng.chance(0.4)) config.timeoutMs = prng.pick([1, 5000, 30_000]);
  if (prng.chance(0.3)) config.retry = { maxAttempts: prng.int(1, 5), backoffMs: prng.int(0, 1000) };
  if (prng.chance(0.3))
    config.responseMapping = { 'output.received': '$.received', 'contact.fields.lastCall': '$.received' };
  if (prng.chance(0.2)) config.maxResponseBytes = prng.pick([1, 1024, 1_048_576]);
  return config;
}

/** The expression context of `POST /api/webhook-actions/test`. */
export function validActionContext(prng: Prng): Record<string, unknown> {
  return {
    trigger: { body: { id: prng.int(1, 1000), q: 'shoes & socks', amount: prng.int(0, 500) } },
    contact: { fields: { tier: 'gold' } },
    nodes: {},
  };
}
