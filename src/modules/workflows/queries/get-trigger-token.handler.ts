import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { workflowNotFound } from '../domain/workflow-errors.js';
import type { TriggerTokenResponse } from '../dto/trigger-token.response.js';
import { TRIGGER_TOKEN_AAD } from '../trigger-token.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { GetTriggerTokenQuery } from './get-trigger-token.query.js';

@QueryHandler(GetTriggerTokenQuery)
export class GetTriggerTokenHandler implements IQueryHandler<GetTriggerTokenQuery> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(query: GetTriggerTokenQuery): Promise<TriggerTokenResponse> {
    const row = await this.workflows
      .scoped()
      .queryBuilder(query.tenantId, 'workflow')
      .andWhere('workflow.id = :id', { id: query.workflowId })
      .select(['workflow.id', 'workflow.triggerTokenSealed'])
      .getOne();
    if (!row) throw workflowNotFound();
    return { triggerToken: this.secretBox.openText(query.tenantId, row.triggerTokenSealed, TRIGGER_TOKEN_AAD) };
  }
}
