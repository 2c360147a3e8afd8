import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { WebhookEventResponse, type WebhookEventPageResponse } from '../dto/webhook-event.response.js';
import { WebhookEventEntity } from '../entities/webhook-event.entity.js';
import { parsePayload } from '../payload-parser.js';
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
    const { status, dateFrom, dateTo, page, limit } = query.filters;
    const builder = new TenantScopedRepository(this.dataSource.getRepository(WebhookEventEntity))
      .queryBuilder(query.tenantId, 'event')
      .andWhere('event.webhookId = :webhookId', { webhookId: query.webhookId });
    if (status) builder.andWhere('event.status = :status', { status });
    if (dateFrom) builder.andWhere('event.receivedAt >= :dateFrom', { dateFrom });
    if (dateTo) builder.andWhere('event.receivedAt <= :dateTo', { dateTo });
    const [items, total] = await builder.orderBy('event.receivedAt', 'DESC').addOrderBy('event.id', 'ASC').skip((page - 1) * limit).take(limit).getManyAndCount();
    return { items: items.map((event) => WebhookEventResponse.from(event, parsePayload(event.rawBody, event.contentType))), page, limit, total };
  }
}
