import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { pgPool } from '../../../platform/database/pg-pool.js';

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

const DEDUP_WINDOW = '24 hours';

/**
 * Stores an inbound event durably, de-duplicating by provider event id within 24 h in the same
 * statement: the (webhook, key) primary key makes exactly one of concurrent duplicates the owner.
 */
@Injectable()
export class WebhookEventStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(event: NewWebhookEvent): Promise<{ eventId: string; duplicate: boolean }> {
    const eventId = randomUUID();
    const params = [
      eventId,
      event.tenantId,
      event.webhookId,
      event.provider,
      event.dedupKey,
      event.customerId,
      event.rawBody,
      event.contentType,
      JSON.stringify(event.headers),
      JSON.stringify(event.query),
      event.sourceIp,
      event.correlationId,
    ];
    if (event.dedupKey === null) {
      await pgPool(this.dataSource).query(
        `INSERT INTO webhook_events (id, tenant_id, webhook_id, provider, status, provider_event_id, customer_id, raw_body, content_type, headers, query, source_ip, correlation_id)
         VALUES ($1, $2, $3, $4, 'received', $5, $6, $7, $8, $9, $10, $11, $12)`,
        params,
      );
      return { eventId, duplicate: false };
    }
    const { rows } = await pgPool(this.dataSource).query<{ eventId: string; owner: boolean }>(
      `WITH claim AS (
         INSERT INTO webhook_event_keys (webhook_id, dedup_key, event_id, expires_at)
         VALUES ($3, $5, $1, now() + interval '${DEDUP_WINDOW}')
         ON CONFLICT (webhook_id, dedup_key) DO UPDATE SET event_id = EXCLUDED.event_id, expires_at = EXCLUDED.expires_at
           WHERE webhook_event_keys.expires_at < now()
         RETURNING event_id
       ), stored AS (
         INSERT INTO webhook_events (id, tenant_id, webhook_id, provider, status, provider_event_id, customer_id, raw_body, content_type, headers, query, source_ip, correlation_id)
         SELECT $1, $2, $3, $4, 'received', $5, $6, $7, $8, $9, $10, $11, $12 FROM claim
         RETURNING id
       )
       SELECT id AS "eventId", true AS owner FROM stored
       UNION ALL
       SELECT event_id, false FROM webhook_event_keys WHERE webhook_id = $3 AND dedup_key = $5 AND NOT EXISTS (SELECT 1 FROM claim)`,
      params,
    );
    const row = rows[0];
    if (row) return { eventId: row.eventId, duplicate: !row.owner };
    // The competing insert had not committed when this statement took its snapshot: read it now.
    const [existing]: { eventId: string }[] = await this.dataSource.query(
      `SELECT event_id AS "eventId" FROM webhook_event_keys WHERE webhook_id = $1 AND dedup_key = $2`,
      [event.webhookId, event.dedupKey],
    );
    return { eventId: existing?.eventId ?? eventId, duplicate: true };
  }
}
