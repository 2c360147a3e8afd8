import type { NodeHandler, NodeResult, NodeRunContext } from '../domain/node-handler.js';

/** Trigger nodes pass the execution's trigger input through as their output. */
export class TriggerNode implements NodeHandler {
  constructor(readonly type: 'trigger.manual' | 'trigger.webhook' | 'trigger.channel') {}

  async run(context: NodeRunContext): Promise<NodeResult> {
    return { kind: 'completed', output: context.triggerInput };
  }
}
