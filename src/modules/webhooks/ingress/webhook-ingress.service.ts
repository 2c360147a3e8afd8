import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { IncomingHttpHeaders } from 'node:http';
import { DataSource } from 'typeorm';
import { BatcherSaturatedError, MicroBatcher } from '../../../platform/batching/micro-batcher.js';
import { constantTimeEquals } from '../../../platform/crypto/constant-time.js';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { sha256Hex } from '../../../platform/crypto/tokens.js';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { DependencyUnavailableError } from '../../../platform/errors/dependency-unavailable.error.js';
import { RateLimitedError } from '../../../platform/errors/rate-limited.error.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { withTimeout } from '../../../platform/redis/with-timeout.js';
import { webhookInactive, webhookNotFound } from '../domain/webhook-errors.js';
import type { WebhookEntity } from '../entities/webhook.entity.js';
import {
  presentedToken,
  ProviderAdapterFactory,
  webhookUnauthorized,
  withoutSecretHeaders,
} from '../../webhook-providers/index.js';
import { WebhookStats } from '../webhook-stats.js';
import { WEBHOOK_SECRET_AAD } from '../webhook-token.js';
import { IngressMetrics } from './ingress-metrics.js';
import { IngressRateLimiter } from './ingress-rate-limiter.js';
import { WebhookEventStore } from './webhook-event.store.js';

export interface IngressRequest {
  webhookId: string;
  providerSegment?: string;
  headers: IncomingHttpHeaders;
  query: Record<string, unknown>;
  body: unknown;
  rawBody: Buffer;
  sourceIp: string;
}

export interface IngressResult {
  status: 'accepted' | 'duplicate';
  eventId: string;
}

export interface WebhookEventJob {
  eventId: string;
  tenantId: string;
  correlationId?: string;
}

/** Redis slower than this (or down) does not hold the 202: the sweeper queues the stored event later. */
const QUEUE_TIMEOUT_MS = 250;

type IngressWebhook = Pick<
  WebhookEntity,
  'id' | 'tenantId' | 'provider' | 'status' | 'authTokenHash' | 'secretKeySealed' | 'config'
>;

/**
 * The hot path: authenticate, rate-limit, verify the provider signature, store the event
 * (committed, de-duplicated), then queue it. A Redis failure after the commit still answers 202:
 * the sweeper queues the stored event later. PostgreSQL down answers 503.
 */
