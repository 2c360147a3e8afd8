import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { IncomingHttpHeaders } from 'node:http';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { withTimeout } from '../../../platform/redis/with-timeout.js';
import { ProviderAdapterFactory, webhookUnauthorized, withoutSecretHeaders } from '../../webhook-providers/index.js';
import { CHANNEL_CREDENTIALS_AAD } from '../channel-credentials.js';
import { channelNotFound } from '../channel.repository.js';

export interface ChannelEventJob {
  eventId: string;
  tenantId: string;
  correlationId?: string;
}

interface ChannelRow {
  id: string;
  tenantId: string;
  provider: string;
  credentialsSealed: string;
}

/**
 * `POST /webhooks/:channelId/:provider/:event`: the provider signature is checked with the channel's
 * `appSecret`, the event is stored (de-duplicated by provider event id) and queued; the worker starts
 * every published workflow whose trigger.channel node listens to (channel, event).
 */
@Injectable()
export class ChannelIngressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
    private readonly adapters: ProviderAdapterFactory,
    @InjectQueue(QueueNames.channelEvents) private readonly queue: Queue<ChannelEventJob>,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  async accept(
    channelId: string,
    provider: string,
    event: string,
    headers: IncomingHttpHeaders,
    body: unknown,
    rawBody: Buffer,
  ): Promise<{ status: 'accepted' | 'duplicate'; eventId: string }> {
    const { rows } = await pgPool(this.dataSource).query<ChannelRow>(
      `SELECT id, tenant_id AS "tenantId", provider, credentials_sealed AS "credentialsSealed" FROM channels WHERE id = $1`,
      [channelId],
    );
    const channel = rows[0];
    if (!channel || channel.provider !== provider || !this.adapters.isProvider(provider)) throw channelNotFound();
    RequestContext.setIdentity(channel.tenantId, undefined);
    const credentials = this.secretBox.openJson<Record<string, string>>(
      channel.tenantId,
      channel.credentialsSealed,
      CHANNEL_CREDENTIALS_AAD,
    );
    const adapter = this.adapters.for(provider);
    const normalized = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [
        name.toLowerCase(),
        Array.isArray(value) ? value.join(', ') : value,
      ]),
    );
    const inbound = { rawBody, body, headers: normalized };
    if (!credentials.appSecret) throw webhookUnauthorized('This channel has no appSecret to verify signatures with.');
    const signature = adapter.verifySignature(inbound, credentials.appSecret, Math.floor(Date.now() / 1000));
    if (!signature.ok) throw webhookUnauthorized(`Signature check failed: ${signature.reason}`);

    const { rows: stored } = await pgPool(this.dataSource).query<{ id: string }>(
      `INSERT INTO channel_events (tenant_id, channel_id, event, status, provider_event_id, customer_id, raw_body, content_type, headers)
       VALUES ($1, $2, $3, 'received', $4, $5, $6, $7, $8)
       ON CONFLICT (channel_id, event, provider_event_id) WHERE provider_event_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        channel.tenantId,
        channel.id,
        event,
        adapter.eventId(inbound),
        adapter.customerId(inbound),
        rawBody,
        normalized['content-type'] ?? null,
        toPostgresJson(withoutSecretHeaders(normalized)),
      ],
    );
    if (!stored[0]) {
      const { rows: existing } = await pgPool(this.dataSource).query<{ id: string }>(
        `SELECT id FROM channel_events WHERE channel_id = $1 AND event = $2 AND provider_event_id = $3`,
        [channel.id, event, adapter.eventId(inbound)],
      );
      return { status: 'duplicate', eventId: existing[0].id };
    }
    await withTimeout(
      this.queue.add(
        'process-channel-event',
        { eventId: stored[0].id, tenantId: channel.tenantId, correlationId: RequestContext.current()?.correlationId },
        { jobId: stored[0].id },
      ),
      250,
    ).catch((error: unknown) =>
      this.logger.warn(
        { err: error, eventId: stored[0].id },
        'channel event stored but not queued; the sweeper will queue it',
      ),
    );
    return { status: 'accepted', eventId: stored[0].id };
  }
}
