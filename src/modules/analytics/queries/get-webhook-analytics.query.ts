import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WebhookAnalyticsResponse } from '../dto/webhook-analytics.response.js';
import type { DateRange } from './date-range.js';

export class GetWebhookAnalyticsQuery extends TenantQuery<WebhookAnalyticsResponse> {
  constructor(
    tenantId: string,
    actorId: string | null,
    readonly provider: string | undefined,
    readonly range: DateRange,
  ) {
    super(tenantId, actorId);
  }
}
