import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from '../../webhook-providers/index.js';
import { WebhookConfigDto } from './webhook-config.dto.js';

export class CreateWebhookDto {
  @ApiProperty({ example: 'WhatsApp inbound' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ format: 'uuid', example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f' })
  @IsUUID()
  workflowId!: string;

  /** A `trigger.webhook` node of that workflow. */
  @ApiProperty({ example: 'inbound' })
  @IsString()
  @Length(1, 64)
  nodeId!: string;

  @ApiProperty({ enum: WEBHOOK_PROVIDERS, example: 'whatsapp' })
  @IsIn(WEBHOOK_PROVIDERS)
  provider!: WebhookProvider;

  @ApiPropertyOptional({ type: WebhookConfigDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookConfigDto)
  config?: WebhookConfigDto;

  /** The provider's signing secret (Meta app secret, `X-Signature-256` key or a `whsec_` Standard Webhooks secret). Never returned. */
  @ApiPropertyOptional({ example: 'meta-app-secret' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  secretKey?: string;
}
