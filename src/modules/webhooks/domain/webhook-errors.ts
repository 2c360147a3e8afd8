import { DomainError } from '../../../platform/errors/domain-error.js';

export const webhookNotFound = () => new DomainError('not_found', 'webhook_not_found', 'Webhook not found.');
export const webhookEventNotFound = () =>
  new DomainError('not_found', 'webhook_event_not_found', 'Webhook event not found.');
export const webhookInactive = () => new DomainError('gone', 'webhook_inactive', 'This webhook is inactive.');
export const notAWebhookTrigger = (nodeId: string) =>
  new DomainError(
    'invalid_input',
    'invalid_webhook_node',
    `Node "${nodeId}" is not a trigger.webhook node of the workflow.`,
    [{ field: 'nodeId', message: `"${nodeId}" is not a trigger.webhook node of the workflow` }],
  );
