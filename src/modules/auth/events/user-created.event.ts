import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class UserCreatedEvent extends DomainEvent<{ email: string; role: string }> {
  readonly type = 'user.created';
}
