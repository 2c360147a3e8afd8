import { unnestColumns } from '../../../platform/database/unnest-columns.js';
import { EVENT_STORE_INSERT } from '../../../platform/outbox/unit-of-work.js';
import type { ExecutionStatus, NodeStatus } from '../domain/execution-status.js';
import type { SqlStatement } from './sql-statement.js';

/** An execution to store, with its first node states and its events (JSON already serialised). */
export interface NewExecution {
  id: string;
  tenantId: string;
  workflowId: string;
  workflowVersion: number;
  status: ExecutionStatus;
  triggerType: string;
  triggerInput: string;
  contactId: string | null;
  correlationId: string | null;
  sourceKey: string | null;
  nodes: { id: string; type: string; status: NodeStatus; scheduled: boolean }[];
  /** The output of a node that starts `succeeded` (a trigger that ran in the starting job). */
  succeededOutput: string | null;
  events: { type: string; actorId: string | null; payload: string; occurredAt: Date }[];
  /** Of the job or request starting it (stored with its events). */
  eventCorrelationId: string | null;
}

/**
 * Stores a batch of new executions, their nodes and their events (one statement, atomic). An
 * execution whose source key started one already is not stored (nor its nodes and events); returns
 * the ids of those stored. Unnamed when sent, like every batch statement: planned for the batch it
 * carries (see test/plan-cache.e2e-spec.ts).
 */
export function insertExecutionsSql(executions: readonly NewExecution[]): SqlStatement {
  const nodes = executions.flatMap((execution) => execution.nodes.map((node) => ({ execution, node })));
  const events = executions.flatMap((execution) => execution.events.map((event) => ({ execution, event })));
  return {
    text: `WITH input AS (
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::jsonb[], $8::uuid[], $9::text[], $10::text[])
                      AS i(id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key)
           ), execution AS (
             INSERT INTO executions (id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key, started_at, finished_at)
             SELECT id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key,
                    CASE WHEN status <> 'queued' THEN now() END, CASE WHEN status = 'succeeded' THEN now() END
               FROM input
             ON CONFLICT (tenant_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
             RETURNING id, tenant_id, workflow_id
           ), nodes AS (
             INSERT INTO node_executions (tenant_id, execution_id, workflow_id, node_id, type, status, scheduled, scheduled_at, output, attempts, started_at, finished_at)
             SELECT e.tenant_id, e.id, e.workflow_id, n.node_id, n.type, n.status, n.scheduled, CASE WHEN n.scheduled THEN now() END,
                    n.output, CASE WHEN n.status = 'succeeded' THEN 1 ELSE 0 END,
                    CASE WHEN n.status = 'succeeded' THEN now() END, CASE WHEN n.status = 'succeeded' THEN now() END
               FROM execution e
               JOIN unnest($11::uuid[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::jsonb[]) AS n(execution_id, node_id, type, status, scheduled, output)
                 ON n.execution_id = e.id
           ), event AS (
             ${EVENT_STORE_INSERT}
             SELECT e.tenant_id, v.type, 'execution', e.id, v.actor_id, v.correlation_id, v.payload, v.occurred_at
               FROM execution e
               JOIN unnest($17::uuid[], $18::text[], $19::uuid[], $20::text[], $21::jsonb[], $22::timestamptz[]) WITH ORDINALITY
                    AS v(execution_id, type, actor_id, correlation_id, payload, occurred_at, position)
                 ON v.execution_id = e.id
              ORDER BY v.position
           )
           SELECT id FROM execution`,
    values: [
      ...unnestColumns(
        executions,
        (e) => e.id,
        (e) => e.tenantId,
        (e) => e.workflowId,
        (e) => e.workflowVersion,
        (e) => e.status,
        (e) => e.triggerType,
        (e) => e.triggerInput,
        (e) => e.contactId,
        (e) => e.correlationId,
        (e) => e.sourceKey,
      ),
      ...unnestColumns(
        nodes,
        ({ execution }) => execution.id,
        ({ node }) => node.id,
        ({ node }) => node.type,
        ({ node }) => node.status,
        ({ node }) => node.scheduled,
        ({ execution, node }) => (node.status === 'succeeded' ? execution.succeededOutput : null),
      ),
      ...unnestColumns(
        events,
        ({ execution }) => execution.id,
        ({ event }) => event.type,
        ({ event }) => event.actorId,
        ({ execution }) => execution.eventCorrelationId,
        ({ event }) => event.payload,
        ({ event }) => event.occurredAt,
      ),
    ],
  };
}
