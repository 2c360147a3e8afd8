import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '../../platform/outbox/domain-event.js';
import { UnitOfWork } from '../../platform/outbox/unit-of-work.js';
import type { WorkflowGraph, WorkflowNode } from '../workflows/domain/workflow-graph.js';
import type { ErrorInfo, NodeStatus } from './domain/execution-status.js';
import type { NodeError } from './domain/node-error.js';
import type { NodeResult } from './domain/node-handler.js';
import { ExecutionFailedEvent } from './events/execution-failed.event.js';
import { ExecutionSucceededEvent } from './events/execution-succeeded.event.js';
import { NodeFailedEvent } from './events/node-failed.event.js';
import { NodeSucceededEvent } from './events/node-succeeded.event.js';
import { ExecutionStateStore, type LockedExecution } from './execution-state.store.js';
import { NodeJobScheduler } from './node-job.scheduler.js';
import { serializeOutput } from './node-output-limit.js';

export interface ExecutionRef {
  id: string;
  tenantId: string;
  workflowId: string;
}

type NodeRef = Pick<WorkflowNode, 'id' | 'type'>;

/**
 * Records how a node ended (succeeded, waiting, failed) with its events, in one transaction that
 * locks the execution, settles what follows and, after commit, queues the nodes that became ready.
 * Shared by node jobs and by whatever resumes a waiting node (resume URL, timer, timeout).
 */
@Injectable()
export class NodeOutcomeRecorder {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ExecutionStateStore,
    private readonly scheduler: NodeJobScheduler,
  ) {}

  /**
   * Records a completed or waiting result. With `onlyIf`, the node must currently have that status
   * (so of two concurrent resumes exactly one applies); returns whether it applied.
   */
  async record(execution: ExecutionRef, graph: WorkflowGraph, node: NodeRef, result: Exclude<NodeResult, { kind: 'deferred' }>, onlyIf?: NodeStatus): Promise<boolean> {
    const waiting = result.kind === 'waiting';
    const output = result.output === undefined ? null : serializeOutput(result.output);
    const branch = result.kind === 'completed' ? (result.branch ?? null) : null;
    return this.settle(execution, graph, async (manager) => {
      const [updated]: [{ durationMs: number }[], number] = await manager.query(
        `UPDATE node_executions SET status = $3, output = $4::jsonb, branch = $5, input = coalesce($6::jsonb, input),
                finished_at = CASE WHEN $3 = 'succeeded' THEN now() ELSE NULL END
          WHERE execution_id = $1 AND node_id = $2 AND ($7::text IS NULL OR status = $7)
          RETURNING (extract(epoch FROM (now() - coalesce(started_at, now()))) * 1000)::int AS "durationMs"`,
        [execution.id, node.id, waiting ? 'waiting' : 'succeeded', output, branch, result.input === undefined ? null : JSON.stringify(result.input), onlyIf ?? null],
      );
      if (updated.length === 0) return null;
      return waiting
        ? []
        : [new NodeSucceededEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { nodeId: node.id, type: node.type, durationMs: updated[0].durationMs } })];
    });
  }

  /** Re-settles without a change (a re-delivered job whose outcome was already committed). */
  async resettle(execution: ExecutionRef, graph: WorkflowGraph): Promise<void> {
    await this.settle(execution, graph);
  }

  /** The node failed for good: it fails, and the execution with it. Returns whether it applied. */
  async fail(execution: ExecutionRef, node: NodeRef, error: NodeError, onlyIf?: NodeStatus): Promise<boolean> {
    const info: ErrorInfo = { class: error.errorClass, message: error.message };
    return this.unitOfWork.run(async (tx) => {
      const locked = await this.store.lock(tx.manager, execution.tenantId, execution.id);
      if (!locked) return false;
      const [updated]: [unknown[], number] = await tx.manager.query(
        `UPDATE node_executions SET status = 'failed', error = $3, finished_at = now()
          WHERE execution_id = $1 AND node_id = $2 AND ($4::text IS NULL OR status = $4) RETURNING id`,
        [execution.id, node.id, JSON.stringify(info), onlyIf ?? null],
      );
      if (updated.length === 0) return false;
      tx.record(new NodeFailedEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { nodeId: node.id, type: node.type, error: info } }));
      if (['succeeded', 'failed', 'cancelled'].includes(locked.status)) return true;
      await this.store.cancelOpenNodes(tx.manager, execution.id);
      await this.store.setStatus(tx.manager, execution.id, 'failed', true, info);
      tx.record(
        new ExecutionFailedEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { workflowId: execution.workflowId, nodeId: node.id, error: info } }),
      );
      return true;
    });
  }

  /** `change` returns the events to record, or null when it did not apply (nothing is settled then). */
  private async settle(execution: ExecutionRef, graph: WorkflowGraph, change?: (manager: EntityManager) => Promise<DomainEvent<object>[] | null>): Promise<boolean> {
    const outcome = await this.unitOfWork.run(async (tx) => {
      const locked = await this.store.lock(tx.manager, execution.tenantId, execution.id);
      if (!locked) return { applied: false, toSchedule: [] };
      const events = change ? await change(tx.manager) : [];
      if (events === null) return { applied: false, toSchedule: [] };
      for (const event of events) tx.record(event);
      const settlement = await this.store.settle(tx.manager, locked, graph);
      if (settlement.finished === 'succeeded') tx.record(succeededEvent(locked));
      return { applied: true, toSchedule: settlement.toSchedule };
    });
    await this.scheduler.schedule(outcome.toSchedule);
    return outcome.applied;
  }
}

function succeededEvent(execution: LockedExecution): ExecutionSucceededEvent {
  const durationMs = execution.startedAt ? Date.now() - execution.startedAt.getTime() : 0;
  return new ExecutionSucceededEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { workflowId: execution.workflowId, durationMs } });
}
