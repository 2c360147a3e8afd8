import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class TenantRegisteredEvent extends DomainEvent<{ name: string; ownerId: string }> {
  readonly type = 'tenant.registered';
}
