import request from 'supertest';
import type { TestApp } from './test-app.js';
import { waitFor } from './wait-for.js';

export const FINAL = ['succeeded', 'failed', 'cancelled'];

export interface ExecutionView {
  id: string;
  status: string;
  error?: { class: string; message: string };
  nodeExecutions: {
    nodeId: string;
    status: string;
    output: unknown;
    input: unknown;
    error?: { class: string; message: string };
    attempts: number;
  }[];
  [key: string]: unknown;
}

export async function getExecution(t: TestApp, token: string, executionId: string): Promise<ExecutionView> {
  const response = await request(t.app.getHttpServer())
    .get(`/api/executions/${executionId}`)
    .set('Authorization', `Bearer ${token}`);
  if (response.status !== 200) throw new Error(`GET execution: ${response.status} ${response.text}`);
  return response.body as ExecutionView;
}

/** Waits until the execution reaches one of `statuses` (default: a final one). */
export function waitForExecution(
  t: TestApp,
  token: string,
  executionId: string,
  statuses = FINAL,
  timeoutMs = 15000,
): Promise<ExecutionView> {
  return waitFor(
    () => getExecution(t, token, executionId),
    (execution) => statuses.includes(execution.status),
    timeoutMs,
  );
}

export function nodeOf(execution: ExecutionView, nodeId: string) {
  const node = execution.nodeExecutions.find((candidate) => candidate.nodeId === nodeId);
  if (!node) throw new Error(`no node ${nodeId} in execution ${execution.id}`);
  return node;
}
