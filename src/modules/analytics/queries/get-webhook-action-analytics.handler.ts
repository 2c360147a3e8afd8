import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CircuitBreaker } from '../../webhook-actions/index.js';
import type { WebhookActionAnalyticsResponse } from '../dto/webhook-action-analytics.response.js';
import { roundMs } from './date-range.js';
import { GetWebhookActionAnalyticsQuery } from './get-webhook-action-analytics.query.js';

interface Row {
  origin: string;
  calls: number;
  succeeded: number;
  failed: number;
  p95LatencyMs: number | null;
}

/**
 * Per-origin outbound call figures from `webhook_action_executions` (one row per attempt; index:
 * tenant_id, origin, created_at) at query time, with each origin's circuit state now (from the
 * CircuitBreaker the webhook-actions module exports).
 */
@QueryHandler(GetWebhookActionAnalyticsQuery)
export class GetWebhookActionAnalyticsHandler implements IQueryHandler<GetWebhookActionAnalyticsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circuits: CircuitBreaker,
  ) {}

  async execute(query: GetWebhookActionAnalyticsQuery): Promise<WebhookActionAnalyticsResponse> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT origin, count(*)::int AS calls,
              count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::float8 AS "p95LatencyMs"
         FROM webhook_action_executions
        WHERE tenant_id = $1
          AND ($2::timestamptz IS NULL OR created_at >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR created_at <= $3::timestamptz)
        GROUP BY origin
        ORDER BY count(*) DESC, origin`,
      [query.tenantId, query.range.from, query.range.to],
    );
    const circuits = new Map(
      (await this.circuits.list(query.tenantId)).map((circuit) => [circuit.origin, circuit.state]),
    );
    return {
      items: rows.map((row) => ({
        ...row,
        successRate: row.calls === 0 ? 0 : row.succeeded / row.calls,
        p95LatencyMs: roundMs(row.p95LatencyMs),
        circuitState: circuits.get(row.origin) ?? 'closed',
      })),
    };
  }
}
