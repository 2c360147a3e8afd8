import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { StartExecutionCommand } from '../../executions/index.js';
import { withoutSecretHeaders } from '../../webhook-providers/index.js';
import { TriggerTokenVerifier } from '../../workflows/index.js';
import { TriggerWorkflowCommand } from './trigger-workflow.command.js';

/** Authenticates the caller with the workflow's trigger token, then starts its published version from `trigger.webhook`. */
@CommandHandler(TriggerWorkflowCommand)
export class TriggerWorkflowHandler implements ICommandHandler<TriggerWorkflowCommand> {
  constructor(
    private readonly verifier: TriggerTokenVerifier,
    private readonly commands: CommandBus,
  ) {}

  async execute({ workflowId, request }: TriggerWorkflowCommand): Promise<{ executionId: string }> {
    const { tenantId } = await this.verifier.verify(workflowId, request.token);
    RequestContext.setIdentity(tenantId, undefined);
    const headers = withoutSecretHeaders(
      Object.fromEntries(Object.entries(request.headers).filter(([, value]) => value !== undefined)),
    );
    const query = Object.fromEntries(Object.entries(request.query).filter(([key]) => key !== 'token'));
    return this.commands.execute(
      new StartExecutionCommand(tenantId, null, {
        workflowId,
        version: 'published',
        triggerType: 'trigger_route',
        triggerNodeType: 'trigger.webhook',
        triggerInput: { body: request.body ?? null, headers, query },
      }),
    );
  }
}
