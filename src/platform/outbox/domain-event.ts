import type { IEvent } from '@nestjs/cqrs';

export interface DomainEventProps<P> {
  tenantId: string;
  actorId?: string | null;
  aggregateType: string;
  aggregateId?: string | null;
  payload: P;
}

/**
 * A fact that happened, stored in the event store in the transaction that made it happen and
 * published on the CQRS EventBus after commit. Subclasses set `type` (e.g. `workflow.published`).
 */
export abstract class DomainEvent<P extends object = Record<string, unknown>> implements IEvent {
  abstract readonly type: string;
  readonly tenantId: string;
  readonly actorId: string | null;
  readonly aggregateType: string;
  readonly aggregateId: string | null;
  readonly payload: P;
  readonly occurredAt = new Date();

  constructor(props: DomainEventProps<P>) {
    this.tenantId = props.tenantId;
    this.actorId = props.actorId ?? null;
    this.aggregateType = props.aggregateType;
    this.aggregateId = props.aggregateId ?? null;
    this.payload = props.payload;
  }
}
