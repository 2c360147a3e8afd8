import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DateRangeQueryDto } from '../../../platform/http/date-range-query.dto.js';
import { PageQueryDto } from '../../../platform/http/page-query.dto.js';
import { WEBHOOK_EVENT_STATUSES, type WebhookEventStatus } from '../domain/webhook-status.js';

export class ListWebhookEventsQueryDto extends IntersectionType(PageQueryDto, DateRangeQueryDto) {
  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_EVENT_STATUSES)
  status?: WebhookEventStatus;
}
