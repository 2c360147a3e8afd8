import { Injectable } from '@nestjs/common';
import type { ExpressionContext } from './domain/node-handler.js';

/** Adds to the `$execution` binding, e.g. `{ <waitNodeId>: { resume_url } }` from the waits module. */
export type ExecutionBindingContributor = (tenantId: string, executionId: string) => Promise<Record<string, unknown>>;
/** Loads the execution's contact for `{{ contact.fields.x }}` (contacts module). */
export type ContactLoader = (tenantId: string, contactId: string) => Promise<ExpressionContext['contact']>;

/**
 * Extension points of the expression context: modules plug in what they own (resume URLs,
 * contacts) without the engine knowing them.
 */
@Injectable()
export class ExecutionBindings {
  private readonly contributors: ExecutionBindingContributor[] = [];
  private contactLoader: ContactLoader | undefined;

  addContributor(contributor: ExecutionBindingContributor): void {
    this.contributors.push(contributor);
  }

  setContactLoader(loader: ContactLoader): void {
    this.contactLoader = loader;
  }

  async resolve(tenantId: string, executionId: string, contactId: string | null): Promise<{ contact: ExpressionContext['contact']; bindings: Record<string, unknown> }> {
    const [contact, ...parts] = await Promise.all([
      contactId && this.contactLoader ? this.contactLoader(tenantId, contactId) : Promise.resolve(null),
      ...this.contributors.map((contributor) => contributor(tenantId, executionId)),
    ]);
    return { contact, bindings: { execution: Object.assign({}, ...parts) } };
  }
}
