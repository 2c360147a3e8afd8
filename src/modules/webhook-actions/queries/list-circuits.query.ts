import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { CircuitListResponse } from '../dto/webhook-action.dto.js';

export class ListCircuitsQuery extends TenantQuery<CircuitListResponse> {}
