import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '../../../platform/batching/micro-batcher.js';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';
import { unnestColumns } from '../../../platform/database/unnest-columns.js';

export interface NewWebhookEvent {
  tenantId: string;
  webhookId: string;
  provider: string;
  dedupKey: string | null;
  customerId: string | null;
  rawBody: Buffer;
  contentType: string | null;
  headers: Record<string, string>;
  query: Record<string, string>;
  sourceIp: string | null;
  correlationId: string | null;
}

export interface StoredWebhookEvent {
  eventId: string;
  duplicate: boolean;
}

interface BatchRow {
  id: string;
  owner: boolean;
  existing: string | null;
}

const DEDUP_WINDOW = '24 hours';

/**
 * One statement stores a whole batch of concurrent deliveries: the rows arrive as arrays (unnest),
 * provider event ids are claimed in webhook_event_keys (the (webhook, key) primary key makes exactly one
 * of concurrent duplicates the owner, within 24 h), and only claimed or keyless events are inserted.
 * The final SELECT sees the keys as they were before the statement, so a duplicate learns its owner.
 */
const INSERT_BATCH = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::text[], $9::jsonb[], $10::jsonb[], $11::text[], $12::text[])
      AS t(id, tenant_id, webhook_id, provider, dedup_key, customer_id, raw_body, content_type, headers, query, source_ip, correlation_id)
  ), claim AS (
    INSERT INTO webhook_event_keys (webhook_id, dedup_key, event_id, expires_at)
    SELECT webhook_id, dedup_key, id, now() + interval '${DEDUP_WINDOW}' FROM input WHERE dedup_key IS NOT NULL
    ON CONFLICT (webhook_id, dedup_key) DO UPDATE SET event_id = EXCLUDED.event_id, expires_at = EXCLUDED.expires_at
      WHERE webhook_event_keys.expires_at < now()
    RETURNING event_id
  ), stored AS (
    INSERT INTO webhook_events (id, tenant_id, webhook_id, provider, status, provider_event_id, customer_id, raw_body, content_type, headers, query, source_ip, correlation_id)
    SELECT id, tenant_id, webhook_id, provider, 'received', dedup_key, customer_id, raw_body, content_type, headers, query, source_ip, correlation_id
      FROM input WHERE dedup_key IS NULL OR id IN (SELECT event_id FROM claim)
    RETURNING id
  )
  SELECT input.id, stored.id IS NOT NULL AS owner, keys.event_id AS existing
    FROM input
    LEFT JOIN stored ON stored.id = input.id
    LEFT JOIN webhook_event_keys keys ON stored.id IS NULL AND keys.webhook_id = input.webhook_id AND keys.dedup_key = input.dedup_key`;

/**
 * Stores inbound events durably, de-duplicating by provider event id within 24 h. Concurrent
 * deliveries are group-committed (MicroBatcher): one statement and one commit for all of them.
 */
@Injectable()
export class WebhookEventStore {
  private readonly batcher = new MicroBatcher<NewWebhookEvent, StoredWebhookEvent>(
    (events) => this.insertBatch(events),
    { maxBatchSize: 200, maxInFlight: 4, maxPending: 10_000 },
  );

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once the event is committed (or found to be a duplicate of one that is). */
  insert(event: NewWebhookEvent): Promise<StoredWebhookEvent> {
    return this.batcher.submit(event);
  }

  private async insertBatch(events: NewWebhookEvent[]): Promise<StoredWebhookEvent[]> {
    // Duplicates inside one batch: the first of each (webhook, key) speaks for the others.
    const firstIndexByKey = new Map<string, number>();
    const sent: { event: NewWebhookEvent; id: string }[] = [];
    const slots = events.map((event) => {
      const key = event.dedupKey === null ? null : `${event.webhookId}\u0000${event.dedupKey}`;
      const first = key === null ? undefined : firstIndexByKey.get(key);
      if (first !== undefined) return { sentIndex: first, copy: true };
      sent.push({ event, id: randomUUID() });
      if (key !== null) firstIndexByKey.set(key, sent.length - 1);
      return { sentIndex: sent.length - 1, copy: false };
    });

    const { rows } = await pgPool(this.dataSource).query<BatchRow>(
      INSERT_BATCH,
      unnestColumns(
        sent,
        ({ id }) => id,
        ({ event }) => event.tenantId,
        ({ event }) => event.webhookId,
        ({ event }) => event.provider,
        ({ event }) => event.dedupKey,
        ({ event }) => event.customerId,
        ({ event }) => event.rawBody,
        ({ event }) => event.contentType,
        ({ event }) => toPostgresJson(event.headers),
        ({ event }) => toPostgresJson(event.query),
        ({ event }) => event.sourceIp,
        ({ event }) => event.correlationId,
      ),
    );
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const outcomes = await Promise.all(sent.map(({ event, id }) => this.outcome(event, id, rowById.get(id))));
    return slots.map(({ sentIndex, copy }) =>
      copy ? { eventId: outcomes[sentIndex].eventId, duplicate: true } : outcomes[sentIndex],
    );
  }

  private async outcome(event: NewWebhookEvent, id: string, row: BatchRow | undefined): Promise<StoredWebhookEvent> {
    if (row?.owner) return { eventId: id, duplicate: false };
    if (row?.existing) return { eventId: row.existing, duplicate: true };
    // The competing insert had not committed when this statement took its snapshot: read it now.
    const { rows } = await pgPool(this.dataSource).query<{ eventId: string }>(
      `SELECT event_id AS "eventId" FROM webhook_event_keys WHERE webhook_id = $1 AND dedup_key = $2`,
      [event.webhookId, event.dedupKey],
    );
    return { eventId: rows[0]?.eventId ?? id, duplicate: true };
  }
}
