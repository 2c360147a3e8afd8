import { FaultSystem, summary } from './support/fault-system.js';

/**
 * Two worker processes share the load; one is killed with SIGKILL in the middle of it. No replacement
 * is started: the surviving worker must take over what the dead one held (its jobs' locks expire after
 * WORKER_LOCK_DURATION_MS, 1500 ms here) and the sweepers whatever it left between a commit and a queue.
 */
describe('Fault: a worker killed with SIGKILL under load', () => {
  const system = new FaultSystem('worker-kill');

  beforeAll(() => system.start(2), 120000);
  afterAll(() => system.close(), 60000);

  it('loses no accepted event, runs each once, and the surviving processes carry on', async () => {
    const flow = await system.createFlow();
    const [victim, survivor] = system.workers;
    let inFlightAtKill = -1;
    const load = await system.load(flow, {
      senders: 16,
      faultAfterMs: 3000,
      afterMs: 3000,
      fault: async () => {
        [{ inFlightAtKill }] = await system.query<{ inFlightAtKill: number }>(
          `SELECT count(*)::int AS "inFlightAtKill" FROM webhook_events e LEFT JOIN executions x ON x.id = e.workflow_execution_id
            WHERE e.webhook_id = $1 AND (e.status = 'received' OR x.status NOT IN ('succeeded', 'failed', 'cancelled'))`,
          [flow.webhookId],
        );
        await victim.kill('SIGKILL');
      },
    });
    expect(victim.child.signalCode).toBe('SIGKILL');

    const outcome = await system.outcome(flow, load.accepted, 60000);
    const recovered = await system.recovery(flow, [survivor]);
    console.log(
      summary(
        'worker kill -9',
        load,
        outcome,
        `${inFlightAtKill} events in flight at the kill; logs in ${system.logDir}`,
      ),
    );
    console.log(
      `worker kill -9: kept worker-2 alive, no replacement; api pid ${system.api!.pid} ${system.api!.exitDescription}, surviving worker pid ${survivor.pid} ${survivor.exitDescription}; ` +
        `/health 200 after ${recovered.healthMs} ms; fresh webhook final after ${recovered.freshMs} ms`,
    );
    expect([...FaultSystem.problems(load, outcome), ...recovered.problems]).toEqual([]);
  }, 170000);
});
