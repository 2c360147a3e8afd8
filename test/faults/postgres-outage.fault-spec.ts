import { FaultSystem, summary } from './support/fault-system.js';

const POSTGRES_DOWN_MS = 10000;

/**
 * PostgreSQL is stopped (fast shutdown: every connection terminated) in the middle of the load and
 * started again on the same port and data directory 10 s later. While it is down ingress refuses with
 * 503 problem details (a 202 is only right for an event committed before the stop: every accepted
 * eventId must be in webhook_events afterwards); afterwards every accepted event runs exactly
 * once and the same processes serve again.
 */
describe('Fault: PostgreSQL stopped for 10 s under load', () => {
  const system = new FaultSystem('postgres-outage');

  beforeAll(() => system.start(1), 120000);
  afterAll(() => system.close(), 60000);

  it('refuses with 503 while down, loses no accepted event, runs each once, and recovers without a restart', async () => {
    const flow = await system.createFlow();
    const [worker] = system.workers;
    let acceptedWhileDown = 0;
    let refusedWhileDown = 0;
    const load = await system.load(flow, {
      senders: 16,
      faultAfterMs: 3000,
      afterMs: 5000,
      fault: async (live) => {
        ({ accepted: acceptedWhileDown, refused: refusedWhileDown } = await FaultSystem.outage(live, POSTGRES_DOWN_MS, () => system.postgres.stop(), () => system.postgres.start()));
      },
    });

    const outcome = await system.outcome(flow, load.accepted, 60000);
    const recovered = await system.recovery(flow, [worker]);
    console.log(
      summary('postgres outage', load, outcome, `${acceptedWhileDown} accepted and ${refusedWhileDown} refused while PostgreSQL was down (${POSTGRES_DOWN_MS} ms); logs in ${system.logDir}`),
    );
    console.log(
      `postgres outage: api pid ${system.api!.pid} ${system.api!.exitDescription}, worker pid ${worker.pid} ${worker.exitDescription}; ` +
        `/health 200 after ${recovered.healthMs} ms; fresh webhook final after ${recovered.freshMs} ms`,
    );
    const problems = [...FaultSystem.problems(load, outcome), ...recovered.problems];
    if (refusedWhileDown === 0) problems.push('ingress never answered 503 while PostgreSQL was down');
    expect(problems).toEqual([]);
  }, 170000);
});
