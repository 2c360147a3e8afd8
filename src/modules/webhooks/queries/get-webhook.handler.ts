import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { WebhookResponse } from '../dto/webhook.response.js';
import { WebhookPresenter } from '../webhook.presenter.js';
import { WebhookRepository } from '../webhook.repository.js';
import { GetWebhookQuery } from './get-webhook.query.js';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly presenter: WebhookPresenter,
  ) {}

  async execute(query: GetWebhookQuery): Promise<WebhookResponse> {
    return this.presenter.presentOne(await this.webhooks.get(query.tenantId, query.webhookId));
  }
}
