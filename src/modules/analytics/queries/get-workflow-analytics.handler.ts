import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WorkflowAnalyticsResponse } from '../dto/workflow-analytics.response.js';
import { roundMs } from './date-range.js';
import { GetWorkflowAnalyticsQuery } from './get-workflow-analytics.query.js';

interface Row {
  workflowId: string;
  name: string;
  executions: number;
  succeeded: number;
  failed: number;
  avgDurationMs: number | null;
  p95DurationMs: number | null;
  lastExecutedAt: Date | null;
}

/**
 * Per-workflow execution figures, read straight from `executions` (index: tenant_id, workflow_id,
 * created_at) at query time: the write path keeps no counters. The range filters on created_at, like
 * the execution list; durations are finished_at − started_at of the executions that finished.
 */
@QueryHandler(GetWorkflowAnalyticsQuery)
export class GetWorkflowAnalyticsHandler implements IQueryHandler<GetWorkflowAnalyticsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: GetWorkflowAnalyticsQuery): Promise<WorkflowAnalyticsResponse> {
    const rows: Row[] = await this.dataSource.query(
      `WITH runs AS (
         SELECT e.workflow_id, e.status, coalesce(e.started_at, e.created_at) AS began,
                CASE WHEN e.finished_at IS NOT NULL AND e.started_at IS NOT NULL
                     THEN (extract(epoch FROM (e.finished_at - e.started_at)) * 1000)::float8 END AS ms
           FROM executions e
          WHERE e.tenant_id = $1
            AND ($2::timestamptz IS NULL OR e.created_at >= $2::timestamptz)
            AND ($3::timestamptz IS NULL OR e.created_at <= $3::timestamptz)
       )
       SELECT w.id AS "workflowId", w.name,
              count(r.workflow_id)::int AS executions,
              count(*) FILTER (WHERE r.status = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE r.status = 'failed')::int AS failed,
              avg(r.ms)::float8 AS "avgDurationMs",
              percentile_cont(0.95) WITHIN GROUP (ORDER BY r.ms)::float8 AS "p95DurationMs",
              max(r.began) AS "lastExecutedAt"
         FROM workflows w
         LEFT JOIN runs r ON r.workflow_id = w.id
        WHERE w.tenant_id = $1
        GROUP BY w.id, w.name, w.status
       HAVING w.status <> 'archived' OR count(r.workflow_id) > 0
        ORDER BY count(r.workflow_id) DESC, w.name, w.id`,
      [query.tenantId, query.range.from, query.range.to],
    );
    return {
      items: rows.map((row) => ({
        ...row,
        avgDurationMs: roundMs(row.avgDurationMs),
        p95DurationMs: roundMs(row.p95DurationMs),
        lastExecutedAt: row.lastExecutedAt?.toISOString() ?? null,
      })),
    };
  }
}
