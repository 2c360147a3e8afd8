import { Injectable } from '@nestjs/common';
import type { ExpressionContext } from './domain/node-handler.js';

/** The execution whose node is about to run, with the version it pinned. */
export interface BoundExecution {
  tenantId: string;
  executionId: string;
  workflowId: string;
  workflowVersion: number;
}

/** Adds to the `$execution` binding, e.g. `{ <waitNodeId>: { resume_url } }` from the waits module. */
export type ExecutionBindingContributor = (execution: BoundExecution) => Promise<Record<string, unknown>>;
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

  async resolve(
    execution: BoundExecution,
    contactId: string | null,
  ): Promise<{ contact: ExpressionContext['contact']; bindings: Record<string, unknown> }> {
    const [contact, ...parts] = await Promise.all([
      contactId && this.contactLoader ? this.contactLoader(execution.tenantId, contactId) : Promise.resolve(null),
      ...this.contributors.map((contributor) => contributor(execution)),
    ]);
    return { contact, bindings: { execution: Object.assign({}, ...parts) } };
  }
}
