import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkflowGraph, WorkflowNode } from '../workflows/index.js';
import type { NodeStatus } from './domain/execution-status.js';
import type { NodeError } from './domain/node-error.js';
import { NodeOutcomeRecorder, type ExecutionRef } from './node-outcome.recorder.js';
import { ExecutionStateStore } from './persistence/execution-state.store.js';

type NodeRef = Pick<WorkflowNode, 'id' | 'type'>;

/**
 * What the engine offers a module whose node type parks nodes in `waiting` (waits): read a node's
 * status, and end its wait. An end applies only while the node still waits, so of a resume and a
 * timeout (or two resumes) exactly one wins; each returns whether it applied.
 */
@Injectable()
export class WaitingNodes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ExecutionStateStore,
    private readonly outcomes: NodeOutcomeRecorder,
  ) {}

  /**
   * In the caller's transaction: locks the execution, so that what the caller then reads of its nodes
   * holds until commit (its outcomes lock it too). False: no such execution of the tenant.
   */
  async lockExecution(manager: EntityManager, tenantId: string, executionId: string): Promise<boolean> {
    return (await this.store.lock(manager, tenantId, executionId)) !== undefined;
  }

  /** Undefined: no such node. `manager`: of the caller's transaction, if any. */
  status(executionId: string, nodeId: string, manager = this.dataSource.manager): Promise<NodeStatus | undefined> {
    return this.store.nodeStatus(manager, executionId, nodeId);
  }

  /** The node goes on with `output`, by `branch` (none: its default output). */
  resume(
    execution: ExecutionRef,
    graph: WorkflowGraph,
    node: NodeRef,
    output: unknown,
    branch?: string,
  ): Promise<boolean> {
    return this.outcomes.record(
      execution,
      graph,
      node,
      { kind: 'completed', output, branch },
      { transition: 'resume' },
    );
  }

  /** The node timed out with nowhere to go: it fails, and its execution with it. */
  timeOut(execution: ExecutionRef, node: NodeRef, error: NodeError): Promise<boolean> {
    return this.outcomes.fail(execution, node, error, { transition: 'timeOut' });
  }
}
