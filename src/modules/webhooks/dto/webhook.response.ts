import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from '../../webhook-providers/index.js';
import { WEBHOOK_STATUSES, type WebhookStatus } from '../domain/webhook-status.js';
import { WebhookConfigDto } from './webhook-config.dto.js';

export class WebhookStatsDto {
  @ApiProperty({ example: 42 })
  totalCalls!: number;

  @ApiProperty({ example: 40 })
  successfulCalls!: number;

  @ApiPropertyOptional({ example: '2026-11-22T12:00:00.000Z' })
  lastCalledAt?: string;

  @ApiPropertyOptional({ example: '2026-11-22T11:00:00.000Z' })
  lastErrorAt?: string;

  @ApiPropertyOptional({ example: 'invalid signature' })
  lastError?: string;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  id!: string;

  @ApiProperty({ example: 'WhatsApp inbound' })
  name!: string;

  @ApiProperty({ format: 'uuid', example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f' })
  workflowId!: string;

  @ApiProperty({ example: 'inbound' })
  nodeId!: string;

  @ApiProperty({ enum: WEBHOOK_PROVIDERS, example: 'whatsapp' })
  provider!: WebhookProvider;

  @ApiProperty({ enum: WEBHOOK_STATUSES, example: 'active' })
  status!: WebhookStatus;

  /** Where the provider posts. */
  @ApiProperty({ example: 'https://flowhook.example.com/webhooks/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  url!: string;

  /** Send as `X-Webhook-Token`, `Authorization: Bearer` or `?token=`. */
  @ApiProperty({ example: 'whk_Q2x9mN4bV7cX1zL8kJ5hG3fD6sA0pO2iU9yT4rE7wQ1' })
  authToken!: string;

  @ApiProperty({ example: true })
  hasSecret!: boolean;

  @ApiProperty({ type: WebhookConfigDto })
  config!: WebhookConfigDto;

  @ApiProperty({ type: WebhookStatsDto })
  stats!: WebhookStatsDto;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  updatedAt!: string;
}

export class WebhookPageResponse {
  @ApiProperty({ type: [WebhookResponse] })
  items!: WebhookResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}

export class WebhookTokenResponse {
  @ApiProperty({ example: 'whk_Q2x9mN4bV7cX1zL8kJ5hG3fD6sA0pO2iU9yT4rE7wQ1' })
  authToken!: string;
}
