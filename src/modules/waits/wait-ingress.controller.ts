import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { isUUID } from 'class-validator';
import { Public } from '../auth/index.js';
import { presentedToken } from '../webhook-providers/index.js';
import { workflowNotFound } from '../workflows/index.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { ResumeWaitCommand } from './commands/resume-wait.command.js';
import { TriggerWorkflowCommand } from './commands/trigger-workflow.command.js';
import { ResumeResponse } from './dto/resume.response.js';
import { WorkflowTriggerResponse } from './dto/workflow-trigger.response.js';

const RESUME_ID_EXAMPLE = 'webhook_5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e_approval_3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6';

/** Public workflow routes: resume URLs of `wait` nodes, and the trigger route of a published workflow. */
@ApiTags('ingress')
@Public()
@Controller('webhook/workflow')
export class WaitIngressController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Resumes the execution waiting at this URL's `wait` node: the request (body, query and headers,
   * without credentials) becomes the node's output. Exactly one call wins; the URL is single-use.
   */
  @Post('resume/:resumeId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a waiting execution (POST)' })
  @ApiParam({
    name: 'resumeId',
    description: 'From `{{ $execution.<waitNodeId>.resume_url }}`',
    example: RESUME_ID_EXAMPLE,
  })
  @ApiBody({
    required: false,
    description: 'Any JSON; becomes `nodes.<waitNodeId>.output.body`',
    schema: { example: { approved: true, comment: 'Looks good' } },
  })
  @ApiOkResponse({ type: ResumeResponse })
  @ApiProblems(400, 404, 409, 410, 413, 415)
  resume(@Param('resumeId') resumeId: string, @Req() request: FastifyRequest): Promise<ResumeResponse> {
    return this.handleResume(resumeId, request);
  }

  /** The same as POST, for senders that can only follow a link (the query becomes `output.query`). */
  @Get('resume/:resumeId')
  @ApiOperation({ summary: 'Resume a waiting execution (GET)' })
  @ApiParam({
    name: 'resumeId',
    description: 'From `{{ $execution.<waitNodeId>.resume_url }}`',
    example: RESUME_ID_EXAMPLE,
  })
  @ApiOkResponse({ type: ResumeResponse })
  @ApiProblems(404, 409, 410)
  resumeByLink(@Param('resumeId') resumeId: string, @Req() request: FastifyRequest): Promise<ResumeResponse> {
    return this.handleResume(resumeId, request);
  }

  /**
   * Starts the published version of a workflow from its `trigger.webhook` node; the trigger input is
   * `{ body, headers, query }` (credentials removed). Authenticated by the workflow's trigger token.
   */
  @Post('trigger/:workflowId')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a published workflow with its trigger token' })
  @ApiParam({ name: 'workflowId', format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  @ApiHeader({
    name: 'X-Webhook-Token',
    required: false,
    description: 'The trigger token (or Authorization: Bearer, or ?token=)',
    example: 'wft_3q2-7wEvdKx1V0m2aZ9kP4sT6uY8bN1cR5fH7jL0',
  })
  @ApiBody({
    required: false,
    description: 'Any JSON; becomes `trigger.body`',
    schema: { example: { orderId: 'A-1001', amount: 150 } },
  })
  @ApiAcceptedResponse({ type: WorkflowTriggerResponse })
  @ApiProblems(400, 401, 404, 409, 413, 415)
  async trigger(
    @Param('workflowId') workflowId: string,
    @Req() request: FastifyRequest,
  ): Promise<WorkflowTriggerResponse> {
    // A malformed id in a public path is simply not found, never a 400 that probes the API.
    if (!isUUID(workflowId, 'all')) throw workflowNotFound();
    const query = (request.query ?? {}) as Record<string, unknown>;
    return this.commands.execute(
      new TriggerWorkflowCommand(workflowId, {
        token: presentedToken(request.headers, query),
        body: request.body,
        query,
        headers: request.headers,
      }),
    );
  }

  private async handleResume(resumeId: string, request: FastifyRequest): Promise<ResumeResponse> {
    const { executionId } = await this.commands.execute(
      new ResumeWaitCommand(resumeId, {
        body: request.body,
        query: (request.query ?? {}) as Record<string, unknown>,
        headers: request.headers,
      }),
    );
    return { status: 'resumed', executionId };
  }
}
