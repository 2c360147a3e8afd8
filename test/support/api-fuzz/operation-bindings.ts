import { hexSignature } from '../signing.js';
import {
  actionConfigAttacks,
  credentialDataAttacks,
  payloadAttacks,
  webhookBindingAttacks,
  workflowGraphAttacks,
} from './domain-attacks.js';
import type { FuzzWorld } from './fuzz-world.js';
import { whatsappMessage } from './fuzz-world.js';
import { fresh, fromPool } from './late-values.js';
import type { Prng } from './prng.js';
import type { Attack } from './request-attacks.js';
import { type Overrides, OMIT } from './schema-values.js';
import { validActionConfig, validActionContext, validGraph } from './valid-configs.js';

export interface BindingContext {
  world: FuzzWorld;
  prng: Prng;
}

/** A request sent after every other case because it would break what the rest relies on. */
export interface LastRequest {
  label: string;
  /** Order among the last requests: the ones that take the acting owner's rights away go at the very end. */
  rank: number;
  path: Record<string, string>;
  body?: unknown;
}

/**
 * What the document cannot say about one operation: which real resources its path parameters name,
 * which body and query values are semantically valid, which headers an unauthenticated route needs.
 */
export interface OperationBinding {
  /** Path parameters of an existing resource (consistent with each other), a fresh one, or a pool draw. */
  path?: (c: BindingContext) => Record<string, string>;
  query?: (c: BindingContext) => Record<string, () => string | typeof OMIT>;
  body?: (c: BindingContext) => Overrides;
  /** The body of a route whose document names none (provider payloads). */
  payload?: (c: BindingContext) => unknown;
  /** Credentials of a public route (ingress and trigger tokens), sent with every case but the auth ones. */
  token?: (c: BindingContext, path: Record<string, string>) => { header: string; value: string };
  /** Body attacks only this operation's semantics make (graphs, node configs, credential data). */
  bodyAttacks?: () => Attack[];
  /** Headers computed over the exact body sent (provider signatures). */
  sign?: (c: BindingContext) => (rawBody: string) => Record<string, string>;
  last?: (c: BindingContext) => LastRequest[];
}

const pick = <T>(c: BindingContext, items: readonly T[]) => c.prng.pick(items);
/** dateFrom ≤ dateTo, in the ISO 8601 forms the document's examples use. */
function dateRange(c: BindingContext): Record<string, () => string> {
  const [from, to] = c.prng.pick([
    ['2026-01-01T00:00:00Z', '2026-11-30'],
    ['2020-02-29T23:59:59.999Z', new Date(Date.now() + 86_400_000).toISOString()],
    ['2026-11-30', '2026-11-30'],
  ]);
  return { dateFrom: () => from, dateTo: () => to };
}

/** Graph fields go together: both or neither. */
function graphOverrides(c: BindingContext, optional: boolean): Overrides {
  const include = !optional || c.prng.chance(0.5);
  const graph = validGraph(c.prng, c.world.targets);
  return { nodes: () => (include ? graph.nodes : OMIT), edges: () => (include ? graph.edges : OMIT) };
}

function webhookOverrides(c: BindingContext): Overrides {
  return {
    workflowId: () => c.world.workflows.webhook,
    nodeId: () => 'inbound',
    'config.expectedPayloadSchema': () =>
      c.prng.pick([{ type: 'object' }, { type: 'object', properties: { amount: { type: 'number' } } }]),
    'config.transformationTemplate': () =>
      c.prng.pick([{ text: '{{ trigger.body.text }}' }, { amount: '{{ trigger.body.amount }}', fixed: 'x' }]),
  };
}

function credentialOverrides(c: BindingContext): Overrides {
  const [type, data] = c.prng.pick([
    ['basic', { username: 'fuzz', password: 'secret 🚀' }],
    ['bearer', { token: 'sk_fuzz_0123456789' }],
    ['api_key', { key: 'key-fuzz-0123456789' }],
    ['signing', {}],
  ] as const);
  return { type: () => type, data: () => data };
}

