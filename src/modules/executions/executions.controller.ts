import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { CancelExecutionCommand } from './commands/cancel-execution.command.js';
import { RetryExecutionCommand } from './commands/retry-execution.command.js';
import { ExecutionAcceptedResponse } from './dto/execution-accepted.response.js';
import { ExecutionResponse } from './dto/execution.response.js';
import { GetExecutionQuery } from './queries/get-execution.query.js';

@ApiTags('executions')
@Controller('api/executions')
export class ExecutionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The execution with every node execution: status, input, output, error, timings, attempts. */
  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get an execution' })
  @ApiOkResponse({ type: ExecutionResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ExecutionResponse> {
    return this.queries.execute(new GetExecutionQuery(actor.tenantId, actor.id, id));
  }

  /** Running nodes finish, nothing new starts; waiting nodes are cancelled. */
  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Cancel an execution' })
  @ApiOkResponse({ type: ExecutionResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ExecutionResponse> {
    return this.commands.execute(new CancelExecutionCommand(actor.tenantId, actor.id, id));
  }

  /** Re-runs a failed execution (same id) from its failed node, with the recorded inputs. */
  @Post(':id/retry')
  @HttpCode(202)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Retry a failed execution from its failed node' })
  @ApiAcceptedResponse({ type: ExecutionAcceptedResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  retry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ExecutionAcceptedResponse> {
    return this.commands.execute(new RetryExecutionCommand(actor.tenantId, actor.id, id));
  }
}
