import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WebhookAnalyticsResponse } from '../dto/webhook-analytics.response.js';
import { roundMs } from './date-range.js';
import { GetWebhookAnalyticsQuery } from './get-webhook-analytics.query.js';

interface Row {
  webhookId: string;
  name: string;
  provider: string;
  events: number;
  processed: number;
  failed: number;
  p95ProcessingMs: number | null;
  lastReceivedAt: Date | null;
}

/**
 * Per-webhook event figures from `webhook_events` (index: tenant_id, received_at) at query time.
 * The range filters on received_at; processing time is the worker's processing_time_ms
 * (receipt to processed/failed).
 */
@QueryHandler(GetWebhookAnalyticsQuery)
export class GetWebhookAnalyticsHandler implements IQueryHandler<GetWebhookAnalyticsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: GetWebhookAnalyticsQuery): Promise<WebhookAnalyticsResponse> {
    const rows: Row[] = await this.dataSource.query(
      `WITH events AS (
         SELECT ev.webhook_id, ev.status, ev.processing_time_ms, ev.received_at
           FROM webhook_events ev
          WHERE ev.tenant_id = $1
            AND ($2::timestamptz IS NULL OR ev.received_at >= $2::timestamptz)
            AND ($3::timestamptz IS NULL OR ev.received_at <= $3::timestamptz)
       )
       SELECT h.id AS "webhookId", h.name, h.provider,
              count(ev.webhook_id)::int AS events,
              count(*) FILTER (WHERE ev.status = 'processed')::int AS processed,
              count(*) FILTER (WHERE ev.status = 'failed')::int AS failed,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY ev.processing_time_ms)::float8 AS "p95ProcessingMs",
              max(ev.received_at) AS "lastReceivedAt"
         FROM webhooks h
         LEFT JOIN events ev ON ev.webhook_id = h.id
        WHERE h.tenant_id = $1 AND ($4::text IS NULL OR h.provider = $4)
        GROUP BY h.id, h.name, h.provider
        ORDER BY count(ev.webhook_id) DESC, h.name, h.id`,
      [query.tenantId, query.range.from, query.range.to, query.provider ?? null],
    );
    return {
      items: rows.map((row) => {
        const decided = row.processed + row.failed;
        return {
          ...row,
          successRate: decided === 0 ? null : row.processed / decided,
          p95ProcessingMs: roundMs(row.p95ProcessingMs),
          lastReceivedAt: row.lastReceivedAt?.toISOString() ?? null,
        };
      }),
    };
  }
}
