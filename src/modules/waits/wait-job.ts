/** Which wait node of which execution (pinned version) a `waits` queue job is about. */
interface WaitJobTarget {
  tenantId: string;
  executionId: string;
  workflowId: string;
  workflowVersion: number;
  nodeId: string;
  correlationId?: string;
}

/** Data of a `waits` queue job: an interval/until timer, or the expiry of one activation of a resume URL. */
export type WaitJobData =
  | (WaitJobTarget & { kind: 'timer'; dueAt: string })
  | (WaitJobTarget & { kind: 'expiry'; resumeId: string; expiresAt: string });

/** Idempotent job id: scheduling the same timer or expiry twice yields one job. */
export function waitJobId(data: WaitJobData): string {
  return data.kind === 'timer'
    ? `timer.${data.executionId}.${data.nodeId}.${Date.parse(data.dueAt)}`
    : `expiry.${data.resumeId}.${Date.parse(data.expiresAt)}`;
}
