import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { toPostgresJson } from '../database/postgres-text.js';
import { sqlLiteral } from '../database/sql-literal.js';
import { RequestContext } from '../observability/request-context.js';
import type { DomainEvent } from './domain-event.js';

export interface Transaction {
  readonly manager: EntityManager;
  /** Stores the event with this transaction's changes; it is published only if they commit. */
  record(event: DomainEvent<object>): void;
}

/**
 * The one way commands change state: the work and its domain events commit together
 * (transactional outbox in the event store), then the events go out on the EventBus.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventBus: EventBus,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const events: DomainEvent<object>[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work({ manager, record: (event) => events.push(event) });
      await appendEvents(manager, events);
      return value;
    });
    if (events.length > 0) this.eventBus.publishAll(events);
    return result;
  }
}

/** The head of every insert into the event store (single statements add their rows with a SELECT). */
export const EVENT_STORE_INSERT =
  'INSERT INTO event_store (tenant_id, type, aggregate_type, aggregate_id, actor_id, correlation_id, payload, occurred_at)';

/** One multi-row INSERT for all of a transaction's events. */
export async function appendEvents(manager: EntityManager, events: readonly DomainEvent<object>[]): Promise<void> {
  if (events.length === 0) return;
  const correlationId = RequestContext.current()?.correlationId ?? null;
  const params: unknown[] = [];
  const rows = events.map((event) => {
    const base = params.length;
    params.push(
      event.tenantId,
      event.type,
      event.aggregateType,
      event.aggregateId,
      event.actorId,
      correlationId,
      toPostgresJson(event.payload),
      event.occurredAt,
    );
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::jsonb, $${base + 8})`;
  });
  await manager.query(`${EVENT_STORE_INSERT} VALUES ${rows.join(', ')}`, params);
}

/**
 * The same INSERT as `appendEvents`, as literal SQL for a simple-protocol batch (so it can share a
 * round trip with other statements and the COMMIT); each event with the correlation id it was recorded under.
 */
export function appendEventsSql(
  events: readonly { event: DomainEvent<object>; correlationId: string | null }[],
): string {
  const rows = events.map(({ event, correlationId }) =>
    [event.tenantId, event.type, event.aggregateType, event.aggregateId, event.actorId, correlationId]
      .map((value) => sqlLiteral(value))
      .concat(`${sqlLiteral(toPostgresJson(event.payload))}::jsonb`, sqlLiteral(event.occurredAt))
      .join(', '),
  );
  return `${EVENT_STORE_INSERT} VALUES (${rows.join('), (')})`;
}
