import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { DomainEvent } from '../../platform/outbox/domain-event.js';
import { RequestContext } from '../../platform/observability/request-context.js';
import { UnitOfWork } from '../../platform/outbox/unit-of-work.js';
import type { WorkflowGraph, WorkflowNode } from '../workflows/index.js';
import type { ErrorInfo } from './domain/execution-status.js';
import { nextExecutionStatus } from './domain/execution-transitions.js';
import type { NodeError } from './domain/node-error.js';
import type { NodeResult } from './domain/node-handler.js';
import { NODE_TRANSITIONS, type NodeMove } from './domain/node-transitions.js';
import { ExecutionFailedEvent } from './events/execution-failed.event.js';
import { NodeFailedEvent } from './events/node-failed.event.js';
import { NodeSucceededEvent } from './events/node-succeeded.event.js';
import { NodeJobScheduler } from './node-job.scheduler.js';
import { NodeSettlements } from './node-settlements.js';
import { serializeResult, type SerializedResult } from './node-output-limit.js';
import type { NodeFailureTransition } from './persistence/execution-state.statements.js';
import { ExecutionStateStore } from './persistence/execution-state.store.js';
import type { NodeChange, NodeOutcomeTransition } from './persistence/settlement.statements.js';

export interface ExecutionRef {
  id: string;
  tenantId: string;
  workflowId: string;
}

type NodeRef = Pick<WorkflowNode, 'id' | 'type'>;

/**
 * Records how a node ended (succeeded, waiting, failed) with its events, in one transaction that
 * locks the execution, settles what follows and, after commit, queues the nodes that became ready.
 * Shared by node jobs and by whatever resumes a waiting node (resume URL, timer, timeout). Each outcome
 * is a transition (see NODE_TRANSITIONS) that applies only if the node can still make it: of two
 * concurrent resumes exactly one applies, and a stale copy of a re-delivered job applies nothing.
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
   * Records a completed or waiting result by `move`; returns whether it applied. `serialized`: the
   * result's output and input already serialised by the caller (they are not serialised twice).
   */
  async record(
    execution: ExecutionRef,
    graph: WorkflowGraph,
    node: NodeRef,
    result: Exclude<NodeResult, { kind: 'deferred' }>,
    move: NodeMove<NodeOutcomeTransition>,
    serialized: SerializedResult = serializeResult(result),
  ): Promise<boolean> {
    const change: NodeChange = {
      ...move,
      nodeId: node.id,
      output: serialized.output,
      branch: result.kind === 'completed' ? (result.branch ?? null) : null,
      input: serialized.input,
    };
    return this.settle(execution, graph, change, ({ durationMs }) =>
      NODE_TRANSITIONS[move.transition].to !== 'succeeded'
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

  /** The node failed for good by `move`: it fails, and the execution with it. Returns whether it applied. */
  async fail(
    execution: ExecutionRef,
    node: NodeRef,
    error: NodeError,
    move: NodeMove<NodeFailureTransition>,
  ): Promise<boolean> {
    const info: ErrorInfo = { class: error.errorClass, message: error.message };
    return this.unitOfWork.run(async (tx) => {
      const locked = await this.store.lock(tx.manager, execution.tenantId, execution.id);
      if (!locked) return false;
      if (!(await this.store.failNode(tx.manager, execution.id, node.id, move, info))) return false;
      tx.record(
        new NodeFailedEvent({
          tenantId: execution.tenantId,
          aggregateType: 'execution',
          aggregateId: execution.id,
          payload: { nodeId: node.id, type: node.type, error: info },
        }),
      );
      if (nextExecutionStatus(locked.status, 'fail') === undefined) return true;
      await this.store.end(tx.manager, execution.id, 'fail', info);
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
