import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, Length } from 'class-validator';
import { CREDENTIAL_TYPES, type CredentialType } from '../domain/credential-type.js';

export class CreateCredentialDto {
  @ApiProperty({ example: 'CRM API' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: CREDENTIAL_TYPES, example: 'bearer' })
  @IsIn(CREDENTIAL_TYPES)
  type!: CredentialType;

  /**
   * basic `{ username, password }`; bearer `{ token }`; api_key `{ key }`; signing `{ secret? }`
   * (a `whsec_` base64 secret of ≥ 24 bytes, generated and shown once when omitted).
   */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { token: 'sk_live_51H8xYzAbCdEfGh' },
  })
  @IsObject()
  data!: Record<string, unknown>;
}
