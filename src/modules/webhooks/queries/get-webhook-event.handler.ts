import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { webhookEventNotFound } from '../domain/webhook-errors.js';
import { WebhookEventResponse } from '../dto/webhook-event.response.js';
import { WebhookEventEntity } from '../entities/webhook-event.entity.js';
import { parsePayload } from '../../webhook-providers/index.js';
import { GetWebhookEventQuery } from './get-webhook-event.query.js';

@QueryHandler(GetWebhookEventQuery)
export class GetWebhookEventHandler implements IQueryHandler<GetWebhookEventQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: GetWebhookEventQuery): Promise<WebhookEventResponse> {
    const event = await new TenantScopedRepository(this.dataSource.getRepository(WebhookEventEntity)).findOne(
      query.tenantId,
      { id: query.eventId, webhookId: query.webhookId },
    );
    if (!event) throw webhookEventNotFound();
    return WebhookEventResponse.from(event, parsePayload(event.rawBody, event.contentType));
  }
}
