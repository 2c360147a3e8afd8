import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

export class WebhookRetryPolicyDto {
  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts?: number;

  @ApiPropertyOptional({ example: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  backoffMs?: number;
}

export class WebhookConfigDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { 'X-Source': 'crm' } })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  /** JSON Schema the payload must match (checked on the worker; a mismatch fails the event). */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { type: 'object', required: ['entry'] } })
  @IsOptional()
  @IsObject()
  expectedPayloadSchema?: Record<string, unknown>;

  /** Template(s) mapping the provider payload to the trigger's body, e.g. `{ "text": "{{ trigger.body.entry[0].changes[0].value.messages[0].text.body }}" }`. */
  @ApiPropertyOptional({ example: { text: '{{ trigger.body.lead.name }}' } })
  @IsOptional()
  transformationTemplate?: unknown;

  @ApiPropertyOptional({ type: WebhookRetryPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookRetryPolicyDto)
  retryPolicy?: WebhookRetryPolicyDto;

  /** Answers Meta's verification handshake (`hub.verify_token`). */
  @ApiPropertyOptional({ example: 'my-verify-token' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  verifyToken?: string;
}
