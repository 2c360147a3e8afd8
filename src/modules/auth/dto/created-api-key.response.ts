import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyResponse } from './api-key.response.js';

export class CreatedApiKeyResponse extends ApiKeyResponse {
  /** The key itself, shown this once: send it as `X-API-Key`. */
  @ApiProperty({ example: 'fhk_Q2x9mN4bV7cX1zL8kJ5hG3fD6sA0pO2iU9yT4rE7wQ1' })
  key!: string;
}
