import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { redactUrl } from '../http/redact-url.js';

export const RESPONSE_EXCERPT_BYTES = 64 * 1024;

export interface AttemptRecord {
  tenantId: string;
  workflowId: string | null;
  executionId: string | null;
  nodeId: string | null;
  attempt: number;
  method: string;
  url: URL;
  headers: Record<string, string>;
  secretHeaders: readonly string[];
  status: 'succeeded' | 'failed';
  httpStatus: number | null;
  durationMs: number;
  responseBody: Buffer | null;
  errorClass: string | null;
  errorMessage: string | null;
}

/** One row per outbound attempt: URL with query values redacted, auth headers redacted, 64 KiB excerpt. */
@Injectable()
export class AttemptLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(attempt: AttemptRecord): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(attempt.headers).map(([name, value]) => [name, attempt.secretHeaders.includes(name) || name === 'webhook-signature' ? '[redacted]' : value]),
    );
    const excerpt = attempt.responseBody ? attempt.responseBody.subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8') : null;
    await this.dataSource.query(
      `INSERT INTO webhook_action_executions (tenant_id, workflow_id, execution_id, node_id, attempt, method, url, origin, request_headers, status,
                                              http_status, duration_ms, response_excerpt, error_class, error_message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        attempt.tenantId,
        attempt.workflowId,
        attempt.executionId,
        attempt.nodeId,
        attempt.attempt,
        attempt.method,
        redactUrl(attempt.url),
        attempt.url.origin,
        JSON.stringify(headers),
        attempt.status,
        attempt.httpStatus,
        Math.round(attempt.durationMs),
        excerpt,
        attempt.errorClass,
        attempt.errorMessage,
      ],
    );
  }
}
