import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { anyJson } from '../../../platform/http/any-json.schema.js';
import { MAX_STORED_JSON_DEPTH, servableJson } from '../../../platform/database/postgres-text.js';
import { WEBHOOK_EVENT_STATUSES, type WebhookEventStatus } from '../domain/webhook-status.js';
import type { WebhookEventEntity } from '../entities/webhook-event.entity.js';

export class WebhookEventResponse {
  @ApiProperty({ format: 'uuid', example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  webhookId!: string;

  @ApiProperty({ example: 'whatsapp' })
  provider!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_STATUSES, example: 'processed' })
  status!: WebhookEventStatus;

  @ApiPropertyOptional({
    example: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
    nullable: true,
    type: String,
  })
  providerEventId!: string | null;

  @ApiProperty({
    ...anyJson(),
    description:
      `The payload as received: parsed JSON, a form's fields, or the raw text when it is not JSON. A stored payload nesting deeper ` +
      `than ${MAX_STORED_JSON_DEPTH} levels (accepted before ingress refused such payloads) is served as ` +
      '`{ "truncated": true, "reason": "…" }` instead: serialising it could overflow the stack.',
    example: { object: 'whatsapp_business_account' },
  })
  payload!: unknown;

  @ApiProperty({ description: 'Request headers without secrets', example: { 'content-type': 'application/json' } })
  headers!: Record<string, string>;

  @ApiPropertyOptional({ example: '203.0.113.7', nullable: true, type: String })
  sourceIp!: string | null;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  receivedAt!: string;

  @ApiPropertyOptional({ example: '2026-11-22T12:00:00.012Z', nullable: true, type: String })
  processedAt!: string | null;

  @ApiPropertyOptional({ example: 12, nullable: true, type: Number })
  processingTime!: number | null;

  /**
   * Why processing failed (status `failed`): the payload did not match the webhook's schema, nothing is
   * published, a template failed, or processing was given up for good — a permanent failure (e.g. the
   * payload nests too deeply) at once, any other failure after the job's last attempt.
   */
  @ApiPropertyOptional({ example: 'The payload nests deeper than 64 levels.', nullable: true, type: String })
  error!: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
  })
  workflowExecutionId!: string | null;

  static from(event: WebhookEventEntity, payload: unknown): WebhookEventResponse {
    return {
      id: event.id,
      webhookId: event.webhookId,
      provider: event.provider,
      status: event.status,
      providerEventId: event.providerEventId,
      payload: servableJson(payload),
      headers: event.headers,
      sourceIp: event.sourceIp,
      receivedAt: event.receivedAt.toISOString(),
      processedAt: event.processedAt?.toISOString() ?? null,
      processingTime: event.processingTimeMs,
      error: event.error,
      workflowExecutionId: event.workflowExecutionId,
    };
  }
}

export class WebhookEventPageResponse {
  @ApiProperty({ type: [WebhookEventResponse] })
  items!: WebhookEventResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
