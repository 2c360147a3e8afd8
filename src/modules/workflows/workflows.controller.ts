import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { etag, parseIfMatch } from '../../platform/http/if-match.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { ArchiveWorkflowCommand } from './commands/archive-workflow.command.js';
import { CreateWorkflowCommand } from './commands/create-workflow.command.js';
import { PublishWorkflowCommand } from './commands/publish-workflow.command.js';
import { RegenerateTriggerTokenCommand } from './commands/regenerate-trigger-token.command.js';
import { RevertWorkflowCommand } from './commands/revert-workflow.command.js';
import { UpdateWorkflowCommand } from './commands/update-workflow.command.js';
import { CreateWorkflowDto } from './dto/create-workflow.dto.js';
import { ListWorkflowsQueryDto } from './dto/list-workflows-query.dto.js';
import { TriggerTokenResponse } from './dto/trigger-token.response.js';
import { UpdateWorkflowDto } from './dto/update-workflow.dto.js';
import { WorkflowPageResponse } from './dto/workflow-page.response.js';
import { WorkflowVersionPageResponse } from './dto/workflow-version-page.response.js';
import { WorkflowVersionResponse } from './dto/workflow-version.response.js';
import { MAX_WORKFLOW_VERSION } from './domain/workflow-version.js';
import { WorkflowResponse } from './dto/workflow.response.js';
import { GetTriggerTokenQuery } from './queries/get-trigger-token.query.js';
import { GetWorkflowVersionQuery } from './queries/get-workflow-version.query.js';
import { GetWorkflowQuery } from './queries/get-workflow.query.js';
import { ListWorkflowVersionsQuery } from './queries/list-workflow-versions.query.js';
import { ListWorkflowsQuery } from './queries/list-workflows.query.js';
import { WorkflowVersionPipe } from './workflow-version.pipe.js';

const VERSION_PARAM = {
  name: 'version',
  schema: { type: 'integer' as const, minimum: 1, maximum: MAX_WORKFLOW_VERSION },
};
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'ETag from GET ("<version>"); 409 if the workflow changed since.',
};

@ApiTags('workflows')
@Controller('api/workflows')
export class WorkflowsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({ summary: 'Create a workflow (draft, version 1)' })
  @ApiCreatedResponse({ type: WorkflowResponse })
  @ApiProblems(400, 401, 403, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateWorkflowDto): Promise<WorkflowResponse> {
    return this.commands.execute(new CreateWorkflowCommand(actor.tenantId, actor.id, body));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List workflows' })
  @ApiOkResponse({ type: WorkflowPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: ListWorkflowsQueryDto): Promise<WorkflowPageResponse> {
    return this.queries.execute(new ListWorkflowsQuery(actor.tenantId, actor.id, query));
  }

  /** Answers `ETag: "<version>"` for optimistic concurrency. */
  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a workflow' })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiProblems(400, 401, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WorkflowResponse> {
    const workflow = await this.queries.execute(new GetWorkflowQuery(actor.tenantId, actor.id, id));
    void reply.header('ETag', etag(workflow.version));
    return workflow;
  }

  /** Partial update; a change to nodes or edges creates a new version. */
  @Put(':id')
  @RequireRole('editor')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Update a workflow' })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateWorkflowDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WorkflowResponse> {
    const { version, ...changes } = body;
    const workflow = await this.commands.execute(
      new UpdateWorkflowCommand(actor.tenantId, actor.id, id, changes, parseIfMatch(ifMatch) ?? version),
    );
    void reply.header('ETag', etag(workflow.version));
    return workflow;
  }

  /** Archives: history is kept, webhooks bound to it deactivate, it can no longer change. */
  @Delete(':id')
  @HttpCode(204)
  @RequireRole('editor')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Archive a workflow' })
  @ApiNoContentResponse({ description: 'Archived.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async archive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.commands.execute(new ArchiveWorkflowCommand(actor.tenantId, actor.id, id, parseIfMatch(ifMatch)));
  }

  /** The current version becomes the one webhooks and the trigger route start. */
  @Post(':id/publish')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Publish the current version' })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WorkflowResponse> {
    return this.commands.execute(new PublishWorkflowCommand(actor.tenantId, actor.id, id));
  }

  @Get(':id/versions')
  @RequireRole('viewer')
  @ApiOperation({ summary: "List a workflow's versions" })
  @ApiOkResponse({ type: WorkflowVersionPageResponse })
  @ApiProblems(400, 401, 404)
  versions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<WorkflowVersionPageResponse> {
    return this.queries.execute(new ListWorkflowVersionsQuery(actor.tenantId, actor.id, id, query.page, query.limit));
  }

  @Get(':id/versions/:version')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get one version of a workflow' })
  @ApiParam(VERSION_PARAM)
  @ApiOkResponse({ type: WorkflowVersionResponse })
  @ApiProblems(400, 401, 404)
  version(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', WorkflowVersionPipe) version: number,
  ): Promise<WorkflowVersionResponse> {
    return this.queries.execute(new GetWorkflowVersionQuery(actor.tenantId, actor.id, id, version));
  }

  /** Creates a new version equal to the old one. */
  @Post(':id/versions/:version/revert')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Revert to an old version' })
  @ApiParam(VERSION_PARAM)
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  revert(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', WorkflowVersionPipe) version: number,
  ): Promise<WorkflowResponse> {
    return this.commands.execute(new RevertWorkflowCommand(actor.tenantId, actor.id, id, version));
  }

  @Get(':id/trigger-token')
  @RequireRole('editor')
  @ApiOperation({ summary: 'The token that authenticates POST /webhook/workflow/trigger/:workflowId' })
  @ApiOkResponse({ type: TriggerTokenResponse })
  @ApiProblems(400, 401, 403, 404)
  triggerToken(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TriggerTokenResponse> {
    return this.queries.execute(new GetTriggerTokenQuery(actor.tenantId, actor.id, id));
  }

  @Post(':id/trigger-token/regenerate')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Replace the trigger token (the old one stops working at once)' })
  @ApiOkResponse({ type: TriggerTokenResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  regenerateTriggerToken(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TriggerTokenResponse> {
    return this.commands.execute(new RegenerateTriggerTokenCommand(actor.tenantId, actor.id, id));
  }
}
