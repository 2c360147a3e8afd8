import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ActionExecutionPageResponse } from '../dto/webhook-action.dto.js';
import { ActionExecutionsReader } from './action-executions.reader.js';
import { ListActionExecutionsQuery } from './list-action-executions.query.js';

@QueryHandler(ListActionExecutionsQuery)
export class ListActionExecutionsHandler implements IQueryHandler<ListActionExecutionsQuery> {
  constructor(private readonly executions: ActionExecutionsReader) {}

  execute(query: ListActionExecutionsQuery): Promise<ActionExecutionPageResponse> {
    return this.executions.list(query.tenantId, query.filter);
  }
}
