import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class UserDeletedEvent extends DomainEvent<{ email: string }> {
  readonly type = 'user.deleted';
}
