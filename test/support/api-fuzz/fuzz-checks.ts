import type { FuzzResponse } from './case-runner.js';
import type { FuzzCase } from './fuzz-case.js';
import type { ResponseValidator } from './response-validator.js';

/** The invariants every answer is held to. */
export type Invariant = 'answers' | 'no-5xx' | 'problem-details' | 'request-id' | 'documented-2xx' | 'refuses-invalid';

export interface Violation {
  invariant: Invariant;
  /** What makes this violation the same as others (so a report lists each distinct failure once). */
  signature: string;
  detail: string;
}

const LEAK = /at \w+ \(|node_modules|SELECT |INSERT /;

/** Every invariant `response` breaks for `fuzzCase`. */
export function violationsOf(fuzzCase: FuzzCase, response: FuzzResponse, validator: ResponseValidator): Violation[] {
  const { status } = response;
  const where = `${fuzzCase.operation.key} [${fuzzCase.inputClass}]`;
  if (status === 0) return [{ invariant: 'answers', signature: where, detail: `no HTTP answer: ${response.text}` }];
  const violations: Violation[] = [];
  if (!response.headers['x-request-id'])
    violations.push({
      invariant: 'request-id',
      signature: `${fuzzCase.operation.key} → ${status}`,
      detail: 'no X-Request-Id header',
    });
  if (status >= 500)
    violations.push({ invariant: 'no-5xx', signature: `${where} → ${status}`, detail: `answered ${status}` });
  if (status >= 400) {
    const problems = problemDetailsProblems(status, response);
    if (problems.length > 0)
      violations.push({
        invariant: 'problem-details',
        signature: `${fuzzCase.operation.key} → ${status}`,
        detail: problems.join('; '),
      });
  }
  if (status >= 200 && status < 300) {
    if (fuzzCase.mustRefuse)
      violations.push({
        invariant: 'refuses-invalid',
        signature: `${where} → ${status}`,
        detail: `accepted input the document forbids (${fuzzCase.inputClass})`,
      });
    const problems = validator.problems(fuzzCase.operation, response);
    if (problems.length > 0)
      violations.push({
        invariant: 'documented-2xx',
        signature: `${fuzzCase.operation.key} → ${status}: ${problems[0]}`,
        detail: problems.join('; '),
      });
  }
  return violations;
}

/** Why an error answer is not RFC 9457 problem details with all five members, or nothing. */
export function problemDetailsProblems(status: number, response: FuzzResponse): string[] {
  const problems: string[] = [];
  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/problem+json')) problems.push(`content type ${contentType || '(none)'}`);
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return [...problems, 'body is not JSON'];
  }
  if (typeof body !== 'object' || body === null) return [...problems, 'body is not an object'];
  const problem = body as Record<string, unknown>;
  for (const member of ['type', 'title', 'detail', 'instance'])
    if (typeof problem[member] !== 'string') problems.push(`${member} missing`);
  if (problem.status !== status) problems.push(`status member ${String(problem.status)}`);
  if (LEAK.test(response.text)) problems.push('leaks a stack trace or SQL');
  return problems;
}
