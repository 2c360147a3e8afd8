import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_PROVIDERS } from '../../webhook-providers/index.js';

export class WebhookAnalyticsItem {
  @ApiProperty({ format: 'uuid', example: '6a1f0d9e-2b3c-4d5e-8f70-1a2b3c4d5e6f' })
  webhookId!: string;

  @ApiProperty({ example: 'WhatsApp inbox' })
  name!: string;

  @ApiProperty({ enum: WEBHOOK_PROVIDERS, example: 'whatsapp' })
  provider!: string;

  /** Accepted events received in the range (duplicates and refused requests are not events). */
  @ApiProperty({ example: 250 })
  events!: number;

  @ApiProperty({ example: 247 })
  processed!: number;

  @ApiProperty({ example: 3 })
  failed!: number;

  /** processed / (processed + failed), 0–1; null while no event of the range has been decided. */
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 1, example: 0.988 })
  successRate!: number | null;

  /** 95th percentile (percentile_cont) of receipt-to-processed time of the decided events. */
  @ApiProperty({ nullable: true, type: Number, example: 42 })
  p95ProcessingMs!: number | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T12:00:00.000Z' })
  lastReceivedAt!: string | null;
}

export class WebhookAnalyticsResponse {
  /** One item per webhook of the tenant (inactive ones included), busiest first. */
  @ApiProperty({ type: [WebhookAnalyticsItem] })
  items!: WebhookAnalyticsItem[];
}
