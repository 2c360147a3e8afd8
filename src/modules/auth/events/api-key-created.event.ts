import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class ApiKeyCreatedEvent extends DomainEvent<{ name: string; role: string }> {
  readonly type = 'api_key.created';
}
