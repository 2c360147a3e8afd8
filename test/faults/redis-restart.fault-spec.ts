import { FaultSystem, summary } from './support/fault-system.js';

const REDIS_DOWN_MS = 4000;

/**
 * Redis is killed in the middle of the load (no persistence: every queued job and lock is lost with
 * it) and started again on the same port a few seconds later. Ingress keeps committing events in
 * PostgreSQL (202); the sweepers re-queue what Redis lost; nothing runs twice; no process restarts.
 */
describe('Fault: Redis restarted under load', () => {
  const system = new FaultSystem('redis-restart');

  beforeAll(() => system.start(1), 120000);
  afterAll(() => system.close(), 60000);

  it('loses no accepted event, runs each once, and recovers without a restart', async () => {
    const flow = await system.createFlow();
    const [worker] = system.workers;
    let acceptedWhileDown = 0;
    let refusedWhileDown = 0;
    const load = await system.load(flow, {
      senders: 16,
      faultAfterMs: 3000,
      afterMs: 4000,
      fault: async (live) => {
        ({ accepted: acceptedWhileDown, refused: refusedWhileDown } = await FaultSystem.outage(live, REDIS_DOWN_MS, () => system.redis.stop(), () => system.redis.start()));
      },
    });

    const outcome = await system.outcome(flow, load.accepted, 60000);
    const recovered = await system.recovery(flow, [worker]);
    console.log(
      summary('redis restart', load, outcome, `${acceptedWhileDown} accepted and ${refusedWhileDown} refused while Redis was down (${REDIS_DOWN_MS} ms); logs in ${system.logDir}`),
    );
    console.log(
      `redis restart: api pid ${system.api!.pid} ${system.api!.exitDescription}, worker pid ${worker.pid} ${worker.exitDescription}; ` +
        `/health 200 after ${recovered.healthMs} ms; fresh webhook final after ${recovered.freshMs} ms`,
    );
    expect([...FaultSystem.problems(load, outcome), ...recovered.problems]).toEqual([]);
  }, 170000);
});
