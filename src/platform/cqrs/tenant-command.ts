import { Command, Query } from '@nestjs/cqrs';
import { RequestContext } from '../observability/request-context.js';

/** Who asks, for which tenant, and under which correlation id: carried by every tenant-scoped message. */
export interface TenantScope {
  readonly tenantId: string;
  /** User or API key id; null for the system (workers, sweepers). */
  readonly actorId: string | null;
}

/** Base of every command that changes one tenant's state. `R` is what the handler returns. */
export abstract class TenantCommand<R = void> extends Command<R> implements TenantScope {
  readonly correlationId: string | undefined = RequestContext.current()?.correlationId;

  constructor(
    readonly tenantId: string,
    readonly actorId: string | null,
  ) {
    super();
  }
}

/** Base of every query that reads one tenant's state. */
export abstract class TenantQuery<R> extends Query<R> implements TenantScope {
  constructor(
    readonly tenantId: string,
    readonly actorId: string | null,
  ) {
    super();
  }
}