@Injectable()
export class WebhookIngressService {
  /** Concurrent deliveries look their webhooks up in one query. */
  private readonly webhooks = new MicroBatcher<string, IngressWebhook | undefined>(
    async (ids) => {
      const { rows } = await pgPool(this.dataSource).query<IngressWebhook>(
        `SELECT id, tenant_id AS "tenantId", provider, status, auth_token_hash AS "authTokenHash", secret_key_sealed AS "secretKeySealed", config
           FROM webhooks WHERE id = ANY($1::uuid[])`,
        [[...new Set(ids)]],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    },
    { maxBatchSize: 200, maxInFlight: 4, maxPending: 10_000 },
  );

  /** Concurrent accepted events are queued in one Redis round trip. */
  private readonly queueing = new MicroBatcher<WebhookEventJob, void>(
    async (jobs) => {
      await this.queue.addBulk(jobs.map((data) => ({ name: 'process-event', data, opts: { jobId: data.eventId } })));
      return jobs.map(() => undefined);
    },
    // Redis stalled: beyond this many waiting, events are left to the sweeper at once.
    { maxBatchSize: 200, maxInFlight: 2, maxPending: 10_000 },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
    private readonly adapters: ProviderAdapterFactory,
    private readonly rateLimiter: IngressRateLimiter,
    private readonly events: WebhookEventStore,
    private readonly stats: WebhookStats,
    private readonly metrics: IngressMetrics,
    @InjectQueue(QueueNames.webhookEvents) private readonly queue: Queue<WebhookEventJob>,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  async lookup(webhookId: string): Promise<IngressWebhook> {
    const webhook = await this.guardDatabase(() => this.webhooks.submit(webhookId));
    if (!webhook) throw webhookNotFound();
    return webhook;
  }

  async accept(request: IngressRequest): Promise<IngressResult> {
    // The rate-limit window is counted while the webhook is looked up (both answer in one wait);
    // its verdict only applies once the caller is known to have reached an active webhook.
    const withinLimit = this.rateLimiter.allow(request.webhookId, request.sourceIp);
    const webhook = await this.lookup(request.webhookId);
    if (request.providerSegment !== undefined && request.providerSegment !== webhook.provider) throw webhookNotFound();
    if (webhook.status !== 'active') throw webhookInactive();
    RequestContext.setIdentity(webhook.tenantId, undefined);
    this.stats.called(webhook.id);

    const token = presentedToken(request.headers, request.query);
    if (!token || !constantTimeEquals(sha256Hex(token), webhook.authTokenHash)) {
      this.refuse(webhook, 'unauthorized', 'token', 'missing or invalid webhook token');
      throw webhookUnauthorized(
        'Missing or invalid webhook token: send X-Webhook-Token, Authorization: Bearer or ?token=.',
      );
    }
    if (!(await withinLimit)) {
      this.metrics.request(webhook.provider, 'rate_limited');
      throw new RateLimitedError(1);
    }

    const adapter = this.adapters.for(webhook.provider);
    const headers = lowerCaseHeaders(request.headers);
    const inbound = { rawBody: request.rawBody, body: request.body, headers };
    const secret = webhook.secretKeySealed
      ? this.secretBox.openText(webhook.tenantId, webhook.secretKeySealed, WEBHOOK_SECRET_AAD)
      : null;
    const signature = adapter.verifySignature(inbound, secret, Math.floor(Date.now() / 1000));
    if (!signature.ok) {
      this.refuse(webhook, 'unauthorized', 'signature', signature.reason);
      throw webhookUnauthorized(`Signature check failed: ${signature.reason}`);
    }

    const query = Object.fromEntries(
      Object.entries(request.query).filter(([key, value]) => key !== 'token' && typeof value === 'string'),
    ) as Record<string, string>;
    const stored = await this.guardDatabase(() =>
      this.events.insert({
        tenantId: webhook.tenantId,
        webhookId: webhook.id,
        provider: webhook.provider,
        dedupKey: adapter.eventId(inbound),
        customerId: adapter.customerId(inbound),
        rawBody: request.rawBody,
        contentType: headers['content-type'] ?? null,
        headers: withoutSecretHeaders(headers) as Record<string, string>,
        query,
        sourceIp: request.sourceIp,
        correlationId: RequestContext.current()?.correlationId ?? null,
      }),
    );
    if (stored.duplicate) {
      this.metrics.request(webhook.provider, 'duplicate');
      return { status: 'duplicate', eventId: stored.eventId };
    }
    this.stats.succeeded(webhook.id);
    this.metrics.request(webhook.provider, 'accepted');
    await withTimeout(
      this.queueing.submit({
        eventId: stored.eventId,
        tenantId: webhook.tenantId,
        correlationId: RequestContext.current()?.correlationId,
      }),
      QUEUE_TIMEOUT_MS,
    ).catch((error: unknown) =>
      this.logger.warn(
        { err: error, eventId: stored.eventId },
        'event stored but not queued; the sweeper will queue it',
      ),
    );
    return { status: 'accepted', eventId: stored.eventId };
  }

  private refuse(webhook: IngressWebhook, outcome: 'unauthorized', kind: string, reason: string): void {
    this.stats.failed(webhook.id, reason);
    this.metrics.request(webhook.provider, outcome);
    this.metrics.authFailure(`webhook_${kind}`);
  }

  /**
   * Deliveries piling up behind a slow PostgreSQL (a batch queue full) → 503 naming PostgreSQL, never a
   * 202 for an unsaved event. PostgreSQL refusing connections gets the same answer from the one
   * problem-details filter.
   */
  private async guardDatabase<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw error instanceof BatcherSaturatedError ? new DependencyUnavailableError(['PostgreSQL']) : error;
    }
  }
}

function lowerCaseHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return result;
}
