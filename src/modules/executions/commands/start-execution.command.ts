import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { TriggerType } from '../domain/trigger-type.js';

export interface StartExecutionInput {
  workflowId: string;
  /** `published` for webhooks and triggers; `current` lets `execute` run a draft. */
  version: 'published' | 'current';
  triggerType: TriggerType;
  /** Which trigger node starts (a webhook's node); default: the first node of `triggerNodeType`. */
  triggerNodeId?: string;
  triggerNodeType: 'trigger.manual' | 'trigger.webhook' | 'trigger.channel';
  /** Becomes the trigger node's output: `{ body, headers, query }` or `{ body: input }`. */
  triggerInput: unknown;
  contactId?: string | null;
  /**
   * What caused it (an inbound event id): starting twice for the same key yields the first execution,
   * so a re-delivered event never runs its workflow twice.
   */
  sourceKey?: string;
  /**
   * Set by an inbound event's job (webhook, channel): that job did the trigger's work (the event
   * validated and transformed into `triggerInput`), so the trigger node is recorded succeeded with the
   * execution and its successors are queued at once. Otherwise (execute, the trigger route) the
   * trigger node runs as a job of its own.
   */
  triggerRan?: boolean;
}

/** Starts an execution of a workflow: used by `execute`, webhook ingress, channels and the trigger route. */
export class StartExecutionCommand extends TenantCommand<{ executionId: string }> {
  constructor(
    tenantId: string,
    actorId: string | null,
    readonly input: StartExecutionInput,
  ) {
    super(tenantId, actorId);
  }
}
