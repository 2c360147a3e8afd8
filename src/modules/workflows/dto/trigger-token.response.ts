import { ApiProperty } from '@nestjs/swagger';

export class TriggerTokenResponse {
  /** Authenticates `POST /webhook/workflow/trigger/:workflowId` (X-Webhook-Token, Bearer or ?token=). */
  @ApiProperty({ example: 'wft_3yQ0m1xZbC7dE9fG2hJ4kL6nP8rS0tU1vW3xY5zA7bC' })
  triggerToken!: string;
}
