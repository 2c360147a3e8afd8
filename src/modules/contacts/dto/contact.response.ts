import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ContactResponse {
  @ApiProperty({ format: 'uuid', example: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' })
  id!: string;

  /** The channel or provider the contact came from. */
  @ApiProperty({ example: 'whatsapp' })
  source!: string;

  /** The customer's id at that source (phone number, sender id, user id). */
  @ApiProperty({ example: '16505551234' })
  externalId!: string;

  @ApiPropertyOptional({ example: 'Sheena Nelson', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { tier: 'gold' } })
  fields!: Record<string, unknown>;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  updatedAt!: string;
}

export class ContactPageResponse {
  @ApiProperty({ type: [ContactResponse] })
  items!: ContactResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
