import type { ContactDirectory } from '../../contacts/index.js';
import { NodeError, type NodeHandler, type NodeResult, type NodeRunContext } from '../../executions/index.js';
import type { CircuitBreaker } from '../resilience/circuit-breaker.js';
import { DEFAULT_OUTBOUND_RATE_PER_SECOND, type OutboundRateLimiter } from '../resilience/outbound-rate-limiter.js';
import type { HttpActionConfig } from './http-action-config.js';
import { isCallResult, type HttpActionRunner } from './http-action.runner.js';

/**
 * `action.http`: rate limit (excess calls are delayed), circuit breaker (open → rescheduled within
 * the retry budget, then `circuit_open`), the call itself, retry classification, response mapping
 * into the output and the execution's contact.
 */
export class HttpActionNode implements NodeHandler {
  readonly type = 'action.http';

  constructor(
    private readonly runner: HttpActionRunner,
    private readonly circuits: CircuitBreaker,
    private readonly rateLimiter: OutboundRateLimiter,
    private readonly contacts: ContactDirectory,
  ) {}

  async run(run: NodeRunContext): Promise<NodeResult> {
    const config = run.node.config as unknown as HttpActionConfig;
    const request = await this.runner.prepare(run.tenantId, config, { ...run.context }, run.bindings);
    if (isCallResult(request))
      throw new NodeError(
        request.ok ? 'internal_error' : request.errorClass,
        request.ok ? 'unexpected' : request.error,
        false,
      );
    const origin = request.url.origin;
    // One round trip for both (auto-pipelined); a call refused by an open circuit still counted in the
    // rate window, which only makes the limit a little stricter while the target is down.
    const [circuit, delayMs] = await Promise.all([
      this.circuits.check(run.tenantId, origin),
      this.rateLimiter.delayFor(run.tenantId, origin, config.rateLimitPerSecond ?? DEFAULT_OUTBOUND_RATE_PER_SECOND),
    ]);
    if (circuit.openForMs > 0)
      throw new NodeError(
        'circuit_open',
        `The circuit for ${origin} is open; calls fail fast until it half-opens.`,
        true,
        circuit.openForMs,
      );
    if (delayMs > 0) return { kind: 'deferred', delayMs, reason: 'rate_limited' };

    const result = await this.runner.send(run.tenantId, config, request, {
      workflowId: run.workflowId,
      executionId: run.executionId,
      nodeId: run.node.id,
      attempt: run.attempt,
    });
    if (result.origin) {
      if (result.ok) await this.circuits.record(run.tenantId, result.origin, 'success', circuit);
      else if (result.countsForCircuit) await this.circuits.record(run.tenantId, result.origin, 'failure', circuit);
    }
    if (!result.ok) throw new NodeError(result.errorClass, result.error, result.retryable, result.retryAfterMs);

    if (Object.keys(result.mapped.contactFields).length > 0 && run.context.contact) {
      await this.contacts.mergeFields(run.tenantId, run.context.contact.id, result.mapped.contactFields);
    }
    return {
      kind: 'completed',
      output: { status: result.status, headers: result.headers, body: result.body, ...result.mapped.output },
    };
  }
}
