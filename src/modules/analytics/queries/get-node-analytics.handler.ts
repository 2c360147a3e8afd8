import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { WorkflowVersionReader } from '../../workflows/index.js';
import type { NodeAnalyticsResponse } from '../dto/node-analytics.response.js';
import { roundMs } from './date-range.js';
import { GetNodeAnalyticsQuery } from './get-node-analytics.query.js';

interface Row {
  nodeId: string;
  type: string;
  runs: number;
  avgDurationMs: number | null;
  maxDurationMs: number | null;
  errors: number;
}

/**
 * Per-node figures of one workflow from `node_executions` (index: tenant_id, workflow_id, node_id,
 * started_at) at query time. A run is a node execution a worker started; the range filters on
 * started_at; durations are those of the runs that succeeded or failed.
 */
@QueryHandler(GetNodeAnalyticsQuery)
export class GetNodeAnalyticsHandler implements IQueryHandler<GetNodeAnalyticsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowVersionReader,
  ) {}

  async execute(query: GetNodeAnalyticsQuery): Promise<NodeAnalyticsResponse> {
    await this.workflows.assertExists(query.tenantId, query.workflowId);
    const rows: Row[] = await this.dataSource.query(
      `SELECT n.node_id AS "nodeId", n.type, count(*)::int AS runs,
              avg(n.ms)::float8 AS "avgDurationMs", max(n.ms)::float8 AS "maxDurationMs",
              count(*) FILTER (WHERE n.status = 'failed')::int AS errors
         FROM (SELECT node_id, type, status,
                      CASE WHEN status IN ('succeeded', 'failed') AND finished_at IS NOT NULL
                           THEN (extract(epoch FROM (finished_at - started_at)) * 1000)::float8 END AS ms
                 FROM node_executions
                WHERE tenant_id = $1 AND workflow_id = $2 AND started_at IS NOT NULL
                  AND ($3::timestamptz IS NULL OR started_at >= $3::timestamptz)
                  AND ($4::timestamptz IS NULL OR started_at <= $4::timestamptz)) n
        GROUP BY n.node_id, n.type
        ORDER BY n.node_id, n.type`,
      [query.tenantId, query.workflowId, query.range.from, query.range.to],
    );
    return {
      items: rows.map((row) => ({
        ...row,
        avgDurationMs: roundMs(row.avgDurationMs),
        maxDurationMs: roundMs(row.maxDurationMs),
      })),
    };
  }
}
