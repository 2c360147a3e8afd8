import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, Length } from 'class-validator';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from '../../webhook-providers/index.js';
import type { ChannelEntity } from '../entities/channel.entity.js';

export class CreateChannelDto {
  @ApiProperty({ enum: WEBHOOK_PROVIDERS, example: 'instagram' })
  @IsIn(WEBHOOK_PROVIDERS)
  provider!: WebhookProvider;

  @ApiProperty({ example: 'Store Instagram' })
  @IsString()
  @Length(1, 200)
  name!: string;

  /** Provider account secrets; `appSecret` verifies the provider's signatures at channel ingress. Never returned. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { appSecret: 'meta-app-secret', accessToken: 'EAAG...' },
  })
  @IsObject()
  credentials!: Record<string, unknown>;
}

export class UpdateChannelDto extends PartialType(PickType(CreateChannelDto, ['name', 'credentials'] as const)) {}

export class ChannelResponse {
  @ApiProperty({ format: 'uuid', example: '4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d' })
  id!: string;

  @ApiProperty({ enum: WEBHOOK_PROVIDERS, example: 'instagram' })
  provider!: WebhookProvider;

  @ApiProperty({ example: 'Store Instagram' })
  name!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { appSecret: '****cret' } })
  credentials!: Record<string, string>;

  /** Append the event name: `<ingressUrl>/<event>`, e.g. `/message`. */
  @ApiProperty({ example: 'https://flowhook.example.com/webhooks/4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d/instagram' })
  ingressUrl!: string;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  updatedAt!: string;

  static from(channel: ChannelEntity, publicBaseUrl: string): ChannelResponse {
    return {
      id: channel.id,
      provider: channel.provider,
      name: channel.name,
      credentials: channel.masked,
      ingressUrl: `${publicBaseUrl}/webhooks/${channel.id}/${channel.provider}`,
      createdAt: channel.createdAt.toISOString(),
      updatedAt: channel.updatedAt.toISOString(),
    };
  }
}

export class ChannelPageResponse {
  @ApiProperty({ type: [ChannelResponse] })
  items!: ChannelResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}

export class ChannelIngressResponse {
  @ApiProperty({ enum: ['accepted', 'duplicate'], example: 'accepted' })
  status!: 'accepted' | 'duplicate';

  @ApiProperty({ format: 'uuid', example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  eventId!: string;
}

export class ChannelEventResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'message' })
  event!: string;

  @ApiProperty({ enum: ['received', 'processed', 'failed'], example: 'processed' })
  status!: string;

  @ApiPropertyOptional({ type: [String], example: ['5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e'] })
  executionIds!: string[];

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  error!: string | null;
}
