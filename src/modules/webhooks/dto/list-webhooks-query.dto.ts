import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/page-query.dto.js';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from '../../webhook-providers/index.js';
import { WEBHOOK_STATUSES, type WebhookStatus } from '../domain/webhook-status.js';

export class ListWebhooksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  workflowId?: string;

  @ApiPropertyOptional({ example: 'inbound' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  nodeId?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_PROVIDERS })
  @IsOptional()
  @IsIn(WEBHOOK_PROVIDERS)
  provider?: WebhookProvider;

  @ApiPropertyOptional({ enum: WEBHOOK_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_STATUSES)
  status?: WebhookStatus;
}
