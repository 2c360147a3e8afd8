import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { anyJson } from '../../../platform/http/any-json.schema.js';
import { PageQueryDto } from '../../../platform/http/page-query.dto.js';

export class TestWebhookActionDto {
  /** An `action.http` config (SPEC §7), validated like a node's. */
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { method: 'POST', url: 'https://api.example.com/orders', body: { id: '{{ trigger.body.id }}' } },
  })
  @IsObject()
  config!: Record<string, unknown>;

  /** The expression context: `{ trigger: { body }, contact: { fields }, nodes }`. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { trigger: { body: { id: 42 } } } })
  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;
}

/** The call, described: `ok` with the answer, or why it failed (`errorClass`, `error`); 200 either way. */
export class TestWebhookActionResponse {
  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ example: 200 })
  status?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'content-type': 'application/json' },
  })
  headers?: Record<string, string>;

  /** The response body: parsed JSON when the answer is JSON, else the text ("" for an empty answer). */
  @ApiPropertyOptional({ ...anyJson(), example: { received: true } })
  body?: unknown;

  @ApiProperty({ example: 84 })
  durationMs!: number;

  /**
   * When `ok` is false: the class the node would fail with. `invalid_config` (a config a workflow
   * could not be saved with, an unknown credential), `invalid_header` (a header the HTTP client cannot
   * send), `expression_error` (a template failed to compile or evaluate, or went over its bounds),
   * `ssrf_blocked`, `timeout`, `dns_failure`, `connection_refused`, `tls_error`, `response_too_large`,
   * `http_4xx`, `rate_limited`, `http_5xx`.
   */
  @ApiPropertyOptional({ example: 'http_5xx' })
  errorClass?: string;

  /** What went wrong, readable; never a credential or a header value. */
  @ApiPropertyOptional({ example: 'The target answered HTTP 503.' })
  error?: string;

  /** What responseMapping extracted: `{ output: {...}, contactFields: {...} }`. */
  @ApiProperty({ example: { output: { orderId: 7 }, contactFields: {} } })
  mapped!: unknown;
}

export class CircuitResponse {
  @ApiProperty({ example: 'https://api.example.com' })
  origin!: string;

  @ApiProperty({ enum: ['closed', 'open', 'half_open'], example: 'closed' })
  state!: string;

  @ApiProperty({ example: 0 })
  consecutiveFailures!: number;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  openUntil!: string | null;
}

export class CircuitListResponse {
  @ApiProperty({ type: [CircuitResponse] })
  items!: CircuitResponse[];
}

export class ListActionExecutionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  workflowId?: string;

  @ApiPropertyOptional({ example: 'notify' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  nodeId?: string;

  @ApiPropertyOptional({ enum: ['succeeded', 'failed'] })
  @IsOptional()
  @IsIn(['succeeded', 'failed'])
  status?: 'succeeded' | 'failed';
}

export class ActionExecutionResponse {
  @ApiProperty({ format: 'uuid', example: '8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b' })
  id!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  workflowId!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  executionId!: string | null;

  @ApiPropertyOptional({ example: 'notify', nullable: true, type: String })
  nodeId!: string | null;

  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ example: 'POST' })
  method!: string;

  /** Query values redacted. */
  @ApiProperty({ example: 'https://api.example.com/orders?key=REDACTED' })
  url!: string;

  /** Auth and signature headers redacted. */
  @ApiProperty({ example: { 'content-type': 'application/json', authorization: '[redacted]' } })
  requestHeaders!: Record<string, string>;

  @ApiProperty({ enum: ['succeeded', 'failed'], example: 'succeeded' })
  status!: string;

  @ApiPropertyOptional({ example: 200, nullable: true, type: Number })
  httpStatus!: number | null;

  @ApiProperty({ example: 84 })
  durationMs!: number;

  /** At most 64 KiB of the response body. */
  @ApiPropertyOptional({ example: '{"received":true}', nullable: true, type: String })
  responseExcerpt!: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  errorClass!: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  errorMessage!: string | null;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;
}

export class ActionExecutionPageResponse {
  @ApiProperty({ type: [ActionExecutionResponse] })
  items!: ActionExecutionResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
