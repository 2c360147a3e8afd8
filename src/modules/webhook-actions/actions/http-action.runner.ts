import { Injectable } from '@nestjs/common';
import type { ExpressionBindings, ExpressionContext } from '../../../platform/expressions/template-evaluator.js';
import { classifyStatus } from '../http/http-status-classifier.js';
import { OutboundError, type OutboundErrorClass } from '../http/outbound-error.js';
import { OutboundHttpClient } from '../http/outbound-http-client.js';
import { applyResponseMapping, type MappedValues } from '../mapping/response-mapping.js';
import { AttemptLog } from './attempt-log.js';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type HttpActionConfig } from './http-action-config.js';
import { HttpActionRequestBuilder, type BuiltRequest } from './http-action-request.builder.js';
import { OutboundMetrics } from './outbound-metrics.js';

export interface CallOrigin {
  workflowId: string | null;
  executionId: string | null;
  nodeId: string | null;
  attempt: number;
}

export type CallResult =
  | {
      ok: true;
      origin: string;
      status: number;
      headers: Record<string, string>;
      body: unknown;
      durationMs: number;
      mapped: MappedValues;
    }
  | {
      ok: false;
      origin: string | null;
      status?: number;
      headers?: Record<string, string>;
      body?: unknown;
      durationMs: number;
      errorClass: string;
      error: string;
      retryable: boolean;
      retryAfterMs?: number;
      countsForCircuit: boolean;
      mapped: MappedValues;
    };

export const NO_MAPPING: MappedValues = { output: {}, contactFields: {} };

/** Failures that say nothing about the target's health: they never count towards its circuit. */
const NOT_THE_TARGETS_FAULT: ReadonlySet<OutboundErrorClass> = new Set([
  'ssrf_blocked',
  'response_too_large',
  'invalid_header',
]);

/** Builds, sends, classifies and logs one outbound call; shared by the node and the test endpoint. */
@Injectable()
export class HttpActionRunner {
  constructor(
    private readonly builder: HttpActionRequestBuilder,
    private readonly client: OutboundHttpClient,
    private readonly attempts: AttemptLog,
    private readonly metrics: OutboundMetrics,
  ) {}

  /** Renders the request; an unusable URL is returned as a failed result. Template problems throw (ExpressionError). */
  async prepare(
    tenantId: string,
    config: HttpActionConfig,
    context: ExpressionContext,
    bindings: ExpressionBindings,
  ): Promise<BuiltRequest | CallResult> {
    try {
      return await this.builder.build(tenantId, config, context, bindings);
    } catch (error) {
      if (error instanceof OutboundError)
        return {
          ok: false,
          origin: null,
          durationMs: 0,
          errorClass: error.errorClass,
          error: error.message,
          retryable: false,
          countsForCircuit: false,
          mapped: NO_MAPPING,
        };
      throw error;
    }
  }

  /** Sends a prepared request, classifies the answer and logs the attempt; failures are returned, not thrown. */
  async send(
    tenantId: string,
    config: HttpActionConfig,
    request: BuiltRequest,
    origin: CallOrigin,
  ): Promise<CallResult> {
    const started = performance.now();
    let result: CallResult;
    let rawBody: Buffer | null = null;
    try {
      const response = await this.client.send({
        method: request.method,
        url: request.url.toString(),
        headers: request.headers,
        body: request.body,
        timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxResponseBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        sensitiveHeaders: request.secretHeaders,
      });
      rawBody = response.body;
      const body = parseBody(response.body, response.headers['content-type']);
      const verdict = classifyStatus(response.status, response.headers);
      result = verdict.ok
        ? {
            ok: true,
            origin: request.url.origin,
            status: response.status,
            headers: response.headers,
            body,
            durationMs: response.durationMs,
            mapped: applyResponseMapping(config.responseMapping, body),
          }
        : {
            ok: false,
            origin: request.url.origin,
            status: response.status,
            headers: response.headers,
            body,
            durationMs: response.durationMs,
            errorClass: verdict.errorClass,
            error: `The target answered HTTP ${response.status}.`,
            retryable: verdict.retryable,
            retryAfterMs: verdict.retryAfterMs,
            countsForCircuit: verdict.retryable,
            mapped: NO_MAPPING,
          };
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      result = {
        ok: false,
        origin: request.url.origin,
        durationMs: performance.now() - started,
        errorClass: error.errorClass,
        error: error.message,
        retryable: error.retryable,
        retryAfterMs: error.retryAfterMs,
        countsForCircuit: !NOT_THE_TARGETS_FAULT.has(error.errorClass),
        mapped: NO_MAPPING,
      };
    }
    this.metrics.observe(result.ok ? 'success' : result.errorClass, result.durationMs);
    await this.attempts.record({
      tenantId,
      ...origin,
      method: request.method,
      url: request.url,
      headers: request.headers,
      secretHeaders: request.secretHeaders,
      status: result.ok ? 'succeeded' : 'failed',
      httpStatus: result.status ?? null,
      durationMs: result.durationMs,
      responseBody: rawBody,
      errorClass: result.ok ? null : result.errorClass,
      errorMessage: result.ok ? null : result.error,
    });
    return result;
  }
}

function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const text = body.toString('utf8');
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export function isCallResult(value: BuiltRequest | CallResult): value is CallResult {
  return 'ok' in value;
}
