import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '../../../platform/batching/micro-batcher.js';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { textWithoutNul, toPostgresJson } from '../../../platform/database/postgres-text.js';
import { unnestColumns } from '../../../platform/database/unnest-columns.js';
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

/**
 * One row per outbound attempt: URL with query values redacted, auth headers redacted, 64 KiB excerpt.
 * Attempts recorded at once by concurrent calls are inserted together (MicroBatcher): one statement.
 */
@Injectable()
export class AttemptLog {
  private readonly batches = new MicroBatcher<AttemptRecord, void>((attempts) => this.insert(attempts), {
    maxBatchSize: 200,
    maxInFlight: 4,
    maxPending: 10_000,
  });

  constructor(private readonly dataSource: DataSource) {}

  async record(attempt: AttemptRecord): Promise<void> {
    await this.batches.submit(attempt);
  }

  private async insert(attempts: AttemptRecord[]): Promise<void[]> {
    await pgPool(this.dataSource).query({
      text: `INSERT INTO webhook_action_executions (tenant_id, workflow_id, execution_id, node_id, attempt, method, url, origin, request_headers, status,
                                                 http_status, duration_ms, response_excerpt, error_class, error_message)
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[],
                                  $11::int[], $12::int[], $13::text[], $14::text[], $15::text[])`,
      values: unnestColumns(
        attempts,
        (a) => a.tenantId,
        (a) => a.workflowId,
        (a) => a.executionId,
        (a) => a.nodeId,
        (a) => a.attempt,
        (a) => a.method,
        (a) => redactUrl(a.url),
        (a) => a.url.origin,
        (a) => toPostgresJson(redactHeaders(a)),
        (a) => a.status,
        (a) => a.httpStatus,
        (a) => Math.round(a.durationMs),
        (a) => excerptOf(a.responseBody),
        (a) => a.errorClass,
        (a) => textWithoutNul(a.errorMessage),
      ),
    });
    return attempts.map(() => undefined);
  }
}

function redactHeaders(attempt: AttemptRecord): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attempt.headers).map(([name, value]) => [
      name,
      attempt.secretHeaders.includes(name) || name === 'webhook-signature' ? '[redacted]' : value,
    ]),
  );
}

/** A binary answer keeps its shape: a NUL becomes U+FFFD (see postgres-text). */
function excerptOf(body: Buffer | null): string | null {
  return body ? textWithoutNul(body.subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8')) : null;
}
