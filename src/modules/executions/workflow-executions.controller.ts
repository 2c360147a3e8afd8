import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { StartExecutionCommand } from './commands/start-execution.command.js';
import { ExecuteWorkflowDto } from './dto/execute-workflow.dto.js';
import { ExecutionAcceptedResponse } from './dto/execution-accepted.response.js';
import { ExecutionPageResponse } from './dto/execution-page.response.js';
import { ListExecutionsQueryDto } from './dto/list-executions-query.dto.js';
import { NodeExecutionPageResponse } from './dto/node-execution-page.response.js';
import { ListNodeExecutionsQuery } from './queries/list-node-executions.query.js';
import { ListWorkflowExecutionsQuery } from './queries/list-workflow-executions.query.js';

@ApiTags('executions')
@Controller('api/workflows/:id')
export class WorkflowExecutionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Runs the current version (a draft too) from its trigger.manual node; `input` becomes `trigger.body`. */
  @Post('execute')
  @HttpCode(202)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Start an execution' })
  @ApiAcceptedResponse({ type: ExecutionAcceptedResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  execute(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExecuteWorkflowDto,
  ): Promise<ExecutionAcceptedResponse> {
    return this.commands.execute(
      new StartExecutionCommand(actor.tenantId, actor.id, {
        workflowId: id,
        version: 'current',
        triggerType: 'manual',
        triggerNodeType: 'trigger.manual',
        triggerInput: { body: body.input ?? {} },
      }),
    );
  }

  @Get('executions')
  @RequireRole('viewer')
  @ApiOperation({ summary: "A workflow's executions" })
  @ApiOkResponse({ type: ExecutionPageResponse })
  @ApiProblems(400, 401, 404)
  executions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListExecutionsQueryDto,
  ): Promise<ExecutionPageResponse> {
    return this.queries.execute(new ListWorkflowExecutionsQuery(actor.tenantId, actor.id, id, query));
  }

  @Get('nodes/:nodeId/executions')
  @RequireRole('viewer')
  @ApiOperation({ summary: "One node's runs across executions" })
  @ApiOkResponse({ type: NodeExecutionPageResponse })
  @ApiProblems(400, 401, 404)
  nodeExecutions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('nodeId') nodeId: string,
    @Query() query: PageQueryDto,
  ): Promise<NodeExecutionPageResponse> {
    return this.queries.execute(
      new ListNodeExecutionsQuery(actor.tenantId, actor.id, id, nodeId, query.page, query.limit),
    );
  }
}
