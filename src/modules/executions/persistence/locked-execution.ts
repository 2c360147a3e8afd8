import type { ExecutionStatus } from '../domain/execution-status.js';

/** An execution as a transaction that locked its row (FOR UPDATE) read it. */
export interface LockedExecution {
  id: string;
  tenantId: string;
  workflowId: string;
  workflowVersion: number;
  status: ExecutionStatus;
  retryCount: number;
  startedAt: Date | null;
}

/** The columns of a LockedExecution, selected from `executions`. */
export const LOCKED_EXECUTION_COLUMNS = `id, tenant_id AS "tenantId", workflow_id AS "workflowId", workflow_version AS "workflowVersion",
              status, retry_count AS "retryCount", started_at AS "startedAt"`;
