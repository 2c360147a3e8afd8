import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class UserRoleChangedEvent extends DomainEvent<{ from: string; to: string }> {
  readonly type = 'user.role_changed';
}
