import { Command } from '@nestjs/cqrs';

export interface ResumeRequest {
  body: unknown;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** A call of a resume URL (public: the unguessable resume id is the credential). */
export class ResumeWaitCommand extends Command<{ executionId: string }> {
  constructor(
    readonly resumeId: string,
    readonly request: ResumeRequest,
  ) {
    super();
  }
}
