import { randomBytes } from 'node:crypto';
import { addUser, registerTenant, type RegisteredTenant } from '../auth-helpers.js';
import { fixture } from '../signing.js';
import type { TestApp } from '../test-app.js';
import { SeedClient } from './seed-client.js';
import { waitFor } from '../wait-for.js';
import type { ConfigTargets, Graph } from './valid-configs.js';

/** A user the fuzz may sign in as (login, refresh) without ever touching the seeding session. */
export interface Credentials {
  email: string;
  password: string;
}

export interface WebhookHandle {
  id: string;
  provider: string;
  authToken: string;
}

/**
 * Everything seeded before the fuzz runs: resources whose real ids go into generated paths, and the
 * credentials of the actors the cases act as.
 */
export interface FuzzWorld {
  owner: RegisteredTenant;
  /** Another tenant: its token on this tenant's ids must find nothing. */
  foreign: RegisteredTenant;
  viewer: RegisteredTenant;
  /** An admin API key (`X-API-Key`). */
  apiKey: string;
  signIn: Credentials;
  targets: ConfigTargets;
  channelAppSecret: string;
  workflows: {
    manual: string;
    webhook: string;
    wait: string;
    failing: string;
    channel: string;
    /** Edited, published, reverted and re-tokened by the fuzz: nothing else depends on them. */
    editable: string[];
    all: string[];
  };
  /** (workflow, node) pairs that exist. */
  workflowNodes: { workflowId: string; nodeId: string }[];
  /** The trigger token of `workflows.webhook` (`POST /webhook/workflow/trigger/:id`). */
  triggerToken: string;
  webhooks: {
    ingress: WebhookHandle;
    whatsapp: WebhookHandle & { verifyToken: string };
    editable: string[];
    /** Deactivated and activated again by the fuzz. */
    toggled: string[];
    all: string[];
  };
  channels: { ingress: { id: string; provider: string }; editable: string[]; all: string[] };
  /** Users whose role the fuzz changes (never the owner, the viewer or the sign-in user). */
  users: string[];
  executions: string[];
  events: { webhookId: string; eventId: string }[];
  contacts: string[];
  contactNames: string[];
  actionExecutions: string[];
}

const FAILING_URL = 'http://10.0.0.1/refused-by-the-ssrf-guard';

