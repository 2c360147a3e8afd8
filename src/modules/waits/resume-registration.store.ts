import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { newResumeId } from './domain/resume-id.js';

export type ResumeStatus = 'pending' | 'active' | 'consumed' | 'expired';

export interface ResumeRegistration {
  resumeId: string;
  tenantId: string;
  executionId: string;
  workflowId: string;
  workflowVersion: number;
  nodeId: string;
  status: ResumeStatus;
  /** What the winning resume call brought (kept so a crash before it was applied loses nothing). */
  resumePayload: unknown;
  expiresAt: Date | null;
}

export interface ExecutionPin {
  tenantId: string;
  executionId: string;
  workflowId: string;
  workflowVersion: number;
}

const COLUMNS = `resume_id AS "resumeId", tenant_id AS "tenantId", execution_id AS "executionId", workflow_id AS "workflowId",
  workflow_version AS "workflowVersion", node_id AS "nodeId", status, resume_payload AS "resumePayload", expires_at AS "expiresAt"`;

/**
 * SQL for resume registrations (PostgreSQL only: a waiting execution survives any restart).
 * Lookups by resume id are public (the id is the credential); everything else is tenant-scoped.
 */
@Injectable()
export class ResumeRegistrationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the pending registrations of an execution's webhook waits; a second call changes nothing. */
  async ensure(pin: ExecutionPin, nodeIds: readonly string[]): Promise<void> {
    if (nodeIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO resume_registrations (resume_id, tenant_id, execution_id, workflow_id, workflow_version, node_id)
       SELECT resume_id, $1, $2, $3, $4, node_id FROM unnest($5::text[], $6::text[]) AS r(resume_id, node_id)
       ON CONFLICT (execution_id, node_id) DO NOTHING`,
      [
        pin.tenantId,
        pin.executionId,
        pin.workflowId,
        pin.workflowVersion,
        nodeIds.map((nodeId) => newResumeId(pin.executionId, nodeId)),
        nodeIds,
      ],
    );
  }

  async listIds(tenantId: string, executionId: string): Promise<{ nodeId: string; resumeId: string }[]> {
    return this.dataSource.query(
      `SELECT node_id AS "nodeId", resume_id AS "resumeId" FROM resume_registrations WHERE execution_id = $1 AND tenant_id = $2`,
      [executionId, tenantId],
    );
  }

  /**
   * The wait node was reached: active until now + `timeoutMs`. Already active (a re-delivered node
   * job) keeps its expiry; expired (the execution was retried after a timeout) becomes active again.
   */
  async activate(
    tenantId: string,
    executionId: string,
    nodeId: string,
    timeoutMs: number,
  ): Promise<{ resumeId: string; expiresAt: Date } | undefined> {
    const [rows]: [{ resumeId: string; expiresAt: Date }[], number] = await this.dataSource.query(
      `UPDATE resume_registrations
          SET expires_at = CASE WHEN status = 'active' THEN expires_at ELSE date_trunc('milliseconds', now() + make_interval(secs => $4::double precision / 1000)) END,
              status = 'active', consumed_at = NULL, resume_payload = NULL
        WHERE execution_id = $1 AND tenant_id = $2 AND node_id = $3 AND status IN ('pending', 'active', 'expired')
        RETURNING resume_id AS "resumeId", expires_at AS "expiresAt"`,
      [executionId, tenantId, nodeId, timeoutMs],
    );
    return rows[0];
  }

  async find(
    resumeId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ResumeRegistration | undefined> {
    const rows: ResumeRegistration[] = await manager.query(
      `SELECT ${COLUMNS} FROM resume_registrations WHERE resume_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [resumeId],
    );
    return rows[0];
  }

  /** Active → consumed, keeping what the call brought; false when it was no longer active. */
  async consume(manager: EntityManager, resumeId: string, payload: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE resume_registrations SET status = 'consumed', consumed_at = now(), resume_payload = $2::jsonb
        WHERE resume_id = $1 AND status = 'active' RETURNING resume_id`,
      [resumeId, payload],
    );
    return rows.length > 0;
  }

  /** The activation that ends at `expiresAt` timed out: active → expired; false when something else happened first. */
  async expireActivation(manager: EntityManager, resumeId: string, expiresAt: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE resume_registrations SET status = 'expired' WHERE resume_id = $1 AND status = 'active' AND expires_at = $2::timestamptz RETURNING resume_id`,
      [resumeId, expiresAt],
    );
    return rows.length > 0;
  }

  /** Consumed, yet its execution was cancelled before the resume applied: the URL is gone. */
  async expireConsumed(resumeId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE resume_registrations SET status = 'expired' WHERE resume_id = $1 AND status = 'consumed'`,
      [resumeId],
    );
  }

  /** The execution ended (cancelled, failed, succeeded): its unused resume URLs answer 410 from now on. */
  async expireOpen(tenantId: string, executionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE resume_registrations SET status = 'expired' WHERE execution_id = $1 AND tenant_id = $2 AND status IN ('pending', 'active')`,
      [executionId, tenantId],
    );
  }
}
