import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ActionExecutionResponse } from '../dto/webhook-action.dto.js';
import { ActionExecutionsReader } from './action-executions.reader.js';
import { GetActionExecutionQuery } from './get-action-execution.query.js';

@QueryHandler(GetActionExecutionQuery)
export class GetActionExecutionHandler implements IQueryHandler<GetActionExecutionQuery> {
  constructor(private readonly executions: ActionExecutionsReader) {}

  execute(query: GetActionExecutionQuery): Promise<ActionExecutionResponse> {
    return this.executions.get(query.tenantId, query.actionExecutionId);
  }
}
