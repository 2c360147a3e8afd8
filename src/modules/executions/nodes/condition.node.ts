import type { TemplateEvaluator } from '../../../platform/expressions/template-evaluator.js';
import type { NodeHandler, NodeResult, NodeRunContext } from '../domain/node-handler.js';

/** `condition`: its expression is evaluated; a truthy value takes branch `true`, anything else `false`. */
export class ConditionNode implements NodeHandler {
  readonly type = 'condition';

  constructor(private readonly templates: TemplateEvaluator) {}

  async run({ node, context, bindings }: NodeRunContext): Promise<NodeResult> {
    const value = await this.templates.render(String(node.config.expression), { ...context }, bindings);
    const result = Boolean(value) && !(Array.isArray(value) && value.length === 0);
    return { kind: 'completed', output: { result }, branch: result ? 'true' : 'false' };
  }
}
