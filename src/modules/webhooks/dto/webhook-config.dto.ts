import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { anyJson } from '../../../platform/http/any-json.schema.js';
import { IsOmittable } from '../../../platform/http/is-omittable.js';

export class WebhookRetryPolicyDto {
  @ApiPropertyOptional({ example: 5 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts?: number;

  @ApiPropertyOptional({ example: 1000 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  backoffMs?: number;
}

export class WebhookConfigDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { 'X-Source': 'crm' } })
  @IsOmittable()
  @IsObject()
  headers?: Record<string, string>;

  /** JSON Schema the payload must match (checked on the worker; a mismatch fails the event). */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { type: 'object', required: ['entry'] } })
  @IsOmittable()
  @IsObject()
  expectedPayloadSchema?: Record<string, unknown>;

  /** Template(s) mapping the provider payload to the trigger's body, e.g. `{ "text": "{{ trigger.body.entry[0].changes[0].value.messages[0].text.body }}" }`. */
  @ApiPropertyOptional({ ...anyJson(), example: { text: '{{ trigger.body.lead.name }}' } })
  @IsOmittable()
  transformationTemplate?: unknown;

  @ApiPropertyOptional({ type: WebhookRetryPolicyDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => WebhookRetryPolicyDto)
  retryPolicy?: WebhookRetryPolicyDto;

  /** Answers Meta's verification handshake (`hub.verify_token`). */
  @ApiPropertyOptional({ example: 'my-verify-token' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  verifyToken?: string;
}