const sameWorkflowNode = (c: BindingContext) => {
  const { workflowId, nodeId } = pick(c, c.world.workflowNodes);
  return { id: workflowId, nodeId };
};

export const OPERATION_BINDINGS: Record<string, OperationBinding> = {
  'POST /api/auth/login': {
    body: (c) => ({ email: () => c.world.signIn.email, password: () => c.world.signIn.password }),
  },
  'POST /api/auth/refresh': { body: () => ({ refreshToken: () => fresh('refreshToken') }) },
  'POST /api/auth/logout': {
    body: () => ({ refreshToken: () => fresh('ownerRefreshToken') }),
    last: (c) => [
      {
        label: "logout of the seeding session's refresh token",
        rank: 4,
        path: {},
        body: { refreshToken: c.world.owner.refreshToken },
      },
    ],
  },
  'PATCH /api/users/{id}': {
    path: (c) => ({ id: pick(c, c.world.users) }),
    last: (c) => [
      { label: 'the owner demotes themself', rank: 5, path: { id: c.world.owner.userId }, body: { role: 'viewer' } },
    ],
  },
  'DELETE /api/users/{id}': {
    path: () => ({ id: fresh('userId') }),
    last: (c) => [{ label: 'the owner deletes themself', rank: 6, path: { id: c.world.owner.userId } }],
  },
  'DELETE /api/api-keys/{id}': { path: () => ({ id: fresh('apiKeyId') }) },
  'POST /api/workflows': { body: (c) => graphOverrides(c, false), bodyAttacks: workflowGraphAttacks },
  'GET /api/workflows': {
    query: (c) => ({
      tag: () => pick(c, ['sales', 'mercadolibre', 'none']),
      search: () => pick(c, ['Fuzz', 'editable', 'ü']),
    }),
  },
  'GET /api/workflows/{id}': { path: (c) => ({ id: pick(c, c.world.workflows.all) }) },
  'PUT /api/workflows/{id}': {
    path: (c) => ({ id: pick(c, c.world.workflows.editable) }),
    body: (c) => ({ ...graphOverrides(c, true), version: () => OMIT }),
    bodyAttacks: workflowGraphAttacks,
  },
  'DELETE /api/workflows/{id}': {
    path: () => ({ id: fresh('workflowId') }),
    last: (c) => [
      { label: 'archive the workflow every webhook is bound to', rank: 3, path: { id: c.world.workflows.webhook } },
    ],
  },
  'POST /api/workflows/{id}/publish': {
    path: (c) => ({ id: pick(c, [c.world.workflows.manual, ...c.world.workflows.editable]) }),
  },
  'GET /api/workflows/{id}/versions': { path: (c) => ({ id: pick(c, c.world.workflows.all) }) },
  'GET /api/workflows/{id}/versions/{version}': { path: (c) => ({ id: pick(c, c.world.workflows.all), version: '1' }) },
  'POST /api/workflows/{id}/versions/{version}/revert': {
    path: (c) => ({ id: pick(c, c.world.workflows.editable), version: '1' }),
  },
  'GET /api/workflows/{id}/trigger-token': { path: (c) => ({ id: pick(c, c.world.workflows.all) }) },
  'POST /api/workflows/{id}/trigger-token/regenerate': {
    path: (c) => ({ id: pick(c, c.world.workflows.editable) }),
    last: (c) => [
      { label: 'regenerate the trigger token the trigger cases use', rank: 1, path: { id: c.world.workflows.webhook } },
    ],
  },
  'POST /api/workflows/{id}/execute': {
    path: (c) => ({ id: pick(c, [c.world.workflows.manual, c.world.workflows.manual, c.world.workflows.failing]) }),
  },
  'GET /api/workflows/{id}/executions': {
    path: (c) => ({ id: pick(c, c.world.workflows.all) }),
    query: (c) => dateRange(c),
  },
  'GET /api/workflows/{id}/nodes/{nodeId}/executions': { path: sameWorkflowNode },
  'GET /api/executions/{id}': { path: (c) => ({ id: pick(c, c.world.executions) }) },
  'POST /api/executions/{id}/cancel': { path: () => ({ id: fromPool('waitingExecutionId') }) },
  'POST /api/executions/{id}/retry': { path: () => ({ id: fromPool('failedExecutionId') }) },
  'POST /api/credentials': { body: credentialOverrides, bodyAttacks: credentialDataAttacks },
  'DELETE /api/credentials/{id}': { path: () => ({ id: fresh('credentialId') }) },
  'POST /api/webhook-actions/test': {
    body: (c) => ({
      config: () => validActionConfig(c.prng, c.world.targets),
      context: () => (c.prng.chance(0.8) ? validActionContext(c.prng) : OMIT),
    }),
    bodyAttacks: actionConfigAttacks,
  },
  'GET /api/webhook-actions/executions': {
    query: (c) => ({ workflowId: () => c.world.workflows.webhook, nodeId: () => 'notify' }),
  },
  'GET /api/webhook-actions/executions/{id}': { path: (c) => ({ id: pick(c, c.world.actionExecutions) }) },
  'POST /webhook/workflow/resume/{resumeId}': {
    path: () => ({ resumeId: fromPool('resumeId') }),
    bodyAttacks: payloadAttacks,
  },
  'GET /webhook/workflow/resume/{resumeId}': { path: () => ({ resumeId: fromPool('resumeId') }) },
  'POST /webhook/workflow/trigger/{workflowId}': {
    path: (c) => ({ workflowId: c.world.workflows.webhook }),
    token: (c) => ({ header: 'X-Webhook-Token', value: c.world.triggerToken }),
    bodyAttacks: payloadAttacks,
  },
  'GET /api/contacts': {
    query: (c) => ({ search: () => pick(c, [...c.world.contactNames, 'fuzz-customer', 'nobody']) }),
  },
  'GET /api/contacts/{id}': { path: (c) => ({ id: pick(c, c.world.contacts) }) },
  'POST /api/webhooks': { body: webhookOverrides, bodyAttacks: webhookBindingAttacks },
  'GET /api/webhooks': { query: (c) => ({ workflowId: () => c.world.workflows.webhook, nodeId: () => 'inbound' }) },
  'GET /api/webhooks/{id}': { path: (c) => ({ id: pick(c, c.world.webhooks.all) }) },
  'PUT /api/webhooks/{id}': {
    path: (c) => ({ id: pick(c, c.world.webhooks.editable) }),
    body: webhookOverrides,
    bodyAttacks: webhookBindingAttacks,
  },
  'DELETE /api/webhooks/{id}': {
    path: (c) => ({ id: c.prng.chance(0.5) ? fresh('webhookId') : pick(c, c.world.webhooks.toggled) }),
  },
  'POST /api/webhooks/{id}/activate': { path: (c) => ({ id: pick(c, c.world.webhooks.toggled) }) },
  'POST /api/webhooks/{id}/regenerate-token': {
    path: (c) => ({ id: pick(c, c.world.webhooks.editable) }),
    last: (c) => [
      { label: 'regenerate the token the ingress cases use', rank: 2, path: { id: c.world.webhooks.ingress.id } },
    ],
  },
  'GET /api/webhooks/{id}/events': {
    path: (c) => ({ id: pick(c, [c.world.webhooks.ingress.id, c.world.webhooks.whatsapp.id]) }),
    query: (c) => dateRange(c),
  },
  'GET /api/webhooks/{id}/events/{eventId}': { path: (c) => eventPair(c) },
  'POST /api/webhooks/{id}/events/{eventId}/replay': { path: (c) => eventPair(c) },
  'POST /webhooks/{webhookId}': {
    path: (c) => ({ webhookId: c.world.webhooks.ingress.id }),
    payload: (c) => genericPayload(c),
    token: (c) => ({ header: 'X-Webhook-Token', value: c.world.webhooks.ingress.authToken }),
    bodyAttacks: payloadAttacks,
  },
  'GET /webhooks/{webhookId}': {
    path: (c) => ({ webhookId: c.world.webhooks.whatsapp.id }),
    query: (c) => ({
      'hub.mode': () => 'subscribe',
      'hub.verify_token': () => c.world.webhooks.whatsapp.verifyToken,
      'hub.challenge': () => String(c.prng.int(1, 1e9)),
    }),
  },
  'POST /webhooks/{webhookId}/{provider}': {
    path: (c) =>
      c.prng.chance(0.5)
        ? { webhookId: c.world.webhooks.ingress.id, provider: 'generic' }
        : { webhookId: c.world.webhooks.whatsapp.id, provider: 'whatsapp' },
    payload: (c) => (c.prng.chance(0.5) ? genericPayload(c) : whatsappMessage(`wamid.fuzz-${c.prng.uuid()}`)),
    token: (c, path) => ({
      header: 'X-Webhook-Token',
      value: path.provider === 'whatsapp' ? c.world.webhooks.whatsapp.authToken : c.world.webhooks.ingress.authToken,
    }),
    bodyAttacks: payloadAttacks,
  },
  'GET /webhooks/{webhookId}/status': { path: (c) => ({ webhookId: pick(c, c.world.webhooks.all) }) },
  'POST /api/channels': {
    body: (c) => ({ credentials: () => ({ appSecret: `secret-${c.prng.int(1, 1e6)}`, accessToken: 'EAAG-fuzz' }) }),
  },
  'GET /api/channels/{id}': { path: (c) => ({ id: pick(c, c.world.channels.all) }) },
  'PUT /api/channels/{id}': { path: (c) => ({ id: pick(c, c.world.channels.editable) }) },
  'DELETE /api/channels/{id}': { path: () => ({ id: fresh('channelId') }) },
  'POST /webhooks/{channelId}/{provider}/{event}': {
    path: (c) => ({
      channelId: c.world.channels.ingress.id,
      provider: c.world.channels.ingress.provider,
      event: pick(c, ['message', 'message', 'comment']),
    }),
    payload: (c) => genericPayload(c),
    sign: (c) => (rawBody) => ({ 'X-Signature-256': hexSignature(c.world.channelAppSecret, rawBody) }),
    bodyAttacks: payloadAttacks,
  },
  'GET /api/analytics/workflows': { query: dateRange },
  'GET /api/analytics/webhooks': { query: dateRange },
  'GET /api/analytics/nodes': {
    query: (c) => ({
      ...dateRange(c),
      workflowId: () => pick(c, [c.world.workflows.webhook, c.world.workflows.manual]),
    }),
  },
  'GET /api/analytics/webhook-actions': { query: dateRange },
};

function eventPair(c: BindingContext): Record<string, string> {
  const { webhookId, eventId } = pick(c, c.world.events);
  return { id: webhookId, eventId };
}

/** What a generic sender posts: any JSON, sometimes naming its customer (which upserts a contact). */
function genericPayload(c: BindingContext): unknown {
  const payload: Record<string, unknown> = {
    type: pick(c, ['order.created', 'lead', 'ping']),
    amount: c.prng.int(0, 1000),
    text: pick(c, ['hola', 'Café 🚀', '注文']),
  };
  if (c.prng.chance(0.4)) payload.customerId = `fuzz-customer-${c.prng.int(0, 5)}`;
  if (c.prng.chance(0.3))
    payload.items = Array.from({ length: c.prng.int(0, 5) }, (_, i) => ({ sku: `S-${i}`, qty: i }));
  return payload;
}
