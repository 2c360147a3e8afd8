import { ModuleRef } from '@nestjs/core';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CircuitBreaker, type CircuitState } from '../../webhook-actions/resilience/circuit-breaker.js';
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
 * tenant_id, origin, created_at) at query time, with each origin's circuit state now.
 *
 * The table belongs to the webhook-actions module and arrives with its own migration: while it is
 * absent (`to_regclass` is null, e.g. a deployment migrated before outbound actions existed) the
 * endpoint answers `{ items: [] }` instead of failing. The circuit breaker is looked up without a
 * hard module dependency; where no module provides it, `circuitState` is null.
 */
@QueryHandler(GetWebhookActionAnalyticsQuery)
export class GetWebhookActionAnalyticsHandler implements IQueryHandler<GetWebhookActionAnalyticsQuery> {
  private tablePresent = false;
  private breaker: CircuitBreaker | null | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  async execute(query: GetWebhookActionAnalyticsQuery): Promise<WebhookActionAnalyticsResponse> {
    if (!(await this.hasTable())) return { items: [] };
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
    const circuits = await this.circuitStates(query.tenantId);
    return {
      items: rows.map((row) => ({
        ...row,
        successRate: row.calls === 0 ? 0 : row.succeeded / row.calls,
        p95LatencyMs: roundMs(row.p95LatencyMs),
        circuitState: circuits === null ? null : (circuits.get(row.origin) ?? 'closed'),
      })),
    };
  }

  /** Checked until the table shows up (a running process may see the migration land), then remembered. */
  private async hasTable(): Promise<boolean> {
    if (this.tablePresent) return true;
    const [row]: { present: boolean }[] = await this.dataSource.query(`SELECT to_regclass('webhook_action_executions') IS NOT NULL AS present`);
    this.tablePresent = row?.present === true;
    return this.tablePresent;
  }

  private async circuitStates(tenantId: string): Promise<Map<string, CircuitState> | null> {
    if (this.breaker === undefined) {
      try {
        this.breaker = this.moduleRef.get(CircuitBreaker, { strict: false });
      } catch {
        this.breaker = null;
      }
    }
    if (!this.breaker) return null;
    return new Map((await this.breaker.list(tenantId)).map((circuit) => [circuit.origin, circuit.state]));
  }
}
