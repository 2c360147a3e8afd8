import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WebhookActionAnalyticsResponse } from '../dto/webhook-action-analytics.response.js';
import type { DateRange } from './date-range.js';

export class GetWebhookActionAnalyticsQuery extends TenantQuery<WebhookActionAnalyticsResponse> {
  constructor(
    tenantId: string,
    actorId: string | null,
    readonly range: DateRange,
  ) {
    super(tenantId, actorId);
  }
}
