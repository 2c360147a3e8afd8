import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { toPostgresJson } from '../../platform/database/postgres-text.js';
import type { DomainEvent } from '../../platform/outbox/domain-event.js';
import { RequestContext } from '../../platform/observability/request-context.js';
import { UnitOfWork } from '../../platform/outbox/unit-of-work.js';
import type { WorkflowGraph, WorkflowNode } from '../workflows/domain/workflow-graph.js';
import type { ErrorInfo, NodeStatus } from './domain/execution-status.js';
import type { NodeError } from './domain/node-error.js';
import type { NodeResult } from './domain/node-handler.js';
import { ExecutionFailedEvent } from './events/execution-failed.event.js';
import { NodeFailedEvent } from './events/node-failed.event.js';
import { NodeSucceededEvent } from './events/node-succeeded.event.js';
import { ExecutionStateStore, type NodeChange } from './execution-state.store.js';
import { NodeJobScheduler } from './node-job.scheduler.js';
import { NodeSettlements } from './node-settlements.js';
import { serializeResult, type SerializedResult } from './node-output-limit.js';

export interface ExecutionRef {
  id: string;
  tenantId: string;
  workflowId: string;
}

type NodeRef = Pick<WorkflowNode, 'id' | 'type'>;

/**
 * Applies an outcome only if the node is in this state now: `waiting` (of two concurrent resumes
 * exactly one applies), or `running` at this attempt (a stale copy of a re-delivered job applies nothing).
 */
export interface NodeGuard {
  status: NodeStatus;
  attempt?: number;
}

/** A NodeGuard for failures, which may name several states (a job given up fails its node while it is pending or running). */
export interface NodeFailureGuard {
  status: NodeStatus | readonly NodeStatus[];
  attempt?: number;
}

/**
 * Records how a node ended (succeeded, waiting, failed) with its events, in one transaction that
 * locks the execution, settles what follows and, after commit, queues the nodes that became ready.
 * Shared by node jobs and by whatever resumes a waiting node (resume URL, timer, timeout).
 */
@Injectable()
export class NodeOutcomeRecorder {
  constructor(
    private readonly eventBus: EventBus,
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ExecutionStateStore,
    private readonly settlements: NodeSettlements,
    private readonly scheduler: NodeJobScheduler,
  ) {}

  /**
   * Records a completed or waiting result (if `onlyIf` holds); returns whether it applied. `serialized`:
   * the result's output and input already serialised by the caller (they are not serialised twice).
   */
  async record(
    execution: ExecutionRef,
    graph: WorkflowGraph,
    node: NodeRef,
    result: Exclude<NodeResult, { kind: 'deferred' }>,
    onlyIf?: NodeGuard,
    serialized: SerializedResult = serializeResult(result),
  ): Promise<boolean> {
    const waiting = result.kind === 'waiting';
    const change: NodeChange = {
      nodeId: node.id,
      status: waiting ? 'waiting' : 'succeeded',
      output: serialized.output,
      branch: result.kind === 'completed' ? (result.branch ?? null) : null,
      input: serialized.input,
      onlyIf: onlyIf?.status ?? null,
      onlyAttempt: onlyIf?.attempt ?? null,
    };
    return this.settle(execution, graph, change, ({ durationMs }) =>
      waiting
        ? []
        : [
            new NodeSucceededEvent({
              tenantId: execution.tenantId,
              aggregateType: 'execution',
              aggregateId: execution.id,
              payload: { nodeId: node.id, type: node.type, durationMs },
            }),
          ],
    );
  }

  /** Re-settles without a change (a re-delivered job whose outcome was already committed). */
  async resettle(execution: ExecutionRef, graph: WorkflowGraph): Promise<void> {
    await this.settle(execution, graph);
  }

  /** The node failed for good (if `onlyIf` holds): it fails, and the execution with it. Returns whether it applied. */
  async fail(execution: ExecutionRef, node: NodeRef, error: NodeError, onlyIf?: NodeFailureGuard): Promise<boolean> {
    const info: ErrorInfo = { class: error.errorClass, message: error.message };
    return this.unitOfWork.run(async (tx) => {
      const locked = await this.store.lock(tx.manager, execution.tenantId, execution.id);
      if (!locked) return false;
      const [updated]: [unknown[], number] = await tx.manager.query(
        `UPDATE node_executions SET status = 'failed', error = $3, finished_at = now()
          WHERE execution_id = $1 AND node_id = $2 AND ($4::text[] IS NULL OR status = ANY($4::text[])) AND ($5::int IS NULL OR attempts = $5) RETURNING id`,
        [
          execution.id,
          node.id,
          toPostgresJson(info),
          onlyIf === undefined ? null : [onlyIf.status].flat(),
          onlyIf?.attempt ?? null,
        ],
      );
      if (updated.length === 0) return false;
      tx.record(
        new NodeFailedEvent({
          tenantId: execution.tenantId,
          aggregateType: 'execution',
          aggregateId: execution.id,
          payload: { nodeId: node.id, type: node.type, error: info },
        }),
      );
      if (['succeeded', 'failed', 'cancelled'].includes(locked.status)) return true;
      await this.store.cancelOpenNodes(tx.manager, execution.id);
      await this.store.setStatus(tx.manager, execution.id, 'failed', true, info);
      tx.record(
        new ExecutionFailedEvent({
          tenantId: execution.tenantId,
          aggregateType: 'execution',
          aggregateId: execution.id,
          payload: {
            workflowId: locked.workflowId,
            workflowVersion: locked.workflowVersion,
            nodeId: node.id,
            error: info,
          },
        }),
      );
      return true;
    });
  }

  /** Settles the execution (see NodeSettlements); after commit, publishes the events and queues what became ready. */
  private async settle(
    execution: ExecutionRef,
    graph: WorkflowGraph,
    change?: NodeChange,
    eventsOf?: (changed: { durationMs: number }) => DomainEvent<object>[],
  ): Promise<boolean> {
    const settled = await this.settlements.settle({
      execution,
      graph,
      change,
      eventsOf,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
    if (settled.events.length > 0) this.eventBus.publishAll(settled.events);
    await this.scheduler.schedule(settled.toSchedule);
    return settled.applied;
  }
}
