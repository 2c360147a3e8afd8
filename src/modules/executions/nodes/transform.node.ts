import type { TemplateEvaluator } from '../../../platform/expressions/template-evaluator.js';
import { NodeError } from '../domain/node-error.js';
import type { NodeHandler, NodeResult, NodeRunContext } from '../domain/node-handler.js';
import { expandDottedKeys } from './dotted-keys.js';

/** `transform`: renders every value of `set`; the output is the object built from its (dotted) keys. */
export class TransformNode implements NodeHandler {
  readonly type = 'transform';

  constructor(private readonly templates: TemplateEvaluator) {}

  async run({ node, context, bindings }: NodeRunContext): Promise<NodeResult> {
    const rendered = (await this.templates.renderDeep(node.config.set, { ...context }, bindings)) as Record<
      string,
      unknown
    >;
    try {
      return { kind: 'completed', output: expandDottedKeys(rendered) };
    } catch (error) {
      throw new NodeError('invalid_config', (error as Error).message, false);
    }
  }
}
