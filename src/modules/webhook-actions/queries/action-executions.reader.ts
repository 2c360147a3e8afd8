import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../platform/errors/domain-error.js';
import type {
  ActionExecutionPageResponse,
  ActionExecutionResponse,
  ListActionExecutionsQueryDto,
} from '../dto/webhook-action.dto.js';

const COLUMNS = `id, workflow_id AS "workflowId", execution_id AS "executionId", node_id AS "nodeId", attempt, method, url,
  request_headers AS "requestHeaders", status, http_status AS "httpStatus", duration_ms AS "durationMs", response_excerpt AS "responseExcerpt",
  error_class AS "errorClass", error_message AS "errorMessage", created_at AS "createdAt"`;

type Row = Omit<ActionExecutionResponse, 'createdAt'> & { createdAt: Date };

/** Read side of the attempt log, tenant-scoped. */
@Injectable()
export class ActionExecutionsReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string, query: ListActionExecutionsQueryDto): Promise<ActionExecutionPageResponse> {
    const filters = [query.workflowId ?? null, query.nodeId ?? null, query.status ?? null];
    const where = `tenant_id = $1 AND ($2::uuid IS NULL OR workflow_id = $2) AND ($3::text IS NULL OR node_id = $3) AND ($4::text IS NULL OR status = $4)`;
    const [rows, [count]]: [Row[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM webhook_action_executions WHERE ${where} ORDER BY created_at DESC, id LIMIT $5 OFFSET $6`,
        [tenantId, ...filters, query.limit, (query.page - 1) * query.limit],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM webhook_action_executions WHERE ${where}`, [
        tenantId,
        ...filters,
      ]),
    ]);
    return { items: rows.map(present), page: query.page, limit: query.limit, total: count.total };
  }

  async get(tenantId: string, id: string): Promise<ActionExecutionResponse> {
    const [row]: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_action_executions WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    if (!row) throw new DomainError('not_found', 'action_execution_not_found', 'Webhook action execution not found.');
    return present(row);
  }
}

function present(row: Row): ActionExecutionResponse {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
