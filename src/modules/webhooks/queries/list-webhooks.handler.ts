import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { FindOptionsWhere } from 'typeorm';
import type { WebhookPageResponse } from '../dto/webhook.response.js';
import type { WebhookEntity } from '../entities/webhook.entity.js';
import { WebhookPresenter } from '../webhook.presenter.js';
import { WebhookRepository } from '../webhook.repository.js';
import { ListWebhooksQuery } from './list-webhooks.query.js';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly presenter: WebhookPresenter,
  ) {}

  async execute(query: ListWebhooksQuery): Promise<WebhookPageResponse> {
    const { workflowId, nodeId, provider, status, page, limit } = query.filters;
    const where: FindOptionsWhere<WebhookEntity> = {};
    if (workflowId) where.workflowId = workflowId;
    if (nodeId) where.nodeId = nodeId;
    if (provider) where.provider = provider;
    if (status) where.status = status;
    const { items, total } = await this.webhooks
      .scoped()
      .findPage(query.tenantId, where, page, limit, { createdAt: 'DESC', id: 'ASC' });
    return { items: await this.presenter.present(items), page, limit, total };
  }
}
