import { NODE_STATUSES, type NodeStatus } from './execution-status.js';
import { NODE_TRANSITIONS, nextNodeStatus, type NodeTransition } from './node-transitions.js';

/** Every allowed move, written out: anything not listed here must be refused. */
const ALLOWED: Record<NodeTransition, Partial<Record<NodeStatus, NodeStatus>>> = {
  start: { pending: 'running', running: 'running' },
  defer: { running: 'pending' },
  retry: { running: 'pending' },
  succeed: { running: 'succeeded' },
  wait: { running: 'waiting' },
  resume: { waiting: 'succeeded' },
  fail: { running: 'failed' },
  timeOut: { waiting: 'failed' },
  giveUp: { pending: 'failed', running: 'failed' },
  skip: { pending: 'skipped' },
  schedule: { pending: 'pending' },
  cancel: { pending: 'cancelled', waiting: 'cancelled' },
  rerun: { failed: 'pending' },
  reopen: { cancelled: 'pending' },
};

const cases = (Object.keys(ALLOWED) as NodeTransition[]).flatMap((transition) =>
  NODE_STATUSES.map((from) => [transition, from, ALLOWED[transition][from]] as const),
);

describe('node transitions', () => {
  it('has exactly the transitions this spec covers', () => {
    expect(Object.keys(NODE_TRANSITIONS).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(cases.filter(([, , to]) => to !== undefined))('%s moves a %s node to %s', (transition, from, to) => {
    expect(nextNodeStatus(from, transition)).toBe(to);
  });

  it.each(cases.filter(([, , to]) => to === undefined))('%s refuses a %s node', (transition, from) => {
    expect(nextNodeStatus(from, transition)).toBeUndefined();
  });
});
