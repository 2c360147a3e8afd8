import { ApiProperty } from '@nestjs/swagger';

export class WebhookActionAnalyticsItem {
  /** Target origin (scheme://host:port) of the outbound calls. */
  @ApiProperty({ example: 'https://api.example.com' })
  origin!: string;

  /** Attempts recorded in the range (each retry is a call). */
  @ApiProperty({ example: 530 })
  calls!: number;

  @ApiProperty({ example: 520 })
  succeeded!: number;

  @ApiProperty({ example: 10 })
  failed!: number;

  /** succeeded / calls, 0–1. */
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.981 })
  successRate!: number;

  /** 95th percentile (percentile_cont) of the attempts' durations. */
  @ApiProperty({ nullable: true, type: Number, example: 180 })
  p95LatencyMs!: number | null;

  /** The circuit breaker's state for this tenant and origin now; null when the breaker is not available. */
  @ApiProperty({ enum: ['closed', 'open', 'half_open'], example: 'closed' })
  circuitState!: 'closed' | 'open' | 'half_open';
}

export class WebhookActionAnalyticsResponse {
  @ApiProperty({ type: [WebhookActionAnalyticsItem] })
  items!: WebhookActionAnalyticsItem[];
}
