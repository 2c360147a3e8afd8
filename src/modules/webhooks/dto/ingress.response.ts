import { ApiProperty } from '@nestjs/swagger';

export class IngressResponse {
  /** `accepted`: stored and queued (202); `duplicate`: seen within 24 h, nothing new starts (200). */
  @ApiProperty({ enum: ['accepted', 'duplicate'], example: 'accepted' })
  status!: 'accepted' | 'duplicate';

  @ApiProperty({ format: 'uuid', example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  eventId!: string;
}

export class WebhookPublicStatusResponse {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  id!: string;

  @ApiProperty({ enum: ['active', 'inactive'], example: 'active' })
  status!: string;

  @ApiProperty({ example: 'whatsapp' })
  provider!: string;
}
