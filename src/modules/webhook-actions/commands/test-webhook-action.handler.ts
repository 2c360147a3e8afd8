import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { performance } from 'node:perf_hooks';
import type { ExpressionContext } from '../../../platform/expressions/template-evaluator.js';
import { NodeTypeCatalog } from '../../workflows/index.js';
import type { HttpActionConfig } from '../actions/http-action-config.js';
import { HttpActionRunner, isCallResult, NO_MAPPING, type CallResult } from '../actions/http-action.runner.js';
import { configFailure, thrownFailure, type TestCallFailure } from '../actions/test-call-failure.js';
import type { TestWebhookActionResponse } from '../dto/webhook-action.dto.js';
import { TestWebhookActionCommand } from './test-webhook-action.command.js';

/**
 * Tries an `action.http` config once, now: no retry, no circuit, no rate limit. Every way the call
 * can fail (a config a workflow could not be saved with, a template, a credential, a header, the
 * SSRF guard, the network, the answer) is described with the error class the engine would give the
 * node; only a fault of Flowhook itself is thrown.
 */
@CommandHandler(TestWebhookActionCommand)
export class TestWebhookActionHandler implements ICommandHandler<TestWebhookActionCommand> {
  constructor(
    private readonly catalog: NodeTypeCatalog,
    private readonly runner: HttpActionRunner,
  ) {}

  async execute({ tenantId, config, context }: TestWebhookActionCommand): Promise<TestWebhookActionResponse> {
    const started = performance.now();
    const errors = this.catalog.validateConfig('action.http', config);
    if (errors.length > 0) return failed(configFailure(errors, config), started);
    const action = config as unknown as HttpActionConfig;
    const expressionContext: ExpressionContext = { trigger: {}, nodes: {}, contact: null, ...(context ?? {}) };
    let result: CallResult;
    try {
      const prepared = await this.runner.prepare(tenantId, action, expressionContext, {});
      result = isCallResult(prepared)
        ? prepared
        : await this.runner.send(tenantId, action, prepared, {
            workflowId: null,
            executionId: null,
            nodeId: null,
            attempt: 1,
          });
    } catch (error) {
      const failure = thrownFailure(error);
      if (failure === undefined) throw error;
      return failed(failure, started);
    }
    return answerOf(result);
  }
}

function failed(failure: TestCallFailure, started: number): TestWebhookActionResponse {
  return {
    ok: false,
    durationMs: Math.round(performance.now() - started),
    errorClass: failure.errorClass,
    error: failure.error,
    mapped: NO_MAPPING,
  };
}

function answerOf(result: CallResult): TestWebhookActionResponse {
  const durationMs = Math.round(result.durationMs);
  if (result.ok)
    return {
      ok: true,
      status: result.status,
      headers: result.headers,
      body: result.body,
      durationMs,
      mapped: result.mapped,
    };
  return {
    ok: false,
    ...(result.status !== undefined ? { status: result.status, headers: result.headers, body: result.body } : {}),
    durationMs,
    errorClass: result.errorClass,
    error: result.error,
    mapped: result.mapped,
  };
}
