import { EXECUTION_STATUSES, type ExecutionStatus } from './execution-status.js';
import { EXECUTION_TRANSITIONS, nextExecutionStatus, type ExecutionTransition } from './execution-transitions.js';

/** Every allowed move, written out: anything not listed here must be refused. */
const ALLOWED: Record<ExecutionTransition, Partial<Record<ExecutionStatus, ExecutionStatus>>> = {
  start: { queued: 'running' },
  activate: { queued: 'running', waiting: 'running' },
  park: { queued: 'waiting', running: 'waiting' },
  succeed: { queued: 'succeeded', running: 'succeeded', waiting: 'succeeded' },
  fail: { queued: 'failed', running: 'failed', waiting: 'failed' },
  cancel: { queued: 'cancelled', running: 'cancelled', waiting: 'cancelled' },
  retry: { failed: 'running' },
};

const cases = (Object.keys(ALLOWED) as ExecutionTransition[]).flatMap((transition) =>
  EXECUTION_STATUSES.map((from) => [transition, from, ALLOWED[transition][from]] as const),
);

describe('execution transitions', () => {
  it('has exactly the transitions this spec covers', () => {
    expect(Object.keys(EXECUTION_TRANSITIONS).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(cases.filter(([, , to]) => to !== undefined))('%s moves a %s execution to %s', (transition, from, to) => {
    expect(nextExecutionStatus(from, transition)).toBe(to);
  });

  it.each(cases.filter(([, , to]) => to === undefined))('%s refuses a %s execution', (transition, from) => {
    expect(nextExecutionStatus(from, transition)).toBeUndefined();
  });

  it('never moves a succeeded or cancelled execution', () => {
    for (const transition of Object.keys(ALLOWED) as ExecutionTransition[])
      for (const from of ['succeeded', 'cancelled'] as const)
        expect(nextExecutionStatus(from, transition)).toBeUndefined();
  });
});
