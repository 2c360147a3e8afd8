import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class ApiKeyRevokedEvent extends DomainEvent<{ name: string }> {
  readonly type = 'api_key.revoked';
}
