import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CircuitListResponse } from '../dto/webhook-action.dto.js';
import { CircuitBreaker } from '../resilience/circuit-breaker.js';
import { ListCircuitsQuery } from './list-circuits.query.js';

@QueryHandler(ListCircuitsQuery)
export class ListCircuitsHandler implements IQueryHandler<ListCircuitsQuery> {
  constructor(private readonly circuits: CircuitBreaker) {}

  async execute(query: ListCircuitsQuery): Promise<CircuitListResponse> {
    return { items: await this.circuits.list(query.tenantId) };
  }
}
