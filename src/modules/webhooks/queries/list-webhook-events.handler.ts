import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newestFirstPage } from '../../../platform/database/newest-first-page.js';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { WebhookEventResponse, type WebhookEventPageResponse } from '../dto/webhook-event.response.js';
import { WebhookEventEntity } from '../entities/webhook-event.entity.js';
import { parsePayload } from '../../webhook-providers/index.js';
import { WebhookRepository } from '../webhook.repository.js';
import { ListWebhookEventsQuery } from './list-webhook-events.query.js';

@QueryHandler(ListWebhookEventsQuery)
export class ListWebhookEventsHandler implements IQueryHandler<ListWebhookEventsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
  ) {}

  async execute(query: ListWebhookEventsQuery): Promise<WebhookEventPageResponse> {
    await this.webhooks.get(query.tenantId, query.webhookId);
    const { status, page, limit } = query.filters;
    const builder = new TenantScopedRepository(this.dataSource.getRepository(WebhookEventEntity))
      .queryBuilder(query.tenantId, 'event')
      .andWhere('event.webhookId = :webhookId', { webhookId: query.webhookId });
    if (status) builder.andWhere('event.status = :status', { status });
    const { items, total } = await newestFirstPage(builder, 'event', 'receivedAt', query.filters);
    return {
      items: items.map((event) => WebhookEventResponse.from(event, parsePayload(event.rawBody, event.contentType))),
      page,
      limit,
      total,
    };
  }
}
