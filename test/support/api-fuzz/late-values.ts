import { randomBytes } from 'node:crypto';
import { waitFor } from '../wait-for.js';
import type { FuzzWorld } from './fuzz-world.js';
import type { SeedClient } from './seed-client.js';

/** Resources made right before the one case that destroys or consumes them (deletes, refresh, logout). */
export type FreshKind =
  | 'workflowId'
  | 'userId'
  | 'apiKeyId'
  | 'credentialId'
  | 'channelId'
  | 'webhookId'
  | 'refreshToken'
  | 'ownerRefreshToken';
/** Single-use things seeded in advance, as many as the cases draw: each valid case gets its own. */
export type PoolKind = 'resumeId' | 'waitingExecutionId' | 'failedExecutionId';

export const fresh = (kind: FreshKind): string => `⟦fresh:${kind}⟧`;
export const fromPool = (kind: PoolKind): string => `⟦pool:${kind}⟧`;

const PLACEHOLDER = /⟦(fresh|pool):(\w+)⟧/g;

interface ExecutionView {
  status: string;
  nodeExecutions: { nodeId: string; output: unknown }[];
}

/**
 * Fills the placeholders cases carry until they are sent. Generation stays free of server state and
 * of I/O; the values depend only on the order cases are sent in, which the seed fixes.
 */
export class LateValues {
  private readonly pools: Record<PoolKind, string[]> = { resumeId: [], waitingExecutionId: [], failedExecutionId: [] };

  constructor(
    private readonly world: FuzzWorld,
    private readonly api: SeedClient,
  ) {}

  /** How many of each pool `texts` (the cases' paths and bodies) will draw. */
  static demand(texts: Iterable<string>): Record<PoolKind, number> {
    const demand: Record<PoolKind, number> = { resumeId: 0, waitingExecutionId: 0, failedExecutionId: 0 };
    for (const text of texts)
      for (const match of text.matchAll(PLACEHOLDER)) if (match[1] === 'pool') demand[match[2] as PoolKind] += 1;
    return demand;
  }

  /** Seeds the pools: executions waiting at a webhook wait (resume ids, cancellable) and failed executions (retryable). */
  async fill(demand: Record<PoolKind, number>): Promise<void> {
    const waiting = await this.executions(
      this.world.workflows.wait,
      demand.resumeId + demand.waitingExecutionId,
      'waiting',
    );
    const views = await Promise.all(waiting.map((id) => this.api.call<ExecutionView>('get', `/api/executions/${id}`)));
    const resumeIds = views.map((view) => {
      const url = (view.nodeExecutions.find((node) => node.nodeId === 'expose')?.output as { url?: string } | null)
        ?.url;
      if (!url) throw new Error('fuzz setup: a waiting execution exposes no resume URL');
      return url.slice(url.lastIndexOf('/') + 1);
    });
    this.pools.resumeId = resumeIds.slice(0, demand.resumeId);
    this.pools.waitingExecutionId = waiting.slice(demand.resumeId);
    this.pools.failedExecutionId = await this.executions(
      this.world.workflows.failing,
      demand.failedExecutionId,
      'failed',
    );
  }

  /** A resolver for one case: the same placeholder gets the same value within the case. */
  forCase(): (text: string) => Promise<string> {
    const chosen = new Map<string, string>();
    return async (text) => {
      let result = text;
      for (const [placeholder, source, name] of new Set(
        [...text.matchAll(PLACEHOLDER)].map((m) => [m[0], m[1], m[2]] as const),
      )) {
        if (!chosen.has(placeholder))
          chosen.set(placeholder, source === 'pool' ? this.take(name as PoolKind) : await this.make(name as FreshKind));
        result = result.split(placeholder).join(chosen.get(placeholder)!);
      }
      return result;
    };
  }

  /** The next unused item; once a pool is spent its last item again (the case then meets a used resource, a 409). */
  private take(kind: PoolKind): string {
    const pool = this.pools[kind];
    if (pool.length === 0) throw new Error(`fuzz setup: the ${kind} pool is empty`);
    return pool.length > 1 ? pool.shift()! : pool[0];
  }

  private async make(kind: FreshKind): Promise<string> {
    const unique = randomBytes(4).toString('hex');
    const world = this.world;
    switch (kind) {
      case 'workflowId':
        return (
          await this.api.call<{ id: string }>('post', '/api/workflows', {
            name: `Fresh ${unique}`,
            nodes: [{ id: 'start', type: 'trigger.manual', config: {} }],
            edges: [],
          })
        ).id;
      case 'userId':
        return (
          await this.api.call<{ id: string }>('post', '/api/users', {
            email: `fresh-${unique}@example.com`,
            password: 'a long first password',
            role: 'viewer',
          })
        ).id;
      case 'apiKeyId':
        return (
          await this.api.call<{ id: string }>('post', '/api/api-keys', { name: `Fresh ${unique}`, role: 'viewer' })
        ).id;
      case 'credentialId':
        return (
          await this.api.call<{ id: string }>('post', '/api/credentials', {
            name: `Fresh ${unique}`,
            type: 'bearer',
            data: { token: `token-${unique}` },
          })
        ).id;
      case 'channelId':
        return (
          await this.api.call<{ id: string }>('post', '/api/channels', {
            provider: 'zapier',
            name: `Fresh ${unique}`,
            credentials: { appSecret: unique },
          })
        ).id;
      case 'webhookId':
        return (
          await this.api.call<{ id: string }>('post', '/api/webhooks', {
            name: `Fresh ${unique}`,
            workflowId: world.workflows.webhook,
            nodeId: 'inbound',
            provider: 'generic',
          })
        ).id;
      case 'refreshToken':
        return (await this.api.as({}).call<{ refreshToken: string }>('post', '/api/auth/login', world.signIn))
          .refreshToken;
      case 'ownerRefreshToken':
        return (
          await this.api.as({}).call<{ refreshToken: string }>('post', '/api/auth/login', {
            email: world.owner.email,
            password: world.owner.password,
          })
        ).refreshToken;
    }
  }

  /** Starts `count` executions of a workflow and waits until all of them reach `status`. */
  private async executions(workflowId: string, count: number, status: string): Promise<string[]> {
    if (count === 0) return [];
    const ids: string[] = [];
    for (let started = 0; started < count; started += 10) {
      const batch = Array.from({ length: Math.min(10, count - started) }, () =>
        this.api.call<{ executionId: string }>('post', `/api/workflows/${workflowId}/execute`, { input: {} }),
      );
      ids.push(...(await Promise.all(batch)).map((accepted) => accepted.executionId));
    }
    const wanted = new Set(ids);
    await waitFor(
      async () => (await this.idsWithStatus(workflowId, status)).filter((id) => wanted.has(id)).length,
      (reached) => reached === count,
      30_000,
    );
    return ids;
  }

  private async idsWithStatus(workflowId: string, status: string): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { items } = await this.api.call<{ items: { id: string }[] }>(
        'get',
        `/api/workflows/${workflowId}/executions?status=${status}&limit=100&page=${page}`,
      );
      ids.push(...items.map((item) => item.id));
      if (items.length < 100) return ids;
    }
  }
}
