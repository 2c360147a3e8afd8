import { NodeError, type NodeHandler, type NodeResult, type NodeRunContext } from '../executions/index.js';
import { timeoutMs, waitConfigOf } from './domain/wait-config.js';
import type { ResumeRegistrationStore } from './resume-registration.store.js';
import type { ResumeUrls } from './resume-urls.js';
import type { WaitTimerScheduler } from './wait-timer.scheduler.js';

/**
 * `wait`: suspends the node (`waiting`: no job, no memory held) until its resume URL is called
 * (`webhook`, with an expiry job), or until a delayed timer job fires (`interval`, `until`).
 */
export class WaitNode implements NodeHandler {
  readonly type = 'wait';

  constructor(
    private readonly registrations: ResumeRegistrationStore,
    private readonly resumeUrls: ResumeUrls,
    private readonly timers: WaitTimerScheduler,
  ) {}

  async run({ tenantId, executionId, workflowId, node, context, correlationId }: NodeRunContext): Promise<NodeResult> {
    const config = waitConfigOf(node);
    const target = {
      tenantId,
      executionId,
      workflowId,
      workflowVersion: context.execution.workflowVersion,
      nodeId: node.id,
      correlationId,
    };
    if (config.mode === 'webhook') {
      const activate = () => this.registrations.activate(tenantId, executionId, node.id, timeoutMs(config));
      let activation = await activate();
      if (!activation) {
        await this.resumeUrls.register({
          tenantId,
          executionId,
          workflowId,
          workflowVersion: context.execution.workflowVersion,
        });
        activation = await activate();
      }
      if (!activation) throw new NodeError('resume_consumed', 'The resume URL of this wait was already used.', false);
      const expiresAt = activation.expiresAt.toISOString();
      await this.timers.schedule(
        { kind: 'expiry', ...target, resumeId: activation.resumeId, expiresAt },
        activation.expiresAt,
      );
      return { kind: 'waiting', output: { mode: 'webhook', expiresAt } };
    }
    const dueAt = config.mode === 'interval' ? new Date(Date.now() + config.seconds * 1000) : new Date(config.at);
    await this.timers.schedule({ kind: 'timer', ...target, dueAt: dueAt.toISOString() }, dueAt);
    return { kind: 'waiting', output: { mode: config.mode, resumeAt: dueAt.toISOString() } };
  }
}
