import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from '../../webhook-providers/index.js';
import { DateRangeQueryDto } from '../../../platform/http/date-range-query.dto.js';

export class WebhookAnalyticsQueryDto extends DateRangeQueryDto {
  /** Only webhooks of this provider. */
  @ApiPropertyOptional({ enum: WEBHOOK_PROVIDERS, example: 'whatsapp' })
  @IsOptional()
  @IsIn(WEBHOOK_PROVIDERS)
  provider?: WebhookProvider;
}
