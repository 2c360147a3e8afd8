import { Command } from '@nestjs/cqrs';

export interface TriggerRequest {
  /** The token as presented (X-Webhook-Token, Authorization: Bearer or ?token=). */
  token: string | undefined;
  body: unknown;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** A call of the public trigger route of a workflow, authenticated by its trigger token. */
export class TriggerWorkflowCommand extends Command<{ executionId: string }> {
  constructor(
    readonly workflowId: string,
    readonly request: TriggerRequest,
  ) {
    super();
  }
}
