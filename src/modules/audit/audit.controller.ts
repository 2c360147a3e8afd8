import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { AuditEventPageResponse } from './dto/audit-event.response.js';
import { ListEventsQueryDto } from './dto/list-events-query.dto.js';
import { ListAuditEventsQuery } from './queries/list-audit-events.query.js';

@ApiTags('events')
@Controller('api/events')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  /** Every state change of the tenant, in order, with its actor. */
  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: "The tenant's audit log (domain events)" })
  @ApiOkResponse({ type: AuditEventPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: ListEventsQueryDto): Promise<AuditEventPageResponse> {
    return this.queries.execute(
      new ListAuditEventsQuery(actor.tenantId, actor.id, query.type, query.afterSequence, query.limit),
    );
  }
}
