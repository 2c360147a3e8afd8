import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { BatchItemFailure, MicroBatcher, togetherOrAlone } from '../../platform/batching/micro-batcher.js';
import { pgPool, withPgClient } from '../../platform/database/pg-pool.js';
import type { DomainEvent } from '../../platform/outbox/domain-event.js';
import type { WorkflowGraph } from '../workflows/index.js';
import { retryPolicyOf } from './domain/node-retry-policy.js';
import { decideSettlement } from './domain/settlement.js';
import { ExecutionSucceededEvent } from './events/execution-succeeded.event.js';
import type { ScheduledNode } from './node-job.scheduler.js';
import type { LockedExecution } from './persistence/locked-execution.js';
import type { SettlementTarget, SettlementWrite } from './persistence/settlement.statements.js';
import { SettlementStore } from './persistence/settlement.store.js';

export interface SettlementRequest extends SettlementTarget {
  /** Of the job or request settling (its events carry it). */
  correlationId: string | null;
  graph: WorkflowGraph;
  /** The events of an applied change (given how long the node ran). */
  eventsOf?: (changed: { durationMs: number }) => DomainEvent<object>[];
}

export interface Settled {
  applied: boolean;
  /** Nodes that became ready: queue them (after commit). */
  toSchedule: ScheduledNode[];
  /** Committed with the settlement: publish them. */
  events: DomainEvent<object>[];
}

const NOT_APPLIED: Settled = { applied: false, toSchedule: [], events: [] };

/**
 * Group commit for the engine's hot path. Node outcomes recorded at once (by concurrent jobs, across
 * executions) are settled in one transaction of two round trips: BEGIN + locks + every change + node
 * states, then every settlement's writes + events + COMMIT. A batch holds at most one settlement per
 * execution (others wait for the next transaction, where they see the first one's decisions). If the
 * shared transaction fails, each settlement is retried alone, so one bad settlement fails only itself.
 */
@Injectable()
export class NodeSettlements {
  private readonly batches = new MicroBatcher<SettlementRequest, Settled>((requests) => this.settleBatch(requests), {
    maxBatchSize: 100,
    // One transaction in flight: what arrives meanwhile makes the next one larger (measured faster than 4).
    maxInFlight: 1,
    maxPending: 10_000,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: SettlementStore,
  ) {}

  settle(request: SettlementRequest): Promise<Settled> {
    return this.batches.submit(request);
  }

  private async settleBatch(requests: SettlementRequest[]): Promise<(Settled | BatchItemFailure)[]> {
    const results: (Settled | BatchItemFailure)[] = [];
    for (const round of oneSettlementPerExecution(requests)) {
      const settled = await togetherOrAlone(
        round.map((index) => requests[index]),
        (together) => this.settleTogether(together),
      );
      round.forEach((index, i) => (results[index] = settled[i]));
    }
    return results;
  }

  private settleTogether(requests: readonly SettlementRequest[]): Promise<Settled[]> {
    return withPgClient(pgPool(this.dataSource), async (client: PoolClient) => {
      const locked = await this.store.beginLockAndChange(client, requests);
      const writes: SettlementWrite[] = [];
      const settled = requests.map(({ graph, change, eventsOf, correlationId }, i): Settled => {
        const { execution, states, changed } = locked[i];
        // Nothing changed for it (no such execution, or the node could not make its transition): nothing to write.
        if (!execution || (change && !changed)) return NOT_APPLIED;
        const events = changed && eventsOf ? eventsOf(changed) : [];
        const settlement = decideSettlement(execution.status, graph, states);
        if (settlement.transition === 'succeed') events.push(succeededEvent(execution));
        writes.push({ executionId: execution.id, settlement, events, correlationId });
        const toSchedule = settlement.ready.map((nodeId) => ({
          tenantId: execution.tenantId,
          executionId: execution.id,
          nodeId,
          run: execution.retryCount,
          retry: retryPolicyOf(graph.node(nodeId)!),
        }));
        return { applied: true, toSchedule, events };
      });
      await this.store.commit(client, writes);
      return settled;
    });
  }
}

/** Request indexes in rounds, each round holding at most one request per execution (in arrival order). */
function oneSettlementPerExecution(requests: readonly SettlementRequest[]): number[][] {
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  requests.forEach((request, index) => {
    const round = seen.get(request.execution.id) ?? 0;
    seen.set(request.execution.id, round + 1);
    (rounds[round] ??= []).push(index);
  });
  return rounds;
}

function succeededEvent(execution: LockedExecution): ExecutionSucceededEvent {
  const durationMs = execution.startedAt ? Date.now() - execution.startedAt.getTime() : 0;
  return new ExecutionSucceededEvent({
    tenantId: execution.tenantId,
    aggregateType: 'execution',
    aggregateId: execution.id,
    payload: { workflowId: execution.workflowId, workflowVersion: execution.workflowVersion, durationMs },
  });
}
