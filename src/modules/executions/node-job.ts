/** Data of a `nodes` queue job: which node of which execution, and the correlation to log under. */
export interface NodeJobData {
  tenantId: string;
  executionId: string;
  nodeId: string;
  /** The execution's retry count when queued: a retried execution gets fresh job ids. */
  run: number;
  correlationId?: string;
  /** The node's longest backoff between attempts, when it sets one. */
  maxBackoffMs?: number;
}

/** Idempotent job id: queuing the same node run twice yields one job. */
export function nodeJobId(data: Pick<NodeJobData, 'executionId' | 'nodeId' | 'run'>): string {
  return `${data.executionId}.${data.nodeId}.${data.run}`;
}
