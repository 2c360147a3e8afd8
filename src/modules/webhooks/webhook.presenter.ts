import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import type { WebhookResponse } from './dto/webhook.response.js';
import type { WebhookEntity } from './entities/webhook.entity.js';
import { WEBHOOK_TOKEN_AAD } from './webhook-token.js';
import { WebhookStats } from './webhook-stats.js';

/** Builds the API view of webhooks: URL, the tenant's own token, stats; never the secret key. */
@Injectable()
export class WebhookPresenter {
  constructor(
    private readonly config: AppConfig,
    private readonly secretBox: SecretBox,
    private readonly stats: WebhookStats,
  ) {}

  async present(webhooks: readonly WebhookEntity[]): Promise<WebhookResponse[]> {
    const stats = await this.stats.read(webhooks.map((webhook) => webhook.id));
    return webhooks.map((webhook) => ({
      id: webhook.id,
      name: webhook.name,
      workflowId: webhook.workflowId,
      nodeId: webhook.nodeId,
      provider: webhook.provider,
      status: webhook.status,
      url: `${this.config.publicBaseUrl}/webhooks/${webhook.id}`,
      authToken: this.secretBox.openText(webhook.tenantId, webhook.authTokenSealed, WEBHOOK_TOKEN_AAD),
      hasSecret: webhook.secretKeySealed !== null,
      config: webhook.config,
      stats: stats.get(webhook.id) ?? { totalCalls: 0, successfulCalls: 0 },
      createdAt: webhook.createdAt.toISOString(),
      updatedAt: webhook.updatedAt.toISOString(),
    }));
  }

  async presentOne(webhook: WebhookEntity): Promise<WebhookResponse> {
    return (await this.present([webhook]))[0];
  }
}
