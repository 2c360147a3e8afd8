import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { WorkflowArchivedEvent } from '../workflows/index.js';

/** Archiving a workflow deactivates its webhooks (ingress then answers 410); their events are kept. */
@EventsHandler(WorkflowArchivedEvent)
export class DeactivateWebhooksOnArchive implements IEventHandler<WorkflowArchivedEvent> {
  constructor(private readonly dataSource: DataSource) {}

  async handle(event: WorkflowArchivedEvent): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhooks SET status = 'inactive', updated_at = now() WHERE tenant_id = $1 AND workflow_id = $2 AND status = 'active'`,
      [event.tenantId, event.aggregateId],
    );
  }
}
