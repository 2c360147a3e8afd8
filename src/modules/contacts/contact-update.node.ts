import type { TemplateEvaluator } from '../../platform/expressions/template-evaluator.js';
import { NodeError, type NodeHandler, type NodeResult, type NodeRunContext } from '../executions/index.js';
import type { ContactDirectory } from './contact-directory.js';

/** `contact.update`: renders `fields` and merges them into the execution's contact. */
export class ContactUpdateNode implements NodeHandler {
  readonly type = 'contact.update';

  constructor(
    private readonly templates: TemplateEvaluator,
    private readonly contacts: ContactDirectory,
  ) {}

  async run({ tenantId, node, context, bindings }: NodeRunContext): Promise<NodeResult> {
    if (!context.contact)
      throw new NodeError(
        'no_contact',
        'This execution has no contact to update (it was not started by a provider event).',
        false,
      );
    const fields = (await this.templates.renderDeep(node.config.fields, { ...context }, bindings)) as Record<
      string,
      unknown
    >;
    const updated = await this.contacts.mergeFields(tenantId, context.contact.id, fields);
    if (!updated) throw new NodeError('no_contact', 'The execution’s contact no longer exists.', false);
    return { kind: 'completed', output: { contactId: updated.id, fields: updated.fields } };
  }
}