/** Seeds one tenant with a bit of everything and lets the engine run it (executions, events, contacts, outbound calls). */
export async function seedWorld(t: TestApp, baseUrl: string, receiverUrl: string): Promise<FuzzWorld> {
  const owner = await registerTenant(t, 'Fuzz');
  const foreign = await registerTenant(t, 'Fuzz foreign');
  const viewer = await addUser(t, owner, 'viewer');
  const signInUser = await addUser(t, owner, 'editor');
  const api = new SeedClient(baseUrl, { Authorization: `Bearer ${owner.accessToken}` });

  const users = await Promise.all(
    [1, 2, 3].map((n) =>
      api.call<{ id: string }>('post', '/api/users', {
        email: `fuzz-role-${n}-${randomBytes(4).toString('hex')}@example.com`,
        password: 'a long first password',
        role: 'editor',
      }),
    ),
  );
  const apiKey = await api.call<{ key: string }>('post', '/api/api-keys', { name: 'fuzz admin key', role: 'admin' });
  const bearerCredential = await api.call<{ id: string }>('post', '/api/credentials', {
    name: 'fuzz bearer',
    type: 'bearer',
    data: { token: 'fuzz-bearer-token-0123456789' },
  });
  const signingCredential = await api.call<{ id: string }>('post', '/api/credentials', {
    name: 'fuzz signing',
    type: 'signing',
    data: {},
  });
  const channelAppSecret = `fuzz-app-secret-${randomBytes(8).toString('hex')}`;
  const channel = await api.call<{ id: string; provider: string }>('post', '/api/channels', {
    provider: 'generic',
    name: 'Fuzz channel',
    credentials: { appSecret: channelAppSecret },
  });
  const editableChannels = await Promise.all(
    [1, 2].map((n) =>
      api.call<{ id: string }>('post', '/api/channels', {
        provider: 'instagram',
        name: `Editable ${n}`,
        credentials: { appSecret: 'x' },
      }),
    ),
  );
  const targets: ConfigTargets = {
    receiverUrl,
    channelId: channel.id,
    bearerCredentialId: bearerCredential.id,
    signingCredentialId: signingCredential.id,
  };

  const createWorkflow = async (name: string, graph: Graph, publish: boolean) => {
    const { id } = await api.call<{ id: string }>('post', '/api/workflows', { name, ...graph });
    if (publish) await api.call('post', `/api/workflows/${id}/publish`);
    return { id, graph };
  };
  const manual = await createWorkflow(
    'Fuzz manual',
    graphOf([
      ['start', 'trigger.manual', {}],
      ['shape', 'transform', { set: { 'result.value': '{{ trigger.body.amount }}' } }],
    ]),
    true,
  );
  const webhook = await createWorkflow(
    'Fuzz webhook',
    graphOf([
      ['inbound', 'trigger.webhook', {}],
      ['shape', 'transform', { set: { 'event.kind': 'fuzz' } }],
      [
        'notify',
        'action.http',
        { method: 'POST', url: `${receiverUrl}/seeded`, body: { kind: '{{ nodes.shape.output.event.kind }}' } },
      ],
    ]),
    true,
  );
  const wait = await createWorkflow(
    'Fuzz wait',
    graphOf([
      ['start', 'trigger.manual', {}],
      ['expose', 'transform', { set: { url: '{{ $execution.pause.resume_url }}' } }],
      ['pause', 'wait', { mode: 'webhook', timeoutHours: 1 }],
      ['after', 'transform', { set: { answer: '{{ nodes.pause.output.body }}' } }],
    ]),
    true,
  );
  const failing = await createWorkflow(
    'Fuzz failing',
    graphOf([
      ['start', 'trigger.manual', {}],
      ['blocked', 'action.http', { method: 'GET', url: FAILING_URL }],
    ]),
    true,
  );
  const channelFlow = await createWorkflow(
    'Fuzz channel',
    graphOf([
      ['listen', 'trigger.channel', { channelId: channel.id, event: 'message' }],
      ['shape', 'transform', { set: { seen: true } }],
    ]),
    true,
  );
  const editable = await Promise.all([1, 2, 3].map((n) => createWorkflow(`Fuzz editable ${n}`, manual.graph, n === 1)));
  const seededWorkflows = [manual, webhook, wait, failing, channelFlow, ...editable];

  const createWebhook = (name: string, provider: string, config?: object) =>
    api.call<WebhookHandle>('post', '/api/webhooks', {
      name,
      workflowId: webhook.id,
      nodeId: 'inbound',
      provider,
      ...(config ? { config } : {}),
    });
  const verifyToken = `verify-${randomBytes(6).toString('hex')}`;
  const ingress = await createWebhook('Fuzz ingress', 'generic');
  const whatsapp = await createWebhook('Fuzz WhatsApp', 'whatsapp', { verifyToken });
  const editableWebhooks = await Promise.all([1, 2].map((n) => createWebhook(`Fuzz editable ${n}`, 'zapier')));
  const toggled = await Promise.all([1, 2].map((n) => createWebhook(`Fuzz toggled ${n}`, 'mercadolibre')));
  await api.call('delete', `/api/webhooks/${toggled[1].id}`);
  const { triggerToken } = await api.call<{ triggerToken: string }>(
    'get',
    `/api/workflows/${webhook.id}/trigger-token`,
  );

  // Activity: executions of each kind, inbound events (generic and WhatsApp, each naming a customer), outbound calls.
  const ingressClient = api.as({ 'X-Webhook-Token': ingress.authToken });
  const contactNames = ['Ana Fuzz', 'Bruno Fuzz'];
  for (const [n, name] of contactNames.entries())
    await ingressClient.call('post', `/webhooks/${ingress.id}`, {
      customerId: `fuzz-customer-${n}`,
      name,
      amount: 120,
    });
  await api
    .as({ 'X-Webhook-Token': whatsapp.authToken })
    .call('post', `/webhooks/${whatsapp.id}`, whatsappMessage(`wamid.fuzz-${randomBytes(6).toString('hex')}`));
  const executed = await Promise.all(
    [1, 2, 3].map((amount) =>
      api.call<{ executionId: string }>('post', `/api/workflows/${manual.id}/execute`, { input: { amount } }),
    ),
  );
  await waitFor(
    async () => {
      const events = await api.call<{ items: { status: string }[] }>(
        'get',
        `/api/webhooks/${ingress.id}/events?limit=100`,
      );
      const calls = await api.call<{ total: number }>('get', '/api/webhook-actions/executions?limit=1');
      const contacts = await api.call<{ total: number }>('get', '/api/contacts?limit=1');
      return {
        decided: events.items.filter((event) => event.status !== 'received').length,
        calls: calls.total,
        contacts: contacts.total,
      };
    },
    ({ decided, calls, contacts }) =>
      decided === contactNames.length && calls >= contactNames.length && contacts >= contactNames.length,
    20_000,
  );

  const events = [ingress, whatsapp].map((hook) =>
    api
      .call<{ items: { id: string }[] }>('get', `/api/webhooks/${hook.id}/events?limit=100`)
      .then((page) => page.items.map((event) => ({ webhookId: hook.id, eventId: event.id }))),
  );
  const contacts = await api.call<{ items: { id: string }[] }>('get', '/api/contacts?limit=100');
  const actionExecutions = await api.call<{ items: { id: string }[] }>(
    'get',
    '/api/webhook-actions/executions?limit=100',
  );
  const webhookExecutions = await api.call<{ items: { id: string }[] }>(
    'get',
    `/api/workflows/${webhook.id}/executions?limit=100`,
  );

  return {
    owner,
    foreign,
    viewer,
    apiKey: apiKey.key,
    signIn: { email: signInUser.email, password: signInUser.password },
    targets,
    channelAppSecret,
    workflows: {
      manual: manual.id,
      webhook: webhook.id,
      wait: wait.id,
      failing: failing.id,
      channel: channelFlow.id,
      editable: editable.map((workflow) => workflow.id),
      all: seededWorkflows.map((workflow) => workflow.id),
    },
    workflowNodes: seededWorkflows.flatMap((workflow) =>
      workflow.graph.nodes.map((node) => ({ workflowId: workflow.id, nodeId: node.id })),
    ),
    triggerToken,
    webhooks: {
      ingress,
      whatsapp: { ...whatsapp, verifyToken },
      editable: editableWebhooks.map((hook) => hook.id),
      toggled: toggled.map((hook) => hook.id),
      all: [ingress, whatsapp, ...editableWebhooks, ...toggled].map((hook) => hook.id),
    },
    channels: {
      ingress: channel,
      editable: editableChannels.map((c) => c.id),
      all: [channel.id, ...editableChannels.map((c) => c.id)],
    },
    users: users.map((user) => user.id),
    executions: [...executed.map((e) => e.executionId), ...webhookExecutions.items.map((e) => e.id)],
    events: (await Promise.all(events)).flat(),
    contacts: contacts.items.map((contact) => contact.id),
    contactNames,
    actionExecutions: actionExecutions.items.map((call) => call.id),
  };
}

type NodeSpec = [id: string, type: string, config: Record<string, unknown>];

function graphOf(nodes: NodeSpec[]): Graph {
  return {
    nodes: nodes.map(([id, type, config]) => ({ id, type, config })),
    edges: nodes.slice(1).map(([id], i) => ({ source: nodes[i][0], target: id })),
  };
}

/** The WhatsApp message fixture (one text message, one sender) under another message id. */
export function whatsappMessage(messageId: string): object {
  const message = JSON.parse(fixture('whatsapp-message.json').toString('utf8')) as {
    entry: { changes: { value: { messages: { id: string }[] } }[] }[];
  };
  message.entry[0].changes[0].value.messages[0].id = messageId;
  return message;
}
