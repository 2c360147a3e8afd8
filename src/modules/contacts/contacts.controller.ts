import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { ContactPageResponse, ContactResponse } from './dto/contact.response.js';
import { ListContactsQueryDto } from './dto/list-contacts-query.dto.js';
import { GetContactQuery } from './queries/get-contact.query.js';
import { ListContactsQuery } from './queries/list-contacts.query.js';

@ApiTags('contacts')
@Controller('api/contacts')
@RequireRole('viewer')
export class ContactsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List contacts' })
  @ApiOkResponse({ type: ContactPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: ListContactsQueryDto): Promise<ContactPageResponse> {
    return this.queries.execute(new ListContactsQuery(actor.tenantId, actor.id, query.search, query.page, query.limit));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a contact with its fields' })
  @ApiOkResponse({ type: ContactResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContactResponse> {
    return this.queries.execute(new GetContactQuery(actor.tenantId, actor.id, id));
  }
}
