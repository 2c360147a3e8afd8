import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { serializeOutput, WaitingNodes } from '../../executions/index.js';
import { withoutSecretHeaders } from '../../webhook-providers/index.js';
import { isWellFormedResumeId } from '../domain/resume-id.js';
import { resumeConsumed, resumeExpired, resumeNotFound, resumeNotReached } from '../domain/wait-errors.js';
import { WaitResumedEvent } from '../events/wait-resumed.event.js';
import { ResumeRegistrationStore, type ResumeStatus } from '../resume-registration.store.js';
import { WaitOutcomes } from '../wait-outcomes.js';
import { type ResumeRequest, ResumeWaitCommand } from './resume-wait.command.js';

/**
 * Exactly one caller of a resume URL wins: the registration row is locked, checked and moved from
 * `active` to `consumed` (with what the call brought) in one transaction; the others then see
 * `consumed` (409). After commit the wait node completes with that payload and the execution goes on.
 */
@CommandHandler(ResumeWaitCommand)
export class ResumeWaitHandler implements ICommandHandler<ResumeWaitCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly registrations: ResumeRegistrationStore,
    private readonly nodes: WaitingNodes,
    private readonly outcomes: WaitOutcomes,
  ) {}

  async execute({ resumeId, request }: ResumeWaitCommand): Promise<{ executionId: string }> {
    if (!isWellFormedResumeId(resumeId)) throw resumeNotFound();
    const output = resumeOutput(request);
    const payload = checkedPayload(output);

    const registration = await this.unitOfWork.run(async (tx) => {
      const found = await this.registrations.find(resumeId, tx.manager, true);
      if (!found) throw resumeNotFound();
      RequestContext.setIdentity(found.tenantId, undefined);
      if (found.status !== 'active') throw errorFor(found.status);
      // The node becomes `waiting` only when its run is recorded, just after the registration turned active.
      if (!(await this.nodes.lockExecution(tx.manager, found.tenantId, found.executionId))) throw resumeNotFound();
      const status = await this.nodes.status(found.executionId, found.nodeId, tx.manager);
      if (!status || status === 'pending' || status === 'running') throw resumeNotReached();
      if (status !== 'waiting') throw resumeExpired();
      await this.registrations.consume(tx.manager, resumeId, payload);
      tx.record(
        new WaitResumedEvent({
          tenantId: found.tenantId,
          aggregateType: 'execution',
          aggregateId: found.executionId,
          payload: { nodeId: found.nodeId, resumeId },
        }),
      );
      return found;
    });

    if (!(await this.outcomes.resume(registration, output))) {
      // Cancelled between our commit and the resume: the URL is gone after all.
      await this.registrations.expireConsumed(resumeId);
      throw resumeExpired();
    }
    return { executionId: registration.executionId };
  }
}

function errorFor(status: Exclude<ResumeStatus, 'active'>): DomainError {
  if (status === 'pending') return resumeNotReached();
  return status === 'consumed' ? resumeConsumed() : resumeExpired();
}

/** The wait node's output: the request, minus credentials (secret headers, `?token=`). */
function resumeOutput(request: ResumeRequest): {
  body: unknown;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
} {
  const query = Object.fromEntries(Object.entries(request.query).filter(([key]) => key !== 'token'));
  const headers = withoutSecretHeaders(
    Object.fromEntries(Object.entries(request.headers).filter(([, value]) => value !== undefined)),
  );
  return { body: request.body ?? null, query, headers };
}

function checkedPayload(output: unknown): string {
  try {
    return serializeOutput(output);
  } catch {
    throw new DomainError(
      'invalid_input',
      'resume_payload_too_large',
      'The resume request (body, query and headers) is larger than a node output may be (1 MiB).',
    );
  }
}
